package vn.hocso.content.entity;

/**
 * One lesson of a module, already rendered to sanitized HTML.
 *
 * @param id the lesson's id in URLs: its folder name without the leading order number
 * @param folder the lesson's folder name inside the module folder
 * @param html the lesson's body, without its closing "Nguồn" section
 * @param sourcesHtml what its "Nguồn" section lists, shown folded after the lesson
 */
public record Lesson(
    String id,
    String folder,
    String title,
    int weight,
    int minutes,
    String summary,
    String html,
    String sourcesHtml) {

  /** The whole lesson as one fragment, its "Nguồn" section last, as the API gives it. */
  public String fullHtml() {
    return sourcesHtml.isEmpty() ? html : html + "<h2>Nguồn</h2>" + sourcesHtml;
  }
}
