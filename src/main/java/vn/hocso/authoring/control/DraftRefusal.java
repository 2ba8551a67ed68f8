package vn.hocso.authoring.control;

import java.util.Map;
import vn.hocso.platform.control.Refusal;

/**
 * A refused draft action that says more than a message: a conflict carries both texts, a publish
 * refused for problems carries the problems. The API answers with the message as {@code error} and
 * the details beside it.
 */
public class DraftRefusal extends Refusal {

  private final transient Map<String, Object> details;

  public DraftRefusal(int status, String message, Map<String, Object> details) {
    super(status, message);
    this.details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
  }

  public Map<String, Object> details() {
    return details;
  }
}
