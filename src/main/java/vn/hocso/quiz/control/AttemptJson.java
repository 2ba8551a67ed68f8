package vn.hocso.quiz.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hocso.quiz.entity.QuestionResult;
import vn.hocso.quiz.entity.Shown;

/** The JSON kept in an attempt's text columns. */
final class AttemptJson {

  /** Looked up once: JSON.createXxx() searches for the provider on every call. */
  static final JsonProvider JSON = JsonProvider.provider();

  private AttemptJson() {}

  static String shown(List<Shown> shown) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (Shown question : shown) {
      array.add(
          JSON.createObjectBuilder()
              .add("q", question.questionId())
              .add("o", JSON.createArrayBuilder(question.optionIds())));
    }
    return array.build().toString();
  }

  static List<Shown> shown(String json) {
    List<Shown> shown = new ArrayList<>();
    for (JsonValue value : read(json).asJsonArray()) {
      JsonObject question = value.asJsonObject();
      shown.add(new Shown(question.getString("q"), strings(question.getJsonArray("o"))));
    }
    return shown;
  }

  static String answers(Map<String, List<String>> answers) {
    JsonObjectBuilder object = JSON.createObjectBuilder();
    answers.forEach((question, options) -> object.add(question, JSON.createArrayBuilder(options)));
    return object.build().toString();
  }

  static Map<String, List<String>> answers(String json) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    if (json != null) {
      read(json)
          .asJsonObject()
          .forEach((key, value) -> answers.put(key, strings(value.asJsonArray())));
    }
    return answers;
  }

  static String results(List<QuestionResult> results) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (QuestionResult result : results) {
      array.add(
          JSON.createObjectBuilder().add("q", result.questionId()).add("c", result.correct()));
    }
    return array.build().toString();
  }

  /** Question id → whether it was answered right. */
  static Map<String, Boolean> results(String json) {
    Map<String, Boolean> results = new LinkedHashMap<>();
    if (json != null) {
      for (JsonValue value : read(json).asJsonArray()) {
        JsonObject result = value.asJsonObject();
        results.put(result.getString("q"), result.getBoolean("c"));
      }
    }
    return results;
  }

  private static JsonValue read(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }

  private static List<String> strings(JsonArray array) {
    List<String> strings = new ArrayList<>();
    for (JsonValue value : array) {
      strings.add(((JsonString) value).getString());
    }
    return strings;
  }
}
