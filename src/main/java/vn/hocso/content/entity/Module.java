package vn.hocso.content.entity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One topic of the curriculum (Học phần) at one content version. Immutable: a change to any file of
 * the module makes a new {@code Module} with a new version.
 *
 * @param version a short hash of every file in the module folder
 * @param criteria ids of the programs this module counts toward
 * @param introHtml the sanitized body of {@code _index.md}, possibly empty
 * @param quizSource the raw text of {@code quiz.md}, recorded with the version
 * @param quiz the parsed quiz with its answer key (server only)
 * @param media images by their path inside the module folder
 */
public record Module(
    String id,
    String title,
    String summary,
    int weight,
    int minutes,
    int passMark,
    List<String> criteria,
    String introHtml,
    String version,
    List<Lesson> lessons,
    String quizSource,
    Quiz quiz,
    Map<String, Media> media) {

  /** This module with other pictures: a module kept without them gets them back from its files. */
  public Module withMedia(Map<String, Media> media) {
    return new Module(
        id,
        title,
        summary,
        weight,
        minutes,
        passMark,
        criteria,
        introHtml,
        version,
        lessons,
        quizSource,
        quiz,
        media);
  }

  public Optional<Lesson> lesson(String lessonId) {
    return lessons.stream().filter(lesson -> lesson.id().equals(lessonId)).findFirst();
  }

  /** The lesson before the given one in reading order, if any. */
  public Optional<Lesson> previous(Lesson lesson) {
    int index = lessons.indexOf(lesson);
    return index > 0 ? Optional.of(lessons.get(index - 1)) : Optional.empty();
  }

  /** The lesson after the given one in reading order, if any. */
  public Optional<Lesson> next(Lesson lesson) {
    int index = lessons.indexOf(lesson);
    return index >= 0 && index < lessons.size() - 1
        ? Optional.of(lessons.get(index + 1))
        : Optional.empty();
  }

  public int lessonMinutes() {
    return lessons.stream().mapToInt(Lesson::minutes).sum();
  }
}
