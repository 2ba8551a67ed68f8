package vn.hocso.quiz.control;

/** A submission that cannot be scored as sent; the message is Vietnamese, for the resident. */
public class InvalidSubmission extends RuntimeException {

  public InvalidSubmission(String message) {
    super(message);
  }
}
