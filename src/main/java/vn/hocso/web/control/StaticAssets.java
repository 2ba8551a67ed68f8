package vn.hocso.web.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The site's own CSS (and later scripts), served under addresses that contain a hash of their
 * content, so browsers may keep them for a year and still never use an outdated one.
 */
@ApplicationScoped
public class StaticAssets {

  private static final Map<String, String> TYPES =
      Map.of(
          "app.css", "text/css; charset=UTF-8",
          "editor.js", "text/javascript; charset=UTF-8");

  private Map<String, CachedBody> byUrl;
  private String cssUrl;
  private String editorJsUrl;
  private CachedBody favicon;

  @PostConstruct
  void load() {
    byUrl = hashed();
    cssUrl = urlOf(byUrl, "app.");
    editorJsUrl = urlOf(byUrl, "editor.");
    favicon = CachedBody.of("image/x-icon", read("static/favicon.ico"));
  }

  /**
   * The stylesheet and the scripts under their hashed addresses. A reverse proxy may serve them
   * itself: {@link ExportStaticAssets} writes them as files.
   */
  static Map<String, CachedBody> hashed() {
    CachedBody css = CachedBody.of(TYPES.get("app.css"), read("static/app.css"));
    // The authoring pages' editor: CodeMirror bundled from npm (src/main/editor).
    CachedBody editor = CachedBody.of(TYPES.get("editor.js"), read("static/editor.js"));
    return Map.of(
        "/tai-nguyen/app." + css.hash() + ".css", css,
        "/tai-nguyen/editor." + editor.hash() + ".js", editor);
  }

  private static String urlOf(Map<String, CachedBody> byUrl, String prefix) {
    return byUrl.keySet().stream()
        .filter(url -> url.startsWith("/tai-nguyen/" + prefix))
        .findFirst()
        .orElseThrow();
  }

  /** The site's icon, at the address browsers ask for it without being told (/favicon.ico). */
  public CachedBody favicon() {
    return favicon;
  }

  public String cssUrl() {
    return cssUrl;
  }

  public String editorJsUrl() {
    return editorJsUrl;
  }

  public Optional<CachedBody> find(String url) {
    return Optional.ofNullable(byUrl.get(url));
  }

  private static byte[] read(String resource) {
    try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing static resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
