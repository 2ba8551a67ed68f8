package vn.hocso.learner.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hocso.platform.control.Refusal;

class SignInNamesTest {

  @ParameterizedTest
  @CsvSource({
    "0912345678, phone, 0912345678",
    "0912 345 678, phone, 0912345678",
    "0912.345.678, phone, 0912345678",
    "+84912345678, phone, 0912345678",
    "84912345678, phone, 0912345678",
    "001234567890, cccd, 001234567890",
    "001 234 567 890, cccd, 001234567890",
    "Admin, name, admin"
  })
  void writtenAnyCommonWayANameIsNormalized(String raw, String kind, String value) {
    SignInNames.SignInName name = SignInNames.parse(raw);
    assertEquals(kind, name.kind());
    assertEquals(value, name.value());
    assertEquals(value.substring(value.length() - 3), name.last3());
  }

  @ParameterizedTest
  @ValueSource(strings = {"07912345678", "0791234567890", "1912345678", "12345"})
  void wrongLengthsSayWhatIsExpected(String raw) {
    Refusal refusal = assertThrows(Refusal.class, () -> SignInNames.parse(raw));
    assertEquals(
        "Số căn cước phải có đúng 12 chữ số; số điện thoại di động có 10 chữ số, bắt đầu bằng 0.",
        refusal.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"07912345678A", "abc", "0912<script>"})
  void lettersAreRefused(String raw) {
    assertEquals(
        "Tên đăng nhập là số điện thoại hoặc số căn cước, chỉ gồm chữ số.",
        assertThrows(Refusal.class, () -> SignInNames.parse(raw)).getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void nothingTyped(String raw) {
    assertEquals(
        "Bác hãy nhập số điện thoại hoặc số căn cước.",
        assertThrows(Refusal.class, () -> SignInNames.parse(raw)).getMessage());
  }
}
