package it.vn.hocso;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hocso.content.control.ContentLoader;
import vn.hocso.content.entity.Option;
import vn.hocso.content.entity.Question;
import vn.hocso.content.entity.QuestionType;
import vn.hocso.content.entity.Quiz;

/**
 * The answer key, read from the test server's content folder with the app's own parser: tests
 * answer like a resident who knows the right answers.
 */
final class QuizKey {

  private QuizKey() {}

  static Quiz quiz(String moduleId) {
    return content().modules().get(moduleId).module().quiz();
  }

  /** The modules a program of the test server's content consists of. */
  static List<String> programModules(String programId) {
    return content().programs().get(programId).program().moduleIds();
  }

  /** The ids of the test server's modules, in the order the home page lists them. */
  static List<String> moduleIds() {
    return content().modules().values().stream()
        .map(ContentLoader.ModuleResult::module)
        .sorted(java.util.Comparator.comparingInt(vn.hocso.content.entity.Module::weight))
        .map(vn.hocso.content.entity.Module::id)
        .toList();
  }

  /** The ids of a module's lessons, in reading order. */
  static List<String> lessonIds(String moduleId) {
    return content().modules().get(moduleId).module().lessons().stream()
        .map(vn.hocso.content.entity.Lesson::id)
        .toList();
  }

  private static ContentLoader.Result content() {
    return new ContentLoader().load(Path.of(System.getProperty("test.content.dir")));
  }

  /** The right answer to each question: option ids, in order for an ordering question. */
  static Map<String, List<String>> correct(Quiz quiz) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (Question question : quiz.questions()) {
      answers.put(
          question.id(),
          question.options().stream().filter(Option::correct).map(Option::id).toList());
    }
    return answers;
  }

  /** A wrong answer to the question (the first wrong option, or steps reversed). */
  static List<String> wrong(Question question) {
    if (question.type() == QuestionType.ORDERING) {
      List<String> reversed = new ArrayList<>(question.options().stream().map(Option::id).toList());
      java.util.Collections.reverse(reversed);
      return reversed;
    }
    return List.of(
        question.options().stream().filter(o -> !o.correct()).findFirst().orElseThrow().id());
  }

  /** {@code {"answers": …}} with the right answer to every question the attempt showed. */
  static String rightAnswers(Quiz quiz, JsonObject started) {
    Map<String, List<String>> key = correct(quiz);
    JsonObjectBuilder answers = Json.createObjectBuilder();
    for (JsonValue question : started.getJsonArray("questions")) {
      String id = question.asJsonObject().getString("id");
      answers.add(id, Json.createArrayBuilder(key.get(id)));
    }
    return Json.createObjectBuilder().add("answers", answers).build().toString();
  }

  static String answers(Map<String, List<String>> answers) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    answers.forEach(
        (id, options) -> {
          JsonArrayBuilder array = Json.createArrayBuilder();
          options.forEach(array::add);
          object.add(id, array);
        });
    return Json.createObjectBuilder().add("answers", object).build().toString();
  }
}
