package vn.hocso.learner.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.hocso.security.control.Secrets;

class PersonalDataCipherTest {

  private static PersonalDataCipher cipher(byte fill) {
    PersonalDataCipher cipher = new PersonalDataCipher();
    byte[] key = new byte[32];
    Arrays.fill(key, fill);
    cipher.secrets =
        new Secrets() {
          @Override
          public byte[] key(String purpose) {
            return key;
          }
        };
    return cipher;
  }

  @Test
  void aContactPhoneIsStoredSealedAndOnlyTheKeyOpensIt() {
    PersonalDataCipher cipher = cipher((byte) 7);
    byte[] sealed = cipher.encrypt("0912345678");
    assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("0912345678"));
    assertNotEquals(
        Arrays.toString(sealed),
        Arrays.toString(cipher.encrypt("0912345678")),
        "a fresh IV each time");
    assertEquals("0912345678", cipher.decrypt(sealed));
    assertThrows(IllegalStateException.class, () -> cipher((byte) 8).decrypt(sealed));
  }
}
