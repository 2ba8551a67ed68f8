package vn.hocso.platform.control;

/**
 * A request the app refuses, with the HTTP status that fits and a message written for the person
 * who made it (Vietnamese). Shown as it is, on a page or as {@code {"error": …}} under /api.
 */
public class Refusal extends RuntimeException {

  private final int status;

  public Refusal(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
