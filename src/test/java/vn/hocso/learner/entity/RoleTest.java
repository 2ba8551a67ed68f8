package vn.hocso.learner.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each role grants exactly the permissions written here: a new role or right is a visible change.
 */
class RoleTest {

  @Test
  void theRoleByPermissionMatrix() {
    Map<Role, Set<Permission>> expected = new TreeMap<>();
    expected.put(Role.LEARNER, EnumSet.of(Permission.LEARN));
    expected.put(
        Role.TRAINER,
        EnumSet.of(
            Permission.LEARN,
            Permission.RESET_PASSWORDS,
            Permission.SEE_RESIDENT_CERTIFICATES,
            Permission.ASSIST_RESIDENTS,
            Permission.PREVIEW_CONTENT,
            Permission.WRITE_DRAFTS));
    expected.put(
        Role.OFFICER,
        EnumSet.of(
            Permission.LEARN,
            Permission.RESET_PASSWORDS,
            Permission.SEE_RESIDENT_CERTIFICATES,
            Permission.ASSIST_RESIDENTS,
            Permission.MANAGE_WARD));
    expected.put(
        Role.EDITOR,
        EnumSet.of(
            Permission.LEARN,
            Permission.PREVIEW_CONTENT,
            Permission.EXPORT_CONTENT,
            Permission.WRITE_DRAFTS,
            Permission.PUBLISH_CONTENT));
    expected.put(Role.ADMIN, EnumSet.allOf(Permission.class));

    Map<Role, Set<Permission>> granted = new TreeMap<>();
    for (Role role : Role.values()) {
      Set<Permission> permissions = EnumSet.noneOf(Permission.class);
      for (Permission permission : Permission.values()) {
        if (role.grants(permission)) {
          permissions.add(permission);
        }
      }
      granted.put(role, permissions);
    }
    assertEquals(expected, granted);
  }

  @Test
  void anEditorGetsNoResidentOrWardRight() {
    for (Permission permission :
        EnumSet.of(
            Permission.RESET_PASSWORDS,
            Permission.SEE_RESIDENT_CERTIFICATES,
            Permission.ASSIST_RESIDENTS,
            Permission.MANAGE_WARD,
            Permission.ADMINISTER)) {
      assertEquals(false, Role.EDITOR.grants(permission), permission.name());
    }
  }
}
