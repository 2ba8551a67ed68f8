package vn.hocso.content.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.hocso.content.entity.Media;
import vn.hocso.content.entity.Module;
import vn.hocso.web.control.CachedBody;

/** Content images as cacheable response bodies, built once per module version. */
@ApplicationScoped
public class ContentMedia {

  private final Map<String, CachedBody> bodies = new ConcurrentHashMap<>();

  public Optional<CachedBody> body(Module module, String path) {
    Media media = module.media().get(path);
    if (media == null) {
      return Optional.empty();
    }
    String key = module.id() + "@" + module.version() + "/" + path;
    if (bodies.size() > 10_000) {
      bodies.clear();
    }
    return Optional.of(
        bodies.computeIfAbsent(key, ignored -> CachedBody.of(media.contentType(), media.bytes())));
  }
}
