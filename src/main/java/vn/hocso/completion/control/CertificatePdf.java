package vn.hocso.completion.control;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import vn.hocso.completion.entity.Completion;
import vn.hocso.platform.control.Dates;

/**
 * The certificate as a one-page A4 PDF (OpenPDF), laid out as the on-screen certificate: a double
 * frame, the issuer, who completed what and when, then the verification code and QR code beside a
 * place for the ward's signature and stamp. No emblem or seal is printed: the installation has no
 * right to one. The font (Liberation Sans) is embedded, so Vietnamese prints the same anywhere.
 */
public final class CertificatePdf {

  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Dates.VIETNAM_ZONE);

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
  private static final BaseFont REGULAR = font("liberation/LiberationSans-Regular.ttf");
  private static final BaseFont BOLD = font("liberation/LiberationSans-Bold.ttf");
  private static final BaseFont ITALIC = font("liberation/LiberationSans-Italic.ttf");
  private static final Color BLUE = new Color(10, 74, 133);
  private static final Color GREY = new Color(74, 74, 74);

  private CertificatePdf() {}

  /** What a certificate says, beside its completion. */
  public record Facts(String name, String wardName, String issuerName, String verifyUrl) {

    /** The line under the issuer's, naming the campaign, unless the issuer's name already does. */
    public String campaignLine() {
      return issuerName.contains("Học Số") ? null : "Học Số – Bình dân học vụ số";
    }
  }

  public static byte[] render(Completion completion, Facts facts) {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4.rotate(), 70, 70, 52, 40);
    PdfWriter writer = PdfWriter.getInstance(document, pdf);
    document.addTitle("Giấy chứng nhận hoàn thành – " + completion.title());
    document.addAuthor(facts.issuerName());
    document.addCreator("Học Số");
    document.open();
    frame(writer.getDirectContentUnder(), document.getPageSize());

    document.add(
        centered(
            facts.issuerName().toUpperCase(VIETNAMESE), new Font(BOLD, 13, Font.NORMAL, BLUE), 0));
    if (facts.campaignLine() != null) {
      document.add(centered(facts.campaignLine(), new Font(REGULAR, 11, Font.NORMAL, GREY), 2));
    }
    document.add(centered("GIẤY CHỨNG NHẬN HOÀN THÀNH", new Font(BOLD, 28, Font.NORMAL, BLUE), 16));
    document.add(centered("Chứng nhận", new Font(REGULAR, 15), 12));
    document.add(centered(facts.name(), new Font(BOLD, 26), 4));
    document.add(
        centered(
            completion.isProgram() ? "đã hoàn thành chương trình" : "đã hoàn thành học phần",
            new Font(REGULAR, 15),
            8));
    document.add(centered(completion.title(), new Font(BOLD, 20, Font.NORMAL, BLUE), 4));
    StringBuilder details = new StringBuilder("Ngày " + DATE.format(completion.completedAt()));
    if (facts.wardName() != null) {
      details.append(" · ").append(facts.wardName());
    }
    if (completion.score() != null) {
      details
          .append(" · Điểm ")
          .append(completion.score())
          .append('/')
          .append(completion.maxScore());
    }
    document.add(centered(details.toString(), new Font(REGULAR, 13), 8));
    document.add(closing(completion, facts));
    document.add(
        centered(
            "Phiên bản nội dung: " + abbreviate(completion.version()),
            new Font(REGULAR, 8, Font.NORMAL, GREY),
            6));
    document.close();
    return pdf.toByteArray();
  }

  /** A double frame: a thick line inside the page's edge and a thin one inside it. */
  private static void frame(PdfContentByte canvas, Rectangle page) {
    canvas.saveState();
    canvas.setColorStroke(BLUE);
    canvas.setLineWidth(3.5f);
    canvas.rectangle(22, 22, page.getWidth() - 44, page.getHeight() - 44);
    canvas.stroke();
    canvas.setLineWidth(0.8f);
    canvas.rectangle(30, 30, page.getWidth() - 60, page.getHeight() - 60);
    canvas.stroke();
    canvas.restoreState();
  }

  /** The verification code and QR code on the left, the ward's signature and stamp on the right. */
  private static PdfPTable closing(Completion completion, Facts facts) {
    PdfPTable table = new PdfPTable(new float[] {1, 1});
    table.setWidthPercentage(100);
    table.setSpacingBefore(14);

    Image qr;
    try {
      qr = Image.getInstance(QrCodes.png(facts.verifyUrl(), 300));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    qr.scaleAbsolute(96, 96);
    PdfPCell check = cell(Element.ALIGN_LEFT);
    check.addElement(qr);
    check.addElement(new Paragraph("Mã xác minh: " + completion.displayCode(), new Font(BOLD, 12)));
    check.addElement(
        new Paragraph("Ai cũng kiểm tra được tại:", new Font(REGULAR, 10, Font.NORMAL, GREY)));
    check.addElement(new Paragraph(facts.verifyUrl(), new Font(REGULAR, 10, Font.NORMAL, GREY)));
    table.addCell(check);

    PdfPCell signature = cell(Element.ALIGN_CENTER);
    signature.addElement(centered("……………, ngày …… tháng …… năm ……", new Font(ITALIC, 11), 0));
    signature.addElement(
        centered(
            facts.wardName() == null
                ? "XÁC NHẬN CỦA PHƯỜNG, XÃ"
                : "XÁC NHẬN CỦA " + facts.wardName().toUpperCase(VIETNAMESE),
            new Font(BOLD, 12),
            6));
    signature.addElement(
        centered("(Ký, ghi rõ họ tên và đóng dấu)", new Font(ITALIC, 10, Font.NORMAL, GREY), 2));
    table.addCell(signature);
    return table;
  }

  private static PdfPCell cell(int alignment) {
    PdfPCell cell = new PdfPCell(new Phrase(""));
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setHorizontalAlignment(alignment);
    cell.setVerticalAlignment(Element.ALIGN_TOP);
    return cell;
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
