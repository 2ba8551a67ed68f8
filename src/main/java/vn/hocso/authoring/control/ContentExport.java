package vn.hocso.authoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.hocso.content.control.ContentCatalog;

/**
 * The published curriculum as a zip of its folder: {@code check-content} accepts it, and used as
 * {@code CONTENT_DIR} on an empty database it yields the same content versions (a version is a hash
 * of a module's files, and every published file is written as it is). Retired modules are left out.
 */
@ApplicationScoped
public class ContentExport {

  @Inject ContentCatalog catalog;

  /** The folder's files, in name order, under a top folder named {@code content}. */
  public void write(OutputStream out) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> file : new TreeMap<>(catalog.publishedFiles()).entrySet()) {
        zip.putNextEntry(new ZipEntry("content/" + file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    }
  }
}
