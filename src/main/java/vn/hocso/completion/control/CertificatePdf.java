package vn.hocso.completion.control;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.hocso.completion.entity.Completion;

/**
 * The certificate as a one-page PDF (OpenPDF). The font (Liberation Sans) is embedded, so the
 * Vietnamese letters print the same on any computer.
 */
public final class CertificatePdf {

  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

  private static final BaseFont REGULAR = font("liberation/LiberationSans-Regular.ttf");
  private static final BaseFont BOLD = font("liberation/LiberationSans-Bold.ttf");
  private static final Color BLUE = new Color(10, 74, 133);

  private CertificatePdf() {}

  /**
   * @param name the learner's full name
   * @param wardName the ward as printed, or null
   * @param verifyUrl the public verification address the QR code links to
   */
  public static byte[] render(
      Completion completion, String name, String wardName, String verifyUrl) {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4.rotate(), 60, 60, 50, 40);
    PdfWriter.getInstance(document, pdf);
    document.addTitle("Chứng nhận hoàn thành – " + completion.title());
    document.addCreator("Học Số");
    document.open();
    document.add(centered("HỌC SỐ – BÌNH DÂN HỌC VỤ SỐ", new Font(BOLD, 14, Font.NORMAL, BLUE), 0));
    document.add(centered("CHỨNG NHẬN HOÀN THÀNH", new Font(BOLD, 30, Font.NORMAL, BLUE), 18));
    document.add(centered("Chứng nhận", new Font(REGULAR, 16), 22));
    document.add(centered(name, new Font(BOLD, 26), 6));
    document.add(
        centered(
            completion.isProgram() ? "đã hoàn thành chương trình" : "đã hoàn thành học phần",
            new Font(REGULAR, 16),
            14));
    document.add(centered(completion.title(), new Font(BOLD, 20, Font.NORMAL, BLUE), 6));
    StringBuilder details = new StringBuilder("Ngày " + DATE.format(completion.completedAt()));
    if (wardName != null) {
      details.append(" · ").append(wardName);
    }
    if (completion.score() != null) {
      details
          .append(" · Điểm ")
          .append(completion.score())
          .append('/')
          .append(completion.maxScore());
    }
    document.add(centered(details.toString(), new Font(REGULAR, 14), 14));
    Image qr;
    try {
      qr = Image.getInstance(QrCodes.png(verifyUrl, 300));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    qr.scaleAbsolute(110, 110);
    qr.setAlignment(Element.ALIGN_CENTER);
    qr.setSpacingBefore(14);
    document.add(qr);
    document.add(centered("Mã xác minh: " + completion.displayCode(), new Font(BOLD, 13), 4));
    document.add(centered("Kiểm tra tại " + verifyUrl, new Font(REGULAR, 11), 2));
    document.add(
        centered(
            "Phiên bản nội dung: " + abbreviate(completion.version()),
            new Font(REGULAR, 9, Font.NORMAL, Color.DARK_GRAY),
            6));
    document.close();
    return pdf.toByteArray();
  }

  private static String abbreviate(String text) {
    return text.length() > 160 ? text.substring(0, 160) + "…" : text;
  }

  private static Paragraph centered(String text, Font font, float spacingBefore) {
    Paragraph paragraph = new Paragraph(text, font);
    paragraph.setAlignment(Element.ALIGN_CENTER);
    paragraph.setSpacingBefore(spacingBefore);
    return paragraph;
  }

  private static BaseFont font(String resource) {
    try (InputStream in = CertificatePdf.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing font " + resource);
      }
      byte[] bytes = in.readAllBytes();
      return BaseFont.createFont(
          resource.substring(resource.lastIndexOf('/') + 1),
          BaseFont.IDENTITY_H,
          BaseFont.EMBEDDED,
          true,
          bytes,
          null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
