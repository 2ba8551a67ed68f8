package vn.hocso.progress.control;

import static vn.hocso.web.control.FormValues.blankToNull;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.entity.Curriculum;
import vn.hocso.platform.control.Dates;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.entity.ResidentialGroup;
import vn.hocso.ward.entity.Ward;

/** Turns a report's query parameters into a filter, refusing what cannot be meant. */
@ApplicationScoped
public class ReportFilters {

  @Inject ContentCatalog catalog;
  @Inject Households households;

  public ReportFilter parse(
      Ward ward, String from, String to, String module, String program, String group) {
    LocalDate start = Dates.parse(from, "Ngày bắt đầu");
    LocalDate end = Dates.parse(to, "Ngày kết thúc");
    if (start != null && end != null && end.isBefore(start)) {
      throw new Refusal(
          400,
          "Ngày kết thúc ("
              + Dates.vietnamese(end)
              + ") ở trước ngày bắt đầu ("
              + Dates.vietnamese(start)
              + ").");
    }
    String moduleId = blankToNull(module);
    String programId = blankToNull(program);
    if (moduleId != null && programId != null) {
      throw new Refusal(400, "Bác chỉ chọn một học phần hoặc một chương trình, không chọn cả hai.");
    }
    Curriculum curriculum = catalog.current();
    if (moduleId != null && curriculum.module(moduleId).isEmpty()) {
      throw new Refusal(400, "Không có học phần \"" + shorten(moduleId) + "\".");
    }
    if (programId != null
        && curriculum.programs().stream().noneMatch(p -> p.id().equals(programId))) {
      throw new Refusal(400, "Không có chương trình \"" + shorten(programId) + "\".");
    }
    Long groupId = null;
    String groupName = null;
    String groupText = blankToNull(group);
    if (groupText != null) {
      if (!groupText.matches("[0-9]{1,18}")) {
        throw new Refusal(400, "Tổ dân phố, khu phố hoặc thôn không hợp lệ.");
      }
      ResidentialGroup found = households.group(ward, Long.parseLong(groupText));
      groupId = found.id();
      groupName = found.name();
    }
    return new ReportFilter(start, end, moduleId, programId, groupId, groupName);
  }

  /** The title of the module or program a filter names, or null. */
  public String subjectTitle(ReportFilter filter) {
    Curriculum curriculum = catalog.current();
    if (filter.module() != null) {
      return curriculum.module(filter.module()).map(m -> m.title()).orElse(filter.module());
    }
    if (filter.program() != null) {
      return curriculum.programs().stream()
          .filter(p -> p.id().equals(filter.program()))
          .findFirst()
          .map(p -> p.title())
          .orElse(filter.program());
    }
    return null;
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
