package vn.hocso.quiz.boundary;

import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.hocso.content.entity.Option;
import vn.hocso.content.entity.Question;
import vn.hocso.quiz.control.AttemptViews.AttemptResult;
import vn.hocso.quiz.control.AttemptViews.StartedAttempt;
import vn.hocso.quiz.control.Attempts;
import vn.hocso.quiz.entity.Attempt;
import vn.hocso.quiz.entity.Shown;

/**
 * The JSON of the quiz's two busiest answers, a started attempt ({@link StartedAttempt}) and a
 * submission's score ({@link AttemptResult}), put together from pieces of JSON encoded once per
 * question: only the attempt's own values (its id, the order shown, right or wrong) are encoded per
 * request. JSON-B bound and encoded every question's text and HTML again on each start and submit,
 * a tenth of the server's CPU under the quiz benchmark. The JSON is the same as JSON-B's for those
 * records (same names and order, no null members); QuizApiIT compares the two.
 */
final class AttemptResponses {

  private static final JsonProvider JSON = JsonProvider.provider();

  /** Questions whose pieces are kept: far more than all the versions of all modules in use. */
  private static final int CACHED_QUESTIONS = 20_000;

  private static final Map<Question, Pieces> PIECES = new ConcurrentHashMap<>();

  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");

  /**
   * A question's JSON as shown, {@code head} + its options in the order shown, comma-separated, +
   * {@code tail}; and the end of its outcome, after {@code {"correct":true} or {@code false}.
   */
  private record Pieces(byte[] head, Map<String, byte[]> options, byte[] tail, byte[] outcome) {}

  private AttemptResponses() {}

  /** {@code {"attemptId", "questions", "version"}} of a started attempt. */
  static byte[] started(Attempts.Sheet sheet) {
    Attempt attempt = sheet.attempt();
    Bytes out = new Bytes();
    out.ascii("{\"attemptId\":").string(attempt.id()).ascii(",\"questions\":[");
    boolean first = true;
    for (Shown shown : sheet.shown()) {
      Pieces pieces = pieces(sheet, shown.questionId());
      if (!first) {
        out.write(',');
      }
      first = false;
      out.piece(pieces.head());
      for (int i = 0; i < shown.optionIds().size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        byte[] option = pieces.options().get(shown.optionIds().get(i));
        if (option == null) {
          throw new IllegalStateException(
              "Option " + shown.optionIds().get(i) + " not in question " + shown.questionId());
        }
        out.piece(option);
      }
      out.piece(pieces.tail());
    }
    return out.ascii("],\"version\":").string(attempt.version()).ascii("}").toByteArray();
  }

  /** {@code {"maxScore", "passed", "results", "score"}} of a submitted attempt. */
  static byte[] result(Attempts.Sheet sheet) {
    Attempt attempt = sheet.attempt();
    Map<String, Boolean> correct = Attempts.results(attempt);
    Bytes out = new Bytes();
    out.ascii("{\"maxScore\":" + attempt.questionCount())
        .ascii(",\"passed\":" + Boolean.TRUE.equals(attempt.passed()))
        .ascii(",\"results\":[");
    boolean first = true;
    for (Shown shown : sheet.shown()) {
      if (!first) {
        out.write(',');
      }
      first = false;
      out.ascii("{\"correct\":");
      out.piece(Boolean.TRUE.equals(correct.get(shown.questionId())) ? TRUE : FALSE);
      out.piece(pieces(sheet, shown.questionId()).outcome());
    }
    return out.ascii("],\"score\":" + attempt.score() + "}").toByteArray();
  }

  private static Pieces pieces(Attempts.Sheet sheet, String questionId) {
    Question question = sheet.quiz().question(questionId).orElseThrow();
    Pieces pieces = PIECES.get(question);
    if (pieces == null) {
      if (PIECES.size() >= CACHED_QUESTIONS) {
        PIECES.clear();
      }
      pieces = encode(question);
      PIECES.put(question, pieces);
    }
    return pieces;
  }

  private static Pieces encode(Question question) {
    Map<String, byte[]> options = new HashMap<>();
    for (Option option : question.options()) {
      options.put(option.id(), utf8("{" + members("html", option.html(), "id", option.id()) + "}"));
    }
    String head = members("html", question.html(), "id", question.id());
    String tail = members("text", question.text(), "type", question.type().apiName());
    String outcome =
        members(
            "explanationHtml",
            question.explanationHtml(),
            "lessonId",
            question.lessonId(),
            "questionId",
            question.id());
    return new Pieces(
        utf8("{" + head + (head.isEmpty() ? "" : ",") + "\"options\":["),
        Map.copyOf(options),
        utf8("]" + (tail.isEmpty() ? "" : ",") + tail + "}"),
        utf8("," + outcome + "}"));
  }

  /**
   * {@code "name":value} for each name and value given in turn, comma-separated; none for a null
   * value, as JSON-B leaves null members out.
   */
  private static String members(String... namesAndValues) {
    List<String> members = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        members.add("\"" + namesAndValues[i] + "\":" + JSON.createValue(namesAndValues[i + 1]));
      }
    }
    return String.join(",", members);
  }

  private static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] ascii(String json) {
    return json.getBytes(StandardCharsets.US_ASCII);
  }

  /** A buffer that starts large enough for a start of ten questions. */
  private static final class Bytes extends ByteArrayOutputStream {
    Bytes() {
      super(4096);
    }

    Bytes ascii(String text) {
      writeBytes(AttemptResponses.ascii(text));
      return this;
    }

    Bytes string(String value) {
      writeBytes(utf8(JSON.createValue(value).toString()));
      return this;
    }

    void piece(byte[] piece) {
      writeBytes(piece);
    }
  }
}
