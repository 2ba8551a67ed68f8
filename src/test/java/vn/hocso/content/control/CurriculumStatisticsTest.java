package vn.hocso.content.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.hocso.content.entity.Lesson;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.Question;

/**
 * The shipped curriculum meets the standard content/README.md sets: enough modules, short lessons
 * that each show a picture marked as a drawing, few callouts, quizzes with a pool large enough that
 * a retry sees other questions, every question tied to a lesson, and no warning from the checks.
 * Prints the figures per module.
 */
class CurriculumStatisticsTest {

  private static final Pattern IMAGE = Pattern.compile("<img [^>]*alt=\"([^\"]*)\"");
  private static final Pattern CALLOUT = Pattern.compile("<div class=\"callout callout-");

  @Test
  void everyModuleMeetsTheStandard() {
    Path shipped = Path.of(System.getProperty("shipped.content.dir", "content"));
    ContentLoader.Result result = new ContentLoader().load(shipped);
    assertEquals(List.of(), result.problems().stream().map(p -> p.format(shipped)).toList());
    assertEquals(
        List.of(),
        result.warnings().stream().map(p -> p.format(shipped)).toList(),
        "the shipped content draws no warning");

    List<String> unmet = new ArrayList<>();
    List<Module> modules =
        result.modules().values().stream()
            .map(ContentLoader.ModuleResult::module)
            .sorted(Comparator.comparingInt(Module::weight))
            .toList();
    System.out.println("module | lessons | minutes | questions (draw) | pictures");
    for (Module module : modules) {
      String id = module.id();
      if (module.lessons().size() < 3) {
        unmet.add(id + ": " + module.lessons().size() + " lessons, at least 3 needed");
      }
      int pictures = 0;
      int minutes = 0;
      for (Lesson lesson : module.lessons()) {
        String where = id + "/" + lesson.id();
        minutes += lesson.minutes();
        if (lesson.minutes() > 15) {
          unmet.add(where + ": " + lesson.minutes() + " minutes, at most 15");
        }
        Matcher image = IMAGE.matcher(lesson.html());
        int shown = 0;
        while (image.find()) {
          shown++;
          if (!image.group(1).startsWith("Hình minh họa")) {
            unmet.add(where + ": picture not marked \"Hình minh họa\": " + image.group(1));
          }
        }
        if (shown == 0) {
          unmet.add(where + ": no picture");
        }
        pictures += shown;
        long callouts = CALLOUT.matcher(lesson.html()).results().count();
        if (callouts > 2) {
          unmet.add(where + ": " + callouts + " callouts, at most 2");
        }
      }
      int pool = module.quiz().questions().size();
      int draw = module.quiz().draw();
      if (pool < 15) {
        unmet.add(id + ": a pool of " + pool + " questions, at least 15");
      }
      if (draw < 8 || draw > 10) {
        unmet.add(id + ": draw " + draw + ", between 8 and 10");
      }
      for (Question question : module.quiz().questions()) {
        if (question.lessonId() == null || module.lesson(question.lessonId()).isEmpty()) {
          unmet.add(id + ": \"" + question.text() + "\" names no lesson of the module");
        }
      }
      System.out.printf(
          "%s | %d | %d | %d (%d) | %d%n",
          id, module.lessons().size(), minutes, pool, draw, pictures);
    }
    assertEquals(List.of(), unmet);
    assertTrue(modules.size() >= 11, "at least eleven modules: " + modules.size());
  }
}
