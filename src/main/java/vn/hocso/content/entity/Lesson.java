package vn.hocso.content.entity;

/**
 * One lesson of a module, already rendered to sanitized HTML.
 *
 * @param id the lesson's id in URLs: its folder name without the leading order number
 * @param folder the lesson's folder name inside the module folder
 */
public record Lesson(
    String id, String folder, String title, int weight, int minutes, String summary, String html) {}
