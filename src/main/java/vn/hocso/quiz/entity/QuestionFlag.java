package vn.hocso.quiz.entity;

/** What an author should look at again in a question, from its figures. */
public enum QuestionFlag {
  /** More than 95 % answer it right: it teaches or tests little. */
  TOO_EASY("Quá dễ", "Hơn 95 % người làm trả lời đúng."),
  /** Fewer than 30 % answer it right: unclear, a wrong key, or not taught in the lessons. */
  TOO_HARD("Quá khó", "Dưới 30 % người làm trả lời đúng."),
  /** Those who do worse on the rest of the quiz get it right more often than those who do well. */
  NEGATIVE("Phân loại ngược", "Người làm tốt các câu khác lại hay sai câu này.");

  private final String label;
  private final String reason;

  QuestionFlag(String label, String reason) {
    this.label = label;
    this.reason = reason;
  }

  public String label() {
    return label;
  }

  public String reason() {
    return reason;
  }
}
