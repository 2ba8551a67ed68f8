package vn.hocso.progress.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.hocso.progress.control.Progress;
import vn.hocso.progress.entity.Household;
import vn.hocso.progress.entity.ResidentialGroup;
import vn.hocso.progress.entity.WardTarget;
import vn.hocso.ward.entity.Ward;

/** The JSON shapes of the ward API. */
public final class WardViews {

  private WardViews() {}

  @Schema(description = "A ward, commune or special zone")
  public record WardRef(
      @Schema(description = "Its address key: the official code, or tam-{id} before import")
          String key,
      String code,
      String name,
      String type,
      String provinceCode,
      String provinceName) {
    static WardRef of(Ward ward) {
      return new WardRef(
          ward.key(),
          ward.code(),
          ward.name(),
          ward.type(),
          ward.provinceCode(),
          ward.provinceName());
    }
  }

  @Schema(description = "A target: numerator over the ward's denominator, against its target")
  public record FigureView(
      long numerator,
      @Schema(description = "Null until the ward officer sets the denominators")
          Integer denominator,
      BigDecimal percent,
      BigDecimal target,
      Boolean met) {
    static FigureView of(Progress.Figure figure) {
      return new FigureView(
          figure.numerator(),
          figure.denominator(),
          figure.percent(),
          figure.target(),
          figure.met());
    }
  }

  @Schema(description = "A ward's progress on a date, read from its counters")
  public record ProgressView(
      WardRef ward,
      LocalDate date,
      @Schema(
              description =
                  "Adults (born in the report year − 18 or earlier) with the basic program")
          FigureView adults,
      @Schema(
              description =
                  "Households with a member who completed the online public services module")
          FigureView onlineHouseholds,
      @Schema(description = "\"Gia đình số\" households") FigureView familyHouseholds,
      long moduleCompletions,
      @Schema(description = "Module completions earned with a trainer beside the learner")
          long assistedCompletions,
      List<Progress.Count> modules,
      List<Progress.Count> programs,
      List<Progress.Count> months,
      List<Progress.GroupFigures> groups) {
    static ProgressView of(Ward ward, Progress progress) {
      return new ProgressView(
          WardRef.of(ward),
          progress.date(),
          FigureView.of(progress.adults()),
          FigureView.of(progress.online()),
          FigureView.of(progress.family()),
          progress.moduleCompletions(),
          progress.assistedCompletions(),
          progress.modules(),
          progress.programs(),
          progress.months(),
          progress.groups());
    }
  }

  @Schema(description = "Denominators and targets a ward officer enters, from a date on")
  public record TargetRequest(
      LocalDate appliesFrom,
      Integer adults,
      Integer households,
      BigDecimal adultsTargetPercent,
      BigDecimal onlineTargetPercent,
      BigDecimal familyTargetPercent) {}

  @Schema(description = "A ward's denominators and targets from a date on")
  public record TargetView(
      long id,
      LocalDate appliesFrom,
      int adults,
      int households,
      BigDecimal adultsTargetPercent,
      BigDecimal onlineTargetPercent,
      BigDecimal familyTargetPercent,
      Instant setAt) {
    static TargetView of(WardTarget target) {
      return new TargetView(
          target.id(),
          target.appliesFrom(),
          target.adults(),
          target.households(),
          target.adultsTarget(),
          target.onlineTarget(),
          target.familyTarget(),
          target.setAt());
    }
  }

  @Schema(description = "A residential group: tổ dân phố, khu phố or thôn")
  public record GroupView(long id, String name) {
    static GroupView of(ResidentialGroup group) {
      return new GroupView(group.id(), group.name());
    }
  }

  @Schema(description = "A new residential group")
  public record GroupRequest(String name) {}

  @Schema(description = "A household: an address in a residential group")
  public record HouseholdRequest(Long groupId, String address) {}

  @Schema(description = "A household")
  public record HouseholdView(
      long id,
      long groupId,
      String address,
      boolean onlineFiler,
      boolean digitalFamily,
      @Schema(description = "Members' display names (staff of the ward only)")
          List<String> members) {
    static HouseholdView of(Household household) {
      return new HouseholdView(
          household.id(),
          household.groupId(),
          household.address(),
          household.onlineFiler(),
          household.digitalFamily(),
          List.of());
    }
  }

  @Schema(description = "The learner to add to a household")
  public record MemberRequest(
      @Schema(description = "Their sign-in phone or CCCD") String signInName) {}

  @Schema(description = "One ward of a roll-up")
  public record RollupRow(
      WardRef ward,
      FigureView adults,
      FigureView onlineHouseholds,
      FigureView familyHouseholds,
      long moduleCompletions) {}

  @Schema(description = "What a ward list import changed")
  public record ImportView(int created, int updated, int unchanged, int codesGiven) {}
}
