package vn.hocso.content.control;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Whether an SVG picture is only a picture. Residents' pages show pictures with {@code <img>},
 * where a script would not run, but a picture's own address opens it as a document of this site: so
 * a picture holding a script, an event attribute, a {@code foreignObject} (HTML inside the picture)
 * or a reference to anything outside itself is refused, in a content folder as in a draft.
 *
 * <p>The picture is parsed with StAX, without a DTD and without external entities: a {@code
 * <!DOCTYPE>} (where entities are declared) is refused outright, so no entity is ever expanded.
 */
public final class SvgSafety {

  /** One reason a picture is refused, at its line (1 when the XML cannot be read at all). */
  public record Problem(int line, String message) {}

  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XML.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
  }

  /** Elements that run code or carry another document. */
  private static final Set<String> ACTIVE =
      Set.of("script", "foreignobject", "iframe", "embed", "object", "handler", "listener");

  /** Animations that could point a link or an event at something else. */
  private static final Set<String> ANIMATIONS = Set.of("set", "animate", "animatetransform");

  /** A CSS reference to anything but a fragment of the picture itself. */
  private static final Pattern EXTERNAL_CSS =
      Pattern.compile(
          "url\\s*\\(\\s*['\"]?\\s*(?!#)|@import|expression\\s*\\(", Pattern.CASE_INSENSITIVE);

  private SvgSafety() {}

  /** Every reason {@code svg} is refused; empty when it is only a picture. */
  public static List<Problem> problems(byte[] svg) {
    List<Problem> problems = new ArrayList<>();
    try {
      XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(svg));
      try {
        read(reader, problems);
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNumber());
      problems.add(
          new Problem(line, "hình SVG không đọc được (XML sai): " + firstLine(e.getMessage())));
    }
    return problems;
  }

  private static void read(XMLStreamReader reader, List<Problem> problems)
      throws XMLStreamException {
    boolean root = true;
    boolean inStyle = false;
    while (reader.hasNext()) {
      int event = reader.next();
      int line = reader.getLocation().getLineNumber();
      switch (event) {
        case XMLStreamConstants.DTD ->
            problems.add(
                new Problem(line, "hình SVG không được có `<!DOCTYPE>` (nơi khai báo thực thể)"));
        case XMLStreamConstants.ENTITY_REFERENCE ->
            problems.add(
                new Problem(
                    line, "hình SVG không được dùng thực thể `&" + reader.getLocalName() + ";`"));
        case XMLStreamConstants.START_ELEMENT -> {
          String name = reader.getLocalName().toLowerCase(Locale.ROOT);
          if (root && !name.equals("svg")) {
            problems.add(
                new Problem(
                    line, "tệp .svg phải bắt đầu bằng thẻ `<svg>`, không phải `<" + name + ">`"));
          }
          root = false;
          if (ACTIVE.contains(name)) {
            problems.add(
                new Problem(
                    line,
                    "hình SVG không được chứa `<"
                        + reader.getLocalName()
                        + ">`: hình chỉ được là hình, không chạy mã hay nhúng trang khác"));
          }
          inStyle = name.equals("style");
          checkAttributes(reader, name, line, problems);
        }
        case XMLStreamConstants.END_ELEMENT -> inStyle = false;
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (inStyle && EXTERNAL_CSS.matcher(reader.getText()).find()) {
            problems.add(
                new Problem(
                    line,
                    "kiểu (CSS) trong hình SVG không được tải gì từ ngoài (`url(…)`, `@import`)"));
          }
        }
        default -> {
          // Comments, processing instructions and white space are harmless.
        }
      }
    }
  }

  private static void checkAttributes(
      XMLStreamReader reader, String element, int line, List<Problem> problems) {
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      String name = reader.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
      String value = reader.getAttributeValue(i).strip();
      if (name.startsWith("on")) {
        problems.add(
            new Problem(
                line,
                "hình SVG không được có thuộc tính sự kiện `"
                    + reader.getAttributeLocalName(i)
                    + "` (chạy mã khi bấm hay khi tải)"));
      } else if (name.equals("href") && !value.startsWith("#")) {
        problems.add(
            new Problem(
                line,
                "hình SVG chỉ được trỏ tới phần bên trong chính nó (`#…`), không tới `"
                    + excerpt(value)
                    + "`"));
      } else if (name.equals("style") && EXTERNAL_CSS.matcher(value).find()) {
        problems.add(
            new Problem(
                line,
                "kiểu (CSS) trong hình SVG không được tải gì từ ngoài (`url(…)`, `@import`)"));
      } else if (!name.equals("style")
          && value.toLowerCase(Locale.ROOT).startsWith("url(")
          && !value.substring(4).strip().replace("'", "").replace("\"", "").startsWith("#")) {
        problems.add(
            new Problem(
                line,
                "thuộc tính `"
                    + reader.getAttributeLocalName(i)
                    + "` trỏ ra ngoài hình (`"
                    + excerpt(value)
                    + "`)"));
      } else if (ANIMATIONS.contains(element)
          && name.equals("attributename")
          && (value.toLowerCase(Locale.ROOT).endsWith("href")
              || value.toLowerCase(Locale.ROOT).startsWith("on"))) {
        problems.add(
            new Problem(
                line,
                "hình SVG không được đổi `"
                    + excerpt(value)
                    + "` bằng hoạt ảnh (`<"
                    + element
                    + ">`)"));
      }
    }
  }

  private static String excerpt(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String text = message.strip();
    int lastNewline = text.lastIndexOf('\n');
    return lastNewline < 0 ? text : text.substring(lastNewline + 1).strip();
  }
}
