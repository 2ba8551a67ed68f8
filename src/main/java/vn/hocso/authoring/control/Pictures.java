package vn.hocso.authoring.control;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import vn.hocso.content.control.SourceText;
import vn.hocso.content.control.SvgSafety;
import vn.hocso.platform.control.Refusal;

/**
 * A picture a trainer sends, made fit for residents on slow networks (src/docs/authoring.md).
 *
 * <p>The type is decided from the bytes, never from the name. A photo (JPEG, PNG or WebP) is
 * decoded, turned upright by its EXIF orientation, scaled to at most {@value #MAX_WIDTH} px wide
 * and encoded again: JPEG for photos and opaque PNGs, PNG for pictures with transparency. The
 * encoded picture is written from its pixels alone, so no metadata of the original — the GPS
 * position a phone records, the camera, the time — survives. An SVG is kept as it is once {@link
 * SvgSafety} finds it is only a picture.
 *
 * <p>Decoding uses the JDK's ImageIO readers for JPEG and PNG and TwelveMonkeys' for WebP (read
 * only: nothing here writes WebP); scaling and EXIF orientation use Thumbnailator; JPEG and PNG are
 * written by the JDK's ImageIO writers.
 */
public final class Pictures {

  /** The most a trainer may send: a photo straight from a phone's camera. */
  public static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

  /** The widest a stored picture is: twice a phone's 360 CSS px at a density of about 3.5. */
  public static final int MAX_WIDTH = 1280;

  /** What a stored photo should weigh at most, for a resident on a slow network. */
  public static final int TARGET_BYTES = 300 * 1024;

  /**
   * The largest picture decoded, in pixels (a 50-megapixel camera's photo): a larger one, or a
   * small file claiming huge dimensions, is refused before any pixel is decoded.
   */
  public static final long MAX_PIXELS = 52_000_000L;

  private static final float[] JPEG_QUALITIES = {0.82f, 0.72f, 0.62f, 0.52f};

  /** The kinds of file a trainer may send, told apart by their first bytes. */
  public enum Kind {
    JPEG,
    PNG,
    WEBP,
    SVG
  }

  /** A picture as it will be stored. */
  public record Picture(
      String extension, String contentType, byte[] bytes, int width, int height) {}

  private Pictures() {}

  /** The kind of picture {@code bytes} hold, or null when they hold none this site takes. */
  public static Kind kindOf(byte[] bytes) {
    if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
      return Kind.JPEG;
    }
    if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Kind.PNG;
    }
    if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
      return Kind.WEBP;
    }
    if (looksLikeSvg(bytes)) {
      return Kind.SVG;
    }
    return null;
  }

  /**
   * Makes the picture to store from what a trainer sent.
   *
   * @throws Refusal (413) when it is larger than {@value #MAX_UPLOAD_BYTES} bytes or pixels allow,
   *     (400) when it is no picture this site takes, cannot be decoded, or is an unsafe SVG
   */
  public static Picture prepare(byte[] bytes) {
    if (bytes.length > MAX_UPLOAD_BYTES) {
      throw new Refusal(
          413,
          "Hình lớn quá ("
              + SourceText.megabytes(bytes.length)
              + "): mỗi hình gửi lên tối đa 10 MB. Hãy chụp lại ở cỡ nhỏ hơn.");
    }
    Kind kind = kindOf(bytes);
    if (kind == null) {
      throw new Refusal(
          400,
          "Tệp này không phải ảnh JPEG, PNG, WebP hay hình SVG (xét theo nội dung tệp, không theo"
              + " tên). Hãy chọn một ảnh chụp hoặc một hình.");
    }
    if (kind == Kind.SVG) {
      List<SvgSafety.Problem> problems = SvgSafety.problems(bytes);
      if (!problems.isEmpty()) {
        SvgSafety.Problem first = problems.get(0);
        throw new Refusal(400, "Dòng " + first.line() + ": " + first.message());
      }
      return new Picture("svg", "image/svg+xml", bytes, 0, 0);
    }
    try {
      return encode(upright(bytes, kind));
    } catch (IOException | RuntimeException e) {
      if (e instanceof Refusal refusal) {
        throw refusal;
      }
      throw new Refusal(
          400, "Không đọc được ảnh này (tệp hỏng hoặc chưa tải xong). Hãy chọn lại ảnh.");
    }
  }

  /** Decodes the picture, scaled down while decoding when it is far larger than needed. */
  private static BufferedImage upright(byte[] bytes, Kind kind) throws IOException {
    ImageReader reader = reader(kind);
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, false);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if ((long) width * height > MAX_PIXELS) {
        throw new Refusal(
            413,
            "Ảnh có quá nhiều điểm ảnh ("
                + width
                + " × "
                + height
                + "): tối đa khoảng 50 triệu. Hãy chụp ở cỡ nhỏ hơn.");
      }
      Orientation orientation = kind == Kind.JPEG ? orientation(reader) : null;
      boolean turned =
          orientation != null && orientation.ordinal() >= Orientation.LEFT_TOP.ordinal();
      int shownWidth = turned ? height : width;
      // Every n-th pixel while decoding, keeping at least twice the width stored: a 50-megapixel
      // photo then needs a quarter of the memory, and the scaling below keeps the quality.
      int step = Math.max(1, shownWidth / (2 * MAX_WIDTH));
      ImageReadParam param = reader.getDefaultReadParam();
      if (step > 1) {
        param.setSourceSubsampling(step, step, 0, 0);
      }
      BufferedImage image = reader.read(0, param);
      if (orientation != null && orientation != Orientation.TOP_LEFT) {
        image = ExifFilterUtils.getFilterForOrientation(orientation).apply(image);
      }
      if (image.getWidth() > MAX_WIDTH) {
        image = Thumbnails.of(image).width(MAX_WIDTH).asBufferedImage();
      }
      return image;
    } finally {
      reader.dispose();
    }
  }

  private static Orientation orientation(ImageReader reader) {
    try {
      return ExifUtils.getExifOrientation(reader, 0);
    } catch (IOException | RuntimeException e) {
      // No or broken EXIF: the picture is shown as stored.
      return null;
    }
  }

  private static ImageReader reader(Kind kind) throws IOException {
    if (kind == Kind.WEBP) {
      return new WebPImageReaderSpi().createReaderInstance();
    }
    Iterator<ImageReader> readers =
        ImageIO.getImageReadersByFormatName(kind == Kind.JPEG ? "jpeg" : "png");
    if (!readers.hasNext()) {
      throw new IOException("no ImageIO reader for " + kind);
    }
    return readers.next();
  }

  /**
   * Encodes the picture from its pixels: PNG when it has transparency and stays light enough,
   * otherwise JPEG at the best quality that stays under {@link #TARGET_BYTES}, smaller if needed.
   */
  private static Picture encode(BufferedImage image) throws IOException {
    if (image.getColorModel().hasAlpha() && hasTransparency(image)) {
      byte[] png = png(image);
      if (png.length <= TARGET_BYTES) {
        return new Picture("png", "image/png", png, image.getWidth(), image.getHeight());
      }
    }
    BufferedImage opaque = opaque(image);
    byte[] jpeg = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      for (float quality : JPEG_QUALITIES) {
        jpeg = jpeg(opaque, quality);
        if (jpeg.length <= TARGET_BYTES) {
          return new Picture("jpg", "image/jpeg", jpeg, opaque.getWidth(), opaque.getHeight());
        }
      }
      // Noisy photos stay heavy at any quality: fewer pixels, then.
      opaque = Thumbnails.of(opaque).scale(0.75).asBufferedImage();
    }
    return new Picture("jpg", "image/jpeg", jpeg, opaque.getWidth(), opaque.getHeight());
  }

  private static boolean hasTransparency(BufferedImage image) {
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        if ((image.getRGB(x, y) >>> 24) != 0xFF) {
          return true;
        }
      }
    }
    return false;
  }

  /** The picture on white, in RGB: JPEG has no transparency. */
  private static BufferedImage opaque(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = rgb.createGraphics();
    try {
      graphics.setColor(Color.WHITE);
      graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
      graphics.drawImage(image, 0, 0, null);
    } finally {
      graphics.dispose();
    }
    return rgb;
  }

  private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (!ImageIO.write(image, "png", bytes)) {
      throw new IOException("no PNG writer");
    }
    return bytes.toByteArray();
  }

  /**
   * Where a picture sent for {@code path} is stored: the same path with the extension of what was
   * stored, so a photo sent as {@code anh.png} may be stored as {@code anh.jpg}.
   */
  public static String storedPath(String path, Picture picture) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    String stem = dot > slash ? path.substring(0, dot) : path;
    String given = dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    String extension = picture.extension();
    boolean same = given.equals(extension) || (extension.equals("jpg") && given.equals("jpeg"));
    return same ? path : stem + "." + extension;
  }

  private static boolean startsWith(byte[] bytes, int offset, int... expected) {
    if (bytes.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((bytes[offset + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  /** Text whose first element is {@code <svg>}, after an XML declaration, comments or a BOM. */
  private static boolean looksLikeSvg(byte[] bytes) {
    String head =
        new String(bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.UTF_8)
            .replace("\uFEFF", "")
            .toLowerCase(Locale.ROOT);
    if (head.indexOf('\0') >= 0) {
      return false;
    }
    int svg = head.indexOf("<svg");
    if (svg < 0) {
      return false;
    }
    String before =
        head.substring(0, svg)
            .replaceAll("(?s)<\\?xml.*?\\?>", "")
            .replaceAll("(?s)<!--.*?-->", "")
            .replaceAll("(?s)<!doctype[^>]*>", "")
            .strip();
    return before.isEmpty();
  }
}
