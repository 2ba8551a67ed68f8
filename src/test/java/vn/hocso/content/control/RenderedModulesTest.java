package vn.hocso.content.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hocso.content.entity.Module;

class RenderedModulesTest {

  /**
   * Every shipped module comes back from its kept form as it was rendered, pictures aside: a field
   * added to a content record that JSON-B cannot read back fails here, not at a start.
   */
  @Test
  void everyShippedModuleReadsBackAsItWasRendered() {
    Path shipped = Path.of(System.getProperty("shipped.content.dir", "content"));
    ContentLoader.Result result = new ContentLoader().load(shipped);
    RenderedModules kept = new RenderedModules();
    try {
      assertTrue(result.modules().size() >= 10, "shipped modules: " + result.modules().size());
      for (ContentLoader.ModuleResult each : result.modules().values()) {
        Module module = each.module();
        byte[] body = kept.write(module);
        assertEquals(module.withMedia(Map.of()), kept.read(body), module.id());
        // Compressed: a kept module is a few kilobytes, not the tens its HTML takes.
        assertTrue(body.length < 40_000, module.id() + ": " + body.length + " bytes");
      }
    } finally {
      kept.close();
    }
  }
}
