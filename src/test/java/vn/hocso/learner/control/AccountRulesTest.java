package vn.hocso.learner.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Year;
import org.junit.jupiter.api.Test;
import vn.hocso.platform.control.Refusal;

/** The rules a registration must meet, each with the message the resident sees. */
class AccountRulesTest {

  @Test
  void namesAreTrimmedAndCheckedForLengthAndMarkup() {
    assertEquals("Nguyễn Thị Hoa", Accounts.displayName("  Nguyễn   Thị Hoa "));
    assertEquals(
        "Tên dài quá: tối đa 100 ký tự, tên này có 500.",
        assertThrows(Refusal.class, () -> Accounts.displayName("a".repeat(500))).getMessage());
    assertEquals(
        "Tên không được có các ký tự < > \" ` { } [ ] \\.",
        assertThrows(Refusal.class, () -> Accounts.displayName("<b>Hoa</b>")).getMessage());
    // What the message does not forbid is taken, as written; reports neutralise formulas.
    assertEquals("=1+2 Lan", Accounts.displayName("=1+2 Lan"));
    assertEquals("H'Hen Niê", Accounts.displayName("H'Hen Niê"));
    assertThrows(Refusal.class, () -> Accounts.displayName("Hoa\u0000"));
    assertEquals(
        "Bác hãy nhập tên của mình.",
        assertThrows(Refusal.class, () -> Accounts.displayName("  ")).getMessage());
  }

  @Test
  void birthYearsFrom1900ToThisYear() {
    int now = Year.now().getValue();
    assertEquals(1900, Accounts.birthYear(1900));
    assertThrows(Refusal.class, () -> Accounts.birthYear(1899));
    assertThrows(Refusal.class, () -> Accounts.birthYear(now + 1));
    assertThrows(Refusal.class, () -> Accounts.birthYear(null));
  }

  @Test
  void commonPasswordsAreRefusedWhateverTheirCase() {
    assertTrue(CommonPasswords.contains("password"));
    assertTrue(CommonPasswords.contains("12345678"));
    assertTrue(CommonPasswords.contains("MatKhau123"), "Vietnamese list");
    assertTrue(CommonPasswords.contains("anh yeu em"), "spaces ignored");
    assertFalse(CommonPasswords.contains("cay-tre-xanh-2026"));
    assertEquals(
        "Mật khẩu này quá phổ biến, kẻ gian dễ đoán ra. Bác hãy chọn mật khẩu khác.",
        assertThrows(Refusal.class, () -> Accounts.checkNewPassword("qwerty123")).getMessage());
    assertEquals(
        "Mật khẩu cần ít nhất 8 ký tự.",
        assertThrows(Refusal.class, () -> Accounts.checkNewPassword("abc")).getMessage());
    assertThrows(Refusal.class, () -> Accounts.checkNewPassword("x".repeat(129)));
    Accounts.checkNewPassword("cay tre xanh ben song " + "a".repeat(60));
  }
}
