package vn.hocso.learner.entity;

import static vn.hocso.learner.entity.Permission.ASSIST_RESIDENTS;
import static vn.hocso.learner.entity.Permission.EXPORT_CONTENT;
import static vn.hocso.learner.entity.Permission.LEARN;
import static vn.hocso.learner.entity.Permission.MANAGE_WARD;
import static vn.hocso.learner.entity.Permission.PREVIEW_CONTENT;
import static vn.hocso.learner.entity.Permission.PUBLISH_CONTENT;
import static vn.hocso.learner.entity.Permission.RESET_PASSWORDS;
import static vn.hocso.learner.entity.Permission.SEE_RESIDENT_CERTIFICATES;
import static vn.hocso.learner.entity.Permission.WRITE_DRAFTS;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an account may do: each role grants exactly its {@link Permission}s, and an account may hold
 * several. Officers and trainers act within their own ward; content editors work on the
 * installation's one curriculum. An account lands on the main page of the last role it holds in
 * this order.
 */
public enum Role {
  LEARNER("learner", "Người học", EnumSet.of(LEARN)),
  EDITOR(
      "editor",
      "Biên tập viên nội dung",
      EnumSet.of(LEARN, PREVIEW_CONTENT, EXPORT_CONTENT, WRITE_DRAFTS, PUBLISH_CONTENT)),
  TRAINER(
      "trainer",
      "Giảng viên, tổ công nghệ số cộng đồng",
      EnumSet.of(
          LEARN,
          RESET_PASSWORDS,
          SEE_RESIDENT_CERTIFICATES,
          ASSIST_RESIDENTS,
          PREVIEW_CONTENT,
          WRITE_DRAFTS)),
  OFFICER(
      "officer",
      "Cán bộ phường, xã",
      EnumSet.of(LEARN, RESET_PASSWORDS, SEE_RESIDENT_CERTIFICATES, ASSIST_RESIDENTS, MANAGE_WARD)),
  ADMIN("admin", "Quản trị", EnumSet.allOf(Permission.class));

  private final String code;
  private final String label;
  private final Set<Permission> permissions;

  Role(String code, String label, Set<Permission> permissions) {
    this.code = code;
    this.label = label;
    this.permissions = permissions;
  }

  /** Whether this role grants the permission. */
  public boolean grants(Permission permission) {
    return permissions.contains(permission);
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
}
