package vn.hocso.content.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.hocso.content.entity.ContentProblem;
import vn.hocso.content.entity.Option;
import vn.hocso.content.entity.Question;
import vn.hocso.content.entity.Quiz;
import vn.hocso.platform.control.Digests;

/**
 * Old attempts are scored against the quiz text stored with their version (module_version), read
 * again by today's parser (QuizVersions). Every quiz text the project has shipped is kept in
 * src/test/resources/quiz-history/MODULE/HASH.md, and each still reads: a change of the format may
 * add to it, never break it.
 */
class QuizHistoryTest {

  static final Path HISTORY = Path.of("src/test/resources/quiz-history");
  static final Path CONTENT = Path.of("content/modules");

  @Test
  void everyShippedQuizTextStillReads() throws IOException {
    List<Path> versions;
    try (Stream<Path> files = Files.walk(HISTORY)) {
      versions = files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
    }
    assertFalse(versions.isEmpty());
    QuizParser parser = new QuizParser(new MarkdownRenderer());
    for (Path version : versions) {
      String module = version.getParent().getFileName().toString();
      Path moduleDir = CONTENT.resolve(module);
      List<ContentProblem> problems = new ArrayList<>();
      // As QuizVersions reads them: without the module's lessons, so no lesson is checked.
      Quiz quiz =
          parser.parse(
              Files.readString(version),
              new MarkdownRenderer.Scope(
                  moduleDir.resolve("quiz.md"), moduleDir, module, "old", Map.of()),
              problems);
      assertEquals(List.of(), problems, version.toString());
      assertFalse(quiz.questions().isEmpty(), version.toString());
      for (Question question : quiz.questions()) {
        assertTrue(
            question.options().stream().anyMatch(Option::correct), version + " " + question.text());
        assertFalse(question.explanationHtml().isBlank(), version + " " + question.text());
      }
    }
  }

  /** Today's quizzes are in the history too, so that the next change keeps them readable. */
  @Test
  void theShippedQuizzesAreKeptInTheHistory() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> modules = Files.list(CONTENT)) {
      for (Path module : modules.sorted().toList()) {
        Path quiz = module.resolve("quiz.md");
        if (!Files.isRegularFile(quiz)) {
          continue;
        }
        String name = Digests.sha256Hex(Files.readString(quiz)).substring(0, 10) + ".md";
        Path kept = HISTORY.resolve(module.getFileName().toString()).resolve(name);
        if (!Files.isRegularFile(kept)) {
          missing.add("cp " + quiz + " " + kept);
        }
      }
    }
    assertEquals(List.of(), missing, "keep each shipped quiz text: run these commands");
  }
}
