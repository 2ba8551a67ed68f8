package vn.hocso.authoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.control.ModuleVersionStore;
import vn.hocso.content.control.QuizVersions;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.Option;
import vn.hocso.content.entity.Question;
import vn.hocso.content.entity.QuestionType;
import vn.hocso.content.entity.Quiz;
import vn.hocso.platform.control.ReportCells;
import vn.hocso.progress.control.CsvReports;
import vn.hocso.quiz.control.QuizStatistics;
import vn.hocso.quiz.entity.QuestionFigures;
import vn.hocso.quiz.entity.QuestionFlag;
import vn.hocso.quiz.entity.QuizFigures;

/**
 * A quiz version's statistics as an author reads them: the counters {@link QuizStatistics} keeps,
 * joined to the questions and options of that version, in the quiz's order; on the page and as CSV.
 */
@ApplicationScoped
public class QuizReports {

  @Inject QuizStatistics statistics;
  @Inject QuizVersions quizzes;
  @Inject ContentCatalog catalog;
  @Inject ModuleVersionStore versions;

  /**
   * One option of a question.
   *
   * @param count the attempts that chose it; for an ordering question, that put it in its place
   */
  public record OptionLine(String id, String text, boolean correct, long count, double share) {}

  /** One question of the version: its figures, or zeros when no counted attempt showed it. */
  public record QuestionLine(
      int number, String id, String text, QuestionType type, QuestionFigures figures) {

    public Set<QuestionFlag> flags() {
      return figures.flags();
    }
  }

  /** A question with its options as the report lists them. */
  public record Line(QuestionLine question, List<OptionLine> options, long blank) {}

  /**
   * One version's report.
   *
   * @param current whether residents are taking this version now
   * @param versions every version of the module with counted attempts, the last submitted first
   */
  public record Report(
      String moduleId,
      String title,
      QuizFigures quiz,
      boolean current,
      List<Line> lines,
      List<QuizFigures> versions) {}

  /**
   * One module of the curriculum with its current version's figures (null: no attempt yet) and how
   * many of that version's questions are flagged.
   */
  public record ModuleLine(
      String moduleId,
      String title,
      String version,
      QuizFigures current,
      long flagged,
      int olderVersions) {}

  /** Every module being served, in the curriculum's order, with its current version's figures. */
  public List<ModuleLine> modules() {
    Map<String, List<QuizFigures>> all = statistics.allVersions();
    return catalog.current().modules().stream()
        .sorted(java.util.Comparator.comparingInt(Module::weight))
        .map(
            module -> {
              List<QuizFigures> counted = all.getOrDefault(module.id(), List.of());
              QuizFigures current =
                  counted.stream()
                      .filter(figures -> figures.version().equals(module.version()))
                      .findFirst()
                      .orElse(null);
              long flagged =
                  current == null
                      ? 0
                      : statistics.questions(module.id(), module.version()).values().stream()
                          .filter(question -> !question.flags().isEmpty())
                          .count();
              return new ModuleLine(
                  module.id(),
                  module.title(),
                  module.version(),
                  current,
                  flagged,
                  counted.size() - (current == null ? 0 : 1));
            })
        .toList();
  }

  /**
   * The report of {@code moduleId} at {@code version}; without a version, the one being served (or,
   * for a retired module, the last with attempts). Empty when the module is unknown.
   */
  public Optional<Report> report(String moduleId, String version) {
    Optional<Module> served = catalog.current().module(moduleId);
    List<QuizFigures> counted = statistics.versions(moduleId);
    String chosen = version;
    if (chosen == null || chosen.isBlank()) {
      chosen =
          served.map(Module::version).orElse(counted.isEmpty() ? null : counted.get(0).version());
    }
    if (chosen == null) {
      return Optional.empty();
    }
    String at = chosen;
    Optional<Quiz> quiz = quizzes.quiz(moduleId, at);
    Optional<QuizFigures> figures =
        counted.stream().filter(f -> f.version().equals(at)).findFirst();
    if (quiz.isEmpty() && figures.isEmpty()) {
      return Optional.empty();
    }
    String title =
        served
            .filter(module -> module.version().equals(at))
            .map(Module::title)
            .or(() -> versions.find(moduleId, at).map(recorded -> recorded.title()))
            .or(() -> served.map(Module::title))
            .orElse(moduleId);
    Map<String, QuestionFigures> byQuestion = statistics.questions(moduleId, at);
    QuizFigures quizFigures =
        figures.orElseGet(
            () ->
                new QuizFigures(
                    moduleId, at, quiz.map(Quiz::draw).orElse(0), 0, 0, 0, 0, null, null));
    return Optional.of(
        new Report(
            moduleId,
            title,
            quizFigures,
            served.map(module -> module.version().equals(at)).orElse(false),
            lines(quiz, byQuestion),
            counted));
  }

  private static List<Line> lines(Optional<Quiz> quiz, Map<String, QuestionFigures> byQuestion) {
    Map<String, QuestionFigures> left = new LinkedHashMap<>(byQuestion);
    List<Line> lines = new ArrayList<>();
    int number = 1;
    for (Question question : quiz.map(Quiz::questions).orElse(List.of())) {
      QuestionFigures figures = left.remove(question.id());
      if (figures == null) {
        figures = new QuestionFigures(question.id(), 0, 0, 0, 0, 0, 0, Map.of());
      }
      QuestionFigures f = figures;
      List<OptionLine> options =
          question.options().stream()
              .map(
                  option ->
                      new OptionLine(
                          option.id(),
                          option.text(),
                          isKey(question, option),
                          f.options().getOrDefault(option.id(), 0L),
                          f.optionShare(option.id())))
              .toList();
      lines.add(
          new Line(
              new QuestionLine(number++, question.id(), question.text(), question.type(), f),
              options,
              f.shown() - f.answered()));
    }
    // Counted questions the version's source no longer gives (it was never recorded): their ids.
    for (QuestionFigures f : left.values()) {
      List<OptionLine> options =
          f.options().entrySet().stream()
              .map(e -> new OptionLine(e.getKey(), e.getKey(), false, e.getValue(), 0))
              .toList();
      lines.add(
          new Line(
              new QuestionLine(number++, f.questionId(), f.questionId(), null, f),
              options,
              f.shown() - f.answered()));
    }
    return lines;
  }

  private static boolean isKey(Question question, Option option) {
    return question.type() != QuestionType.ORDERING && option.correct();
  }

  static final String[] HEADERS = {
    "Câu",
    "Mã",
    "Nội dung",
    "Loại",
    "Đáp án đúng",
    "Số lượt gặp",
    "Số lượt",
    "Tỉ lệ (%)",
    "Điểm trung bình (%)",
    "Độ phân biệt",
    "Cần xem lại"
  };

  /**
   * The report as CSV (UTF-8 with BOM, as the other reports): a row for the whole quiz (attempts
   * submitted, passed, pass rate and mean score), then per question a row (attempts that showed it,
   * answered right, the share, the discrimination index, the flags) followed by a row per option
   * (chosen, or for an ordering question put in its place) and one for the attempts that left it
   * blank.
   */
  public void csv(Report report, OutputStream out) throws IOException {
    CSVPrinter printer = CsvReports.open(out, HEADERS);
    QuizFigures quiz = report.quiz();
    printer.printRecord(
        "Cả bài",
        report.quiz().version(),
        ReportCells.safe(report.title()),
        "",
        "",
        quiz.attempts(),
        quiz.passed(),
        percent(quiz.passShare()),
        percent(quiz.meanShare()),
        "",
        "");
    for (Line line : report.lines()) {
      QuestionLine question = line.question();
      QuestionFigures f = question.figures();
      printer.printRecord(
          question.number(),
          question.id(),
          ReportCells.safe(question.text()),
          question.type() == null ? "" : question.type().label(),
          "",
          f.shown(),
          f.correct(),
          percent(f.correctShare()),
          "",
          f.discrimination().isPresent()
              ? BigDecimal.valueOf(f.discrimination().getAsDouble())
                  .setScale(2, RoundingMode.HALF_UP)
                  .toPlainString()
              : "",
          question.flags().stream().map(QuestionFlag::label).collect(Collectors.joining("; ")));
      for (OptionLine option : line.options()) {
        printer.printRecord(
            question.number(),
            option.id(),
            ReportCells.safe(option.text()),
            question.type() == QuestionType.ORDERING ? "bước (đặt đúng chỗ)" : "lựa chọn",
            option.correct() ? "đúng" : "",
            f.shown(),
            option.count(),
            percent(option.share()),
            "",
            "",
            "");
      }
      printer.printRecord(
          question.number(),
          "",
          "(bỏ trống)",
          "",
          "",
          f.shown(),
          line.blank(),
          percent(f.blankShare()),
          "",
          "",
          "");
    }
    printer.flush();
  }

  /** A share as a percentage with one decimal, as the other reports write numbers. */
  static String percent(double share) {
    return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }
}
