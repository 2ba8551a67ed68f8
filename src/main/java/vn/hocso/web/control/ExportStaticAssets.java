package vn.hocso.web.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the site's stylesheet and scripts under their hashed addresses into a folder, each as
 * itself and gzipped beside it ({@code app.<hash>.css}, {@code app.<hash>.css.gz}), for a reverse
 * proxy to serve them without asking the app (nginx's {@code gzip_static}; src/ops/cluster/up).
 * They are the very bytes the app serves, hashed by the same code.
 *
 * <pre>java -cp hocso/WEB-INF/classes:… vn.hocso.web.control.ExportStaticAssets DIR</pre>
 */
public final class ExportStaticAssets {

  private ExportStaticAssets() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ExportStaticAssets DIR");
      System.exit(2);
    }
    Path root = Path.of(args[0]);
    for (Map.Entry<String, CachedBody> asset : StaticAssets.hashed().entrySet()) {
      Path file = root.resolve(asset.getKey().substring(1));
      Files.createDirectories(file.getParent());
      Files.write(file, asset.getValue().identity());
      Files.write(file.resolveSibling(file.getFileName() + ".gz"), asset.getValue().gzip());
      System.out.println(asset.getKey());
    }
  }
}
