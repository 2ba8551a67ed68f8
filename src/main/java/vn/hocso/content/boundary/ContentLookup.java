package vn.hocso.content.boundary;

import vn.hocso.content.entity.Curriculum;
import vn.hocso.content.entity.Lesson;
import vn.hocso.content.entity.Module;
import vn.hocso.platform.control.Refusal;

/** Finds what a URL names, or answers 404 with a message a resident can read. */
final class ContentLookup {

  private ContentLookup() {}

  static Module module(Curriculum curriculum, String moduleId) {
    return curriculum
        .module(moduleId)
        .orElseThrow(
            () ->
                new Refusal(
                    404,
                    "Không tìm thấy học phần này. Có thể địa chỉ bị gõ sai, hoặc học phần đã đổi"
                        + " tên. Bác hãy về trang chủ để chọn học phần."));
  }

  static Lesson lesson(Module module, String lessonId) {
    return module
        .lesson(lessonId)
        .orElseThrow(
            () ->
                new Refusal(
                    404,
                    "Học phần “"
                        + module.title()
                        + "” không có bài học này. Bác hãy về trang học phần để chọn bài."));
  }
}
