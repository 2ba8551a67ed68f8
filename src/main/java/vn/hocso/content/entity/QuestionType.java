package vn.hocso.content.entity;

/**
 * The kinds of quiz question, with how a trainer names them and how a resident is told to answer.
 */
public enum QuestionType {
  SINGLE("single", "một đáp án", "Chọn một đáp án."),
  MULTIPLE("multiple", "nhiều đáp án", "Chọn tất cả đáp án đúng."),
  TRUE_FALSE("true_false", "đúng sai", "Câu này đúng hay sai?"),
  ORDERING("ordering", "sắp xếp", "Sắp xếp các bước theo đúng thứ tự."),
  IMAGE("image", "chọn hình", "Chọn hình đúng.");

  private final String apiName;
  private final String label;
  private final String instruction;

  QuestionType(String apiName, String label, String instruction) {
    this.apiName = apiName;
    this.label = label;
    this.instruction = instruction;
  }

  /** The name in the JSON API. */
  public String apiName() {
    return apiName;
  }

  /** What a trainer writes after {@code Loại:} in quiz.md. */
  public String label() {
    return label;
  }

  /** The Vietnamese instruction shown above the question. */
  public String instruction() {
    return instruction;
  }

  /** Whether the resident picks one option (radio buttons). */
  public boolean singleAnswer() {
    return this == SINGLE || this == TRUE_FALSE || this == IMAGE;
  }
}
