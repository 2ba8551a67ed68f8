package vn.hocso.web.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Pages rendered once per content generation. A page is built on its first request and served from
 * memory until the content changes; then the whole cache is dropped at once.
 */
@ApplicationScoped
public class PageCache {

  private record Generation(long number, Map<String, CachedBody> pages) {}

  private volatile Generation current = new Generation(-1, new ConcurrentHashMap<>());

  public CachedBody get(long generation, String key, Supplier<CachedBody> render) {
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
    return cache.pages().computeIfAbsent(key, ignored -> render.get());
  }
}
