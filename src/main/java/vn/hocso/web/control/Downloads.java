package vn.hocso.web.control;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** A report as a file to download: its media type, its name, never cached. */
public final class Downloads {

  public static final String CSV = "text/csv; charset=UTF-8";
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private Downloads() {}

  /** A CSV ({@code csv} true) or XLSX file to download, streamed as it is written. */
  public static Response of(StreamingOutput body, boolean csv, String file) {
    return Response.ok(body, csv ? CSV : XLSX)
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .header("Cache-Control", "private, no-store")
        .build();
  }

  /** A piece of a file name: letters, digits and hyphens only. */
  public static String safeName(String text) {
    return text.replaceAll("[^A-Za-z0-9-]", "_");
  }
}
