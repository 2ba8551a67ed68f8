package vn.hocso.content.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * How large the smallest text of an SVG picture shows on a 360 px phone. A picture is drawn in its
 * own units (its {@code viewBox}) and shown as wide as the page lets it, never wider than its own
 * {@code width}: the text's font size times that ratio is its size on the screen, in CSS px.
 *
 * <p>The widths are those of a 360 px wide phone, measured in Chromium by BrowserIT: a lesson's
 * text column, and the box of a picture option in a quiz. Font sizes are read from the {@code
 * font-size} attribute and {@code style}, inherited from the enclosing elements, in px or without a
 * unit (16 px when none is given, as a browser does); text inside a {@code transform} is measured
 * as if untransformed.
 */
public final class SvgReadability {

  /** The width a lesson's pictures get on a 360 px phone: the page less its two 16 px margins. */
  public static final double LESSON_WIDTH = 328;

  /** The width of a picture option's image in a quiz on a 360 px phone. */
  public static final double OPTION_WIDTH = 210;

  /** The smallest text a reader of 70 should have to read on a phone, in CSS px. */
  public static final double MIN_TEXT_PX = 14;

  private static final double BROWSER_DEFAULT_PX = 16;
  private static final Pattern SIZE = Pattern.compile("^\\s*([0-9]*\\.?[0-9]+)\\s*(px)?\\s*$");
  private static final Pattern STYLE_SIZE =
      Pattern.compile("(?:^|;)\\s*font-size\\s*:\\s*([^;]+)", Pattern.CASE_INSENSITIVE);
  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  private SvgReadability() {}

  /** The smallest text of a picture as shown, and the line of the SVG where it is. */
  public record Smallest(double px, int line) {}

  /**
   * The smallest text of the SVG file as shown at most {@code columnWidth} CSS px wide, or empty
   * when it has no text.
   *
   * @throws IOException when the file cannot be read or is not well-formed XML
   */
  public static Optional<Smallest> smallestText(Path svg, double columnWidth) throws IOException {
    try (InputStream in = Files.newInputStream(svg)) {
      XMLStreamReader reader = XML.createXMLStreamReader(in);
      try {
        return smallestText(reader, columnWidth);
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static Optional<Smallest> smallestText(XMLStreamReader reader, double columnWidth)
      throws XMLStreamException {
    double scale = 1;
    boolean root = true;
    Deque<Double> sizes = new ArrayDeque<>();
    Deque<Boolean> texts = new ArrayDeque<>();
    Smallest smallest = null;
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (root) {
          scale = scale(reader, columnWidth);
          root = false;
        }
        double inherited = sizes.isEmpty() ? BROWSER_DEFAULT_PX : sizes.peek();
        sizes.push(fontSize(reader).orElse(inherited));
        String name = reader.getLocalName();
        boolean inText = !texts.isEmpty() && texts.peek();
        texts.push(inText || name.equals("text"));
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        sizes.pop();
        texts.pop();
      } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
          && !texts.isEmpty()
          && texts.peek()
          && !reader.getText().isBlank()) {
        double shown = sizes.peek() * scale;
        if (smallest == null || shown < smallest.px()) {
          smallest = new Smallest(shown, reader.getLocation().getLineNumber());
        }
      }
    }
    return Optional.ofNullable(smallest);
  }

  /** Screen px per unit of the drawing: the width it is shown at over the viewBox's width. */
  private static double scale(XMLStreamReader svg, double columnWidth) {
    String viewBox = svg.getAttributeValue(null, "viewBox");
    Optional<Double> width = length(svg.getAttributeValue(null, "width"));
    double drawn = 0;
    if (viewBox != null) {
      String[] parts = viewBox.trim().split("[\\s,]+");
      if (parts.length == 4) {
        drawn = Double.parseDouble(parts[2]);
      }
    }
    if (drawn <= 0) {
      drawn = width.orElse(columnWidth);
    }
    double shown = Math.min(width.orElse(columnWidth), columnWidth);
    return shown / drawn;
  }

  private static Optional<Double> fontSize(XMLStreamReader element) {
    String style = element.getAttributeValue(null, "style");
    if (style != null) {
      Matcher declared = STYLE_SIZE.matcher(style);
      if (declared.find()) {
        Optional<Double> size = length(declared.group(1));
        if (size.isPresent()) {
          return size;
        }
      }
    }
    return length(element.getAttributeValue(null, "font-size"));
  }

  /** A length in px or without a unit; empty for none or for another unit. */
  private static Optional<Double> length(String value) {
    if (value == null) {
      return Optional.empty();
    }
    Matcher number = SIZE.matcher(value.toLowerCase(Locale.ROOT));
    return number.matches() ? Optional.of(Double.parseDouble(number.group(1))) : Optional.empty();
  }
}
