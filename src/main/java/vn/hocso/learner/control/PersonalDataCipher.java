package vn.hocso.learner.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import vn.hocso.security.control.Secrets;

/** Encrypts personal data stored at rest (a contact phone) with AES-256-GCM. */
@ApplicationScoped
public class PersonalDataCipher {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int IV_BYTES = 12;

  @Inject Secrets secrets;

  public byte[] encrypt(String text) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv);
      byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String decrypt(byte[] stored) {
    try {
      ByteBuffer buffer = ByteBuffer.wrap(stored);
      byte[] iv = new byte[IV_BYTES];
      buffer.get(iv);
      byte[] sealed = new byte[buffer.remaining()];
      buffer.get(sealed);
      return new String(cipher(Cipher.DECRYPT_MODE, iv).doFinal(sealed), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Cipher cipher(int mode, byte[] iv) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        mode,
        new SecretKeySpec(secrets.key("personal-data"), "AES"),
        new GCMParameterSpec(128, iv));
    return cipher;
  }
}
