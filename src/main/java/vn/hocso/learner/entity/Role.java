package vn.hocso.learner.entity;

/** What an account may do. Officers and trainers act within their own ward. */
public enum Role {
  LEARNER("learner", "Người học"),
  TRAINER("trainer", "Giảng viên, tổ công nghệ số cộng đồng"),
  OFFICER("officer", "Cán bộ phường, xã"),
  ADMIN("admin", "Quản trị");

  private final String code;
  private final String label;

  Role(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Role of(String code) {
    for (Role role : values()) {
      if (role.code.equals(code)) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role " + code);
  }

  /** Whether this role may help learners in person (reset a password, see their certificates). */
  public boolean isStaff() {
    return this != LEARNER;
  }
}
