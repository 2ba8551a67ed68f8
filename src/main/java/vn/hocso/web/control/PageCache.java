package vn.hocso.web.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Pages rendered once per content generation, by request path. A page is built on its first request
 * and served from memory until the content changes; then the whole cache is dropped at once.
 */
@ApplicationScoped
public class PageCache {

  private record Generation(long number, Map<String, CachedBody> pages) {}

  private volatile Generation current = new Generation(-1, new ConcurrentHashMap<>());

  /** The page cached for {@code path} in this generation, if any. */
  public CachedBody peek(long generation, String path) {
    Generation cache = current;
    return cache.number() == generation ? cache.pages().get(path) : null;
  }

  /** The page for {@code path}, rendered now if this generation has not rendered it yet. */
  public CachedBody get(long generation, String path, Supplier<CachedBody> render) {
    Generation cache = current;
    if (cache.number() < generation) {
      synchronized (this) {
        if (current.number() < generation) {
          current = new Generation(generation, new ConcurrentHashMap<>());
        }
        cache = current;
      }
    }
    if (cache.number() != generation) {
      // A request that started before the content changed: answer it, cache nothing.
      return render.get();
    }
    return cache.pages().computeIfAbsent(path, ignored -> render.get());
  }
}
