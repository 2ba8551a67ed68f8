package vn.hocso.authoring.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.authoring.control.QuizReports;
import vn.hocso.content.entity.QuestionType;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Permission;
import vn.hocso.platform.control.Dates;
import vn.hocso.quiz.control.QuizStatistics;
import vn.hocso.quiz.entity.QuestionFigures;
import vn.hocso.quiz.entity.QuestionFlag;
import vn.hocso.quiz.entity.QuizFigures;
import vn.hocso.web.control.Downloads;
import vn.hocso.web.control.SignInRequired;

/**
 * Quiz statistics for authors: every module's current quiz version at a glance, then one version
 * question by question (share right, each option's share, the discrimination index, what to look at
 * again) and its CSV. The figures come from the counters the statistics job keeps.
 */
@Path("bien-tap/thong-ke")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class StatisticsPages {

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

  @Inject CurrentAccount current;
  @Inject QuizReports reports;
  @Inject QuizStatistics statistics;
  @Inject Navigation navigation;

  /** A quiz version's figures as the pages print them. */
  public record Summary(
      String version,
      String attempts,
      String mean,
      String passRate,
      int questionCount,
      String last) {

    static Summary of(QuizFigures f) {
      return new Summary(
          f.version(),
          count(f.attempts()),
          percent(f.meanShare()),
          percent(f.passShare()),
          f.questionCount(),
          f.lastAt() == null ? "" : Dates.vietnamese(f.lastAt()));
    }
  }

  /** A module on the overview: its current version's summary, null before any attempt. */
  public record ModuleRow(
      String id, String title, String version, Summary summary, long flagged, int older) {}

  /** An option: its text, whether it is the key, how many chose it and the share. */
  public record OptionRow(String text, boolean correct, String count, String share, int bar) {}

  /** A question with its figures. */
  public record QuestionRow(
      int number,
      String text,
      String type,
      boolean ordering,
      String shown,
      String correct,
      String correctShare,
      int correctBar,
      String discrimination,
      String reading,
      List<QuestionFlag> flags,
      List<OptionRow> options,
      String blank,
      String blankShare,
      boolean enough) {}

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public String overview() {
    current.require(Permission.WRITE_DRAFTS);
    List<ModuleRow> rows =
        reports.modules().stream()
            .map(
                line ->
                    new ModuleRow(
                        line.moduleId(),
                        line.title(),
                        line.version(),
                        line.current() == null ? null : Summary.of(line.current()),
                        line.flagged(),
                        line.olderVersions()))
            .toList();
    Map<String, Object> model = freshness();
    model.put("modules", rows);
    return navigation.page("statistics", model);
  }

  @GET
  @Path("{module}")
  @SignInRequired
  @Operation(hidden = true)
  public String module(
      @PathParam("module") String moduleId, @QueryParam("phien-ban") String version) {
    current.require(Permission.WRITE_DRAFTS);
    QuizReports.Report report = report(moduleId, version);
    Map<String, Object> model = freshness();
    model.put("report", report);
    model.put("summary", Summary.of(report.quiz()));
    model.put("hasAttempts", report.quiz().attempts() > 0);
    model.put("versions", report.versions().stream().map(Summary::of).toList());
    // The other versions are offered whenever there are any: a version just published has no
    // attempts yet, and its authors look at the one before.
    model.put(
        "otherVersions",
        report.versions().stream().anyMatch(v -> !v.version().equals(report.quiz().version())));
    model.put("questions", report.lines().stream().map(StatisticsPages::row).toList());
    model.put("minShown", QuestionFigures.MIN_SHOWN);
    return navigation.page("statistics-quiz", model);
  }

  @GET
  @Path("{module}/tai-ve")
  @Produces(Downloads.CSV)
  @SignInRequired
  @Operation(hidden = true)
  public Response csv(
      @PathParam("module") String moduleId, @QueryParam("phien-ban") String version) {
    current.require(Permission.WRITE_DRAFTS);
    QuizReports.Report report = report(moduleId, version);
    return Downloads.of(
        out -> reports.csv(report, out),
        true,
        "thong-ke-"
            + Downloads.safeName(moduleId)
            + "-"
            + Downloads.safeName(report.quiz().version())
            + ".csv");
  }

  private QuizReports.Report report(String moduleId, String version) {
    return reports
        .report(moduleId, version)
        .orElseThrow(() -> new NotFoundException("no quiz " + moduleId + " " + version));
  }

  private Map<String, Object> freshness() {
    Map<String, Object> model = new HashMap<>();
    model.put("foldedAt", statistics.foldedAt().map(Dates::vietnamese).orElse(""));
    Duration interval = statistics.interval();
    model.put(
        "interval",
        interval.toMinutes() >= 1
            ? interval.toMinutes() + " phút"
            : Math.max(1, interval.toSeconds()) + " giây");
    return model;
  }

  private static QuestionRow row(QuizReports.Line line) {
    QuizReports.QuestionLine question = line.question();
    QuestionFigures f = question.figures();
    boolean ordering = question.type() == QuestionType.ORDERING;
    List<OptionRow> options =
        line.options().stream()
            .map(
                option ->
                    new OptionRow(
                        option.text(),
                        option.correct(),
                        count(option.count()),
                        percent(option.share()),
                        bar(option.share())))
            .toList();
    String discrimination =
        f.discrimination().isPresent() ? decimal(f.discrimination().getAsDouble()) : "";
    return new QuestionRow(
        question.number(),
        question.text(),
        question.type() == null ? "" : question.type().label(),
        ordering,
        count(f.shown()),
        count(f.correct()),
        percent(f.correctShare()),
        bar(f.correctShare()),
        discrimination,
        reading(f),
        List.copyOf(question.flags()),
        options,
        count(line.blank()),
        percent(f.blankShare()),
        f.shown() >= QuestionFigures.MIN_SHOWN);
  }

  /** What a discrimination index says, in words (the usual bands of classical test theory). */
  static String reading(QuestionFigures f) {
    if (f.discrimination().isEmpty()) {
      return f.shown() < QuestionFigures.MIN_SHOWN
          ? "chưa đủ " + QuestionFigures.MIN_SHOWN + " lượt để tính"
          : "không tính được: mọi người cùng đúng hoặc cùng sai";
    }
    double r = f.discrimination().getAsDouble();
    if (r < 0) {
      return "ngược: người làm tốt các câu khác lại hay sai câu này";
    } else if (r < 0.2) {
      return "yếu: câu này ít phân biệt người hiểu bài với người chưa hiểu";
    } else if (r < 0.3) {
      return "khá";
    }
    return "tốt";
  }

  static String count(long value) {
    return NumberFormat.getIntegerInstance(VIETNAMESE).format(value);
  }

  static String percent(double share) {
    NumberFormat format = NumberFormat.getNumberInstance(VIETNAMESE);
    format.setMaximumFractionDigits(1);
    format.setMinimumFractionDigits(0);
    return format.format(share * 100) + "\u00a0%"; // no break between the number and its sign
  }

  static String decimal(double value) {
    NumberFormat format = NumberFormat.getNumberInstance(VIETNAMESE);
    format.setMaximumFractionDigits(2);
    format.setMinimumFractionDigits(2);
    return format.format(value);
  }

  private static int bar(double share) {
    return (int) Math.round(share * 100);
  }
}
