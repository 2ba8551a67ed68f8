package vn.hocso.authoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.hocso.content.control.ContentCatalog;

/**
 * The published curriculum as a zip of its folder: {@code check-content} accepts it, and used as
 * {@code CONTENT_DIR} it yields the same content versions (a version is a hash of a module's files,
 * and every file is written as it is). Editors' backup files ({@code …~}) and hidden files are left
 * out.
 */
@ApplicationScoped
public class ContentExport {

  @Inject ContentCatalog catalog;

  /** The folder's files, in name order, under a top folder named {@code content}. */
  public void write(OutputStream out) throws IOException {
    Path root = catalog.root();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(file -> kept(root.relativize(file)))
              .sorted()
              .toList();
    }
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Path file : files) {
        zip.putNextEntry(new ZipEntry("content/" + slashed(root.relativize(file))));
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
  }

  private static boolean kept(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || name.endsWith("~")) {
        return false;
      }
    }
    return true;
  }

  private static String slashed(Path relative) {
    return relative.toString().replace('\\', '/');
  }
}
