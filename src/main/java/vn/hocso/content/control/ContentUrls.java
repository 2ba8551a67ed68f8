package vn.hocso.content.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The addresses of content pages and files, in one place so links and routes agree. */
public final class ContentUrls {

  private ContentUrls() {}

  public static String module(String moduleId) {
    return "/hoc-phan/" + moduleId;
  }

  public static String lesson(String moduleId, String lessonId) {
    return "/hoc-phan/" + moduleId + "/" + lessonId;
  }

  /** A module file at one version: safe to cache for a year, a new version has a new address. */
  public static String media(String moduleId, String version, String path) {
    StringBuilder url =
        new StringBuilder("/noi-dung/").append(moduleId).append('/').append(version);
    for (String segment : path.split("/")) {
      url.append('/')
          .append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return url.toString();
  }
}
