package vn.hocso.authoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.hocso.platform.control.Refusal;

class PicturesTest {

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = PicturesTest.class.getResourceAsStream("/pictures/" + name)) {
      return in.readAllBytes();
    }
  }

  private static boolean contains(byte[] bytes, String text) {
    byte[] needle = text.getBytes(StandardCharsets.ISO_8859_1);
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean red(int rgb) {
    int r = (rgb >> 16) & 0xFF;
    int g = (rgb >> 8) & 0xFF;
    int b = rgb & 0xFF;
    return r > 180 && g < 90 && b < 90;
  }

  /**
   * A phone photo stored sideways with its GPS position: stored upright, 1,280 px wide, light, and
   * without a byte of its EXIF.
   */
  @Test
  void aPhonePhotoIsTurnedUprightScaledAndStrippedOfItsMetadata() throws IOException {
    byte[] sent = fixture("photo-gps-rotated.jpg");
    assertTrue(contains(sent, "Exif") && contains(sent, "HocSoTest"), "the fixture has EXIF");

    Pictures.Picture stored = Pictures.prepare(sent);

    assertEquals("jpg", stored.extension());
    assertEquals("image/jpeg", stored.contentType());
    assertEquals(1280, stored.width());
    assertEquals(1920, stored.height(), "portrait: 1,600 × 2,400 upright, scaled to 1,280 wide");
    assertTrue(stored.bytes().length <= Pictures.TARGET_BYTES, stored.bytes().length + " bytes");
    assertFalse(contains(stored.bytes(), "Exif"), "no EXIF block");
    assertFalse(contains(stored.bytes(), "HocSoTest"), "no camera make");
    assertFalse(contains(stored.bytes(), "GPS"), "no GPS");

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored.bytes()));
    assertEquals(1280, image.getWidth());
    assertEquals(1920, image.getHeight());
    // The stored top-left red quarter shows at the top right once turned 90° clockwise.
    assertTrue(red(image.getRGB(1100, 150)), "top right is red");
    assertFalse(red(image.getRGB(150, 150)), "top left is not");
    assertFalse(red(image.getRGB(1100, 1700)), "bottom right is not");
  }

  @Test
  void transparentPicturesStayPngAndAreNotScaledUp() throws IOException {
    Pictures.Picture png = Pictures.prepare(fixture("screen.png"));
    assertEquals("png", png.extension());
    assertEquals(800, png.width());
    assertEquals(600, png.height(), "smaller than 1,280 px: not scaled up");

    // WebP is read, never written: a transparent one is stored as PNG.
    Pictures.Picture webp = Pictures.prepare(fixture("screen.webp"));
    assertEquals("png", webp.extension());
    assertEquals(800, webp.width());
    assertEquals(600, webp.height());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(webp.bytes()));
    assertEquals(0, image.getRGB(5, 5) >>> 24, "the corner stays transparent");
    int box = image.getRGB(100, 100);
    assertTrue(((box >> 8) & 0xFF) > 90 && ((box >> 16) & 0xFF) < 40, Integer.toHexString(box));
  }

  /** A photo sent as WebP (no transparency) is stored as JPEG. */
  @Test
  void anOpaqueWebpBecomesJpeg() throws IOException {
    Pictures.Picture webp = Pictures.prepare(fixture("photo.webp"));
    assertEquals("jpg", webp.extension());
    assertEquals(1200, webp.width());
    assertEquals(800, webp.height());
  }

  @Test
  void theTypeComesFromTheBytesNotTheName() {
    byte[] elf = new byte[4096];
    elf[0] = 0x7F;
    elf[1] = 'E';
    elf[2] = 'L';
    elf[3] = 'F';
    Refusal refused = assertThrows(Refusal.class, () -> Pictures.prepare(elf));
    assertEquals(400, refused.status());
    assertTrue(refused.getMessage().contains("không phải ảnh"), refused.getMessage());

    byte[] truncated = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F'};
    Refusal broken = assertThrows(Refusal.class, () -> Pictures.prepare(truncated));
    assertEquals(400, broken.status());
    assertTrue(broken.getMessage().contains("Không đọc được ảnh"), broken.getMessage());
  }

  @Test
  void aTwelveMegabytePhotoIsRefusedBeforeDecoding() throws IOException {
    byte[] sent = new byte[12 * 1024 * 1024];
    byte[] photo = fixture("photo-gps-rotated.jpg");
    System.arraycopy(photo, 0, sent, 0, photo.length);
    Refusal refused = assertThrows(Refusal.class, () -> Pictures.prepare(sent));
    assertEquals(413, refused.status());
    assertTrue(refused.getMessage().contains("12,0 MB"), refused.getMessage());
  }

  /** A small PNG that claims 10,000 × 10,000 pixels is refused from its header alone. */
  @Test
  void aPictureClaimingHugeDimensionsIsRefusedBeforeDecoding() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream png = new DataOutputStream(bytes);
    png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    DataOutputStream ihdr = new DataOutputStream(header);
    ihdr.writeBytes("IHDR");
    ihdr.writeInt(10_000);
    ihdr.writeInt(10_000);
    ihdr.write(new byte[] {8, 2, 0, 0, 0});
    png.writeInt(13);
    png.write(header.toByteArray());
    CRC32 crc = new CRC32();
    crc.update(header.toByteArray());
    png.writeInt((int) crc.getValue());
    Refusal refused = assertThrows(Refusal.class, () -> Pictures.prepare(bytes.toByteArray()));
    assertEquals(413, refused.status());
    assertTrue(refused.getMessage().contains("10000 × 10000"), refused.getMessage());
  }

  @Test
  void anSvgIsKeptAsSentOrRefusedWithItsLine() {
    byte[] safe =
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\""
                + " height=\"10\"/></svg>")
            .getBytes(StandardCharsets.UTF_8);
    Pictures.Picture kept = Pictures.prepare(safe);
    assertEquals("svg", kept.extension());
    assertEquals(
        new String(safe, StandardCharsets.UTF_8), new String(kept.bytes(), StandardCharsets.UTF_8));

    byte[] script =
        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect/>\n<script>alert(1)</script>\n</svg>"
            .getBytes(StandardCharsets.UTF_8);
    Refusal refused = assertThrows(Refusal.class, () -> Pictures.prepare(script));
    assertEquals(400, refused.status());
    assertTrue(refused.getMessage().startsWith("Dòng 3: "), refused.getMessage());
  }

  @Test
  void aStoredPathTakesTheExtensionOfWhatWasStored() {
    Pictures.Picture jpeg = new Pictures.Picture("jpg", "image/jpeg", new byte[0], 1, 1);
    assertEquals("modules/a/10-b/anh.jpg", Pictures.storedPath("modules/a/10-b/anh.png", jpeg));
    assertEquals("modules/a/10-b/anh.jpeg", Pictures.storedPath("modules/a/10-b/anh.jpeg", jpeg));
    assertEquals("modules/a/10-b/anh.jpg", Pictures.storedPath("modules/a/10-b/anh", jpeg));
    assertEquals("modules/a.b/anh.jpg", Pictures.storedPath("modules/a.b/anh", jpeg));
  }
}
