package vn.hocso.quiz.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hocso.content.entity.AttemptPolicy;
import vn.hocso.content.entity.Option;
import vn.hocso.content.entity.Question;
import vn.hocso.content.entity.QuestionType;
import vn.hocso.content.entity.Quiz;
import vn.hocso.quiz.control.AttemptViews;
import vn.hocso.quiz.control.AttemptViews.AttemptResult;
import vn.hocso.quiz.control.AttemptViews.StartedAttempt;
import vn.hocso.quiz.control.Attempts;
import vn.hocso.quiz.entity.Attempt;
import vn.hocso.quiz.entity.Shown;

/** The quiz's assembled answers are byte for byte what JSON-B makes of the same records. */
class AttemptResponsesTest {

  private static final Jsonb JSONB = JsonbBuilder.create();

  /** Text a JSON encoder must escape, and text that looks like the pieces' own seams. */
  private static final Question TRICKY =
      new Question(
          "q1tricky00",
          QuestionType.SINGLE,
          "Bác chọn \"Đồng ý\" ở đâu?\tDòng\nhai \\ và ,} và ],\"text\":",
          "<img src=\"/noi-dung/a.svg\" alt=\"Nút \u201cĐồng ý\u201d\" />",
          List.of(
              new Option("o1aaaaaa", "Có", "<p>Có, ở cuối trang},{</p>", true),
              new Option("o2bbbbbb", "Không", "<p>Không \u0001 \u2028</p>", false),
              new Option("o3cccccc", "Chưa rõ", "", false)),
          "<p>Nút \"Đồng ý\" nằm ở cuối.</p>",
          null);

  /** A question with no body and no explanation: JSON-B leaves null members out. */
  private static final Question BARE =
      new Question(
          "q2bare0000",
          QuestionType.ORDERING,
          "Sắp xếp các bước",
          null,
          List.of(
              new Option("s1111111", "Một", "Mở VNeID", true),
              new Option("s2222222", "Hai", "Chọn Dịch vụ khác", true),
              new Option("s3333333", "Ba", "Nộp hồ sơ", true)),
          null,
          null);

  private static final Quiz QUIZ = new Quiz(2, AttemptPolicy.PRACTICE, "", List.of(TRICKY, BARE));

  private static final List<Shown> SHOWN =
      List.of(
          new Shown("q2bare0000", List.of("s3333333", "s1111111", "s2222222")),
          new Shown("q1tricky00", List.of("o2bbbbbb", "o3cccccc", "o1aaaaaa")));

  private static Attempt attempt() {
    Instant now = Instant.parse("2026-12-04T01:00:00Z");
    return new Attempt(
        "0123456789abcdef0123456789abcdef",
        "vneid",
        "8ecfe540b53a",
        "owner",
        null,
        "[{\"q\":\"q2bare0000\",\"o\":[\"s3333333\",\"s1111111\",\"s2222222\"]},"
            + "{\"q\":\"q1tricky00\",\"o\":[\"o2bbbbbb\",\"o3cccccc\",\"o1aaaaaa\"]}]",
        2,
        50,
        now,
        now.plusSeconds(3600));
  }

  @Test
  void aStartedAttemptIsWhatJsonbWrites() {
    Attempts.Sheet sheet = new Attempts.Sheet(attempt(), QUIZ, SHOWN);
    StartedAttempt bound =
        new StartedAttempt(
            sheet.attempt().id(), sheet.attempt().version(), AttemptViews.questions(sheet));
    assertEquals(JSONB.toJson(bound), utf8(AttemptResponses.started(sheet)));
    assertEquals(JSONB.toJson(bound), utf8(AttemptResponses.started(sheet)), "from the cache");
  }

  @Test
  void aResultIsWhatJsonbWrites() {
    for (boolean firstRight : new boolean[] {true, false}) {
      Attempt attempt = attempt();
      attempt.submit(
          Instant.parse("2026-12-04T01:05:00Z"),
          "{}",
          "hash",
          firstRight ? 1 : 0,
          false,
          "[{\"q\":\"q2bare0000\",\"c\":" + firstRight + "},{\"q\":\"q1tricky00\",\"c\":false}]");
      Attempts.Sheet sheet = new Attempts.Sheet(attempt, QUIZ, SHOWN);
      AttemptResult bound = AttemptViews.result(sheet);
      assertEquals(JSONB.toJson(bound), utf8(AttemptResponses.result(sheet)));
    }
  }

  private static String utf8(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }
}
