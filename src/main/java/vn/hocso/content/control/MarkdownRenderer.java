package vn.hocso.content.control;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import vn.hocso.content.entity.ContentProblem;

/**
 * Turns the body of a content file into safe HTML, checking it on the way. Raw HTML, unsafe links,
 * images outside the module and unknown callouts are reported as problems; whatever the Markdown
 * holds, the HTML that comes out has passed the sanitizer.
 */
public final class MarkdownRenderer {

  /** Image types a lesson may use, by file extension. */
  public static final Map<String, String> IMAGE_TYPES =
      Map.of(
          "png", "image/png",
          "jpg", "image/jpeg",
          "jpeg", "image/jpeg",
          "webp", "image/webp",
          "gif", "image/gif",
          "svg", "image/svg+xml");

  private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto", "tel");
  private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.\\-]*):");
  private static final Pattern CALLOUT_MARKER = Pattern.compile("^\\[!([A-Za-z]+)\\](.*)$");
  private static final Pattern CONTROL_OR_SPACE = Pattern.compile("[\\x00-\\x20\\x7f]+");

  /** Where the Markdown being rendered lives, to resolve its images and links. */
  public record Scope(
      Path file,
      Path moduleDir,
      String moduleId,
      String version,
      Map<String, String> lessonIdsByFolder) {

    /** A file outside any module (a program): no images or relative links allowed. */
    public static Scope standalone(Path file) {
      return new Scope(file, null, null, null, Map.of());
    }
  }

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "ul",
              "ol",
              "li",
              "strong",
              "em",
              "code",
              "pre",
              "blockquote",
              "hr",
              "br",
              "del",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td",
              "img",
              "a",
              "div")
          .allowUrlProtocols("http", "https", "mailto", "tel")
          .allowAttributes("href", "title")
          .onElements("a")
          .allowAttributes("src", "alt", "title")
          .onElements("img")
          .allowAttributes("loading")
          .matching(Pattern.compile("lazy"))
          .onElements("img")
          .allowAttributes("align")
          .matching(Pattern.compile("left|center|right"))
          .onElements("th", "td")
          .allowAttributes("start")
          .matching(Pattern.compile("[0-9]{1,4}"))
          .onElements("ol")
          .allowAttributes("class")
          .matching(
              Pattern.compile(
                  "callout callout-(caution|warning|important|tip|note)|callout-title|table-wrap"))
          .onElements("div", "p")
          .allowAttributes("role")
          .matching(Pattern.compile("note|region"))
          .onElements("div")
          .allowAttributes("tabindex")
          .matching(Pattern.compile("0"))
          .onElements("div")
          .allowAttributes("aria-label")
          .onElements("div")
          .toFactory();

  private final Parser parser;
  private final HtmlRenderer renderer;

  public MarkdownRenderer() {
    MutableDataSet options = new MutableDataSet();
    List<Extension> extensions =
        List.of(
            TablesExtension.create(), StrikethroughExtension.create(), TaskListExtension.create());
    options.set(Parser.EXTENSIONS, extensions);
    options.set(TablesExtension.COLUMN_SPANS, false);
    options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
    options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
    options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
    // Raw HTML is a problem the check reports; should it ever get this far, it shows as text.
    options.set(HtmlRenderer.ESCAPE_HTML, true);
    options.set(HtmlRenderer.SOFT_BREAK, " ");
    parser = Parser.builder(options).build();
    renderer =
        HtmlRenderer.builder(options)
            .nodeRendererFactory(dataHolder -> new CalloutRenderer())
            .attributeProviderFactory(
                new com.vladsch.flexmark.html.IndependentAttributeProviderFactory() {
                  @Override
                  public com.vladsch.flexmark.html.AttributeProvider apply(
                      com.vladsch.flexmark.html.renderer.LinkResolverContext context) {
                    return (node, part, attributes) -> {
                      if (node instanceof Image) {
                        attributes.addValue("loading", "lazy");
                      }
                    };
                  }
                })
            .build();
  }

  /** Sanitizes HTML from any source with the policy every rendered fragment goes through. */
  public static String sanitize(String html) {
    return POLICY.sanitize(html);
  }

  /**
   * Checks and renders {@code markdown}. Problems are added to {@code problems}; the result is
   * always sanitized HTML.
   *
   * @param lesson whether this is a lesson body (which must end with a "Nguồn" section)
   */
  public String render(
      String markdown, Scope scope, boolean lesson, List<ContentProblem> problems) {
    return html(check(markdown, scope, lesson, problems));
  }

  /** A lesson rendered: its body, and its closing "Nguồn" section's list on its own. */
  public record RenderedLesson(String html, String sourcesHtml) {}

  /**
   * Checks and renders a lesson. Its "Nguồn" section is rendered apart, so that pages can fold it:
   * a long list of sources should not stand between the lesson's end and the next lesson.
   */
  public RenderedLesson renderLesson(String markdown, Scope scope, List<ContentProblem> problems) {
    Document document = check(markdown, scope, true, problems);
    Heading sources = null;
    for (Node child : document.getChildren()) {
      if (child instanceof Heading heading
          && heading.getLevel() == 2
          && heading.getText().toString().strip().equalsIgnoreCase("Nguồn")) {
        sources = heading;
      }
    }
    if (sources == null || sources.getNext() == null) {
      return new RenderedLesson(html(document), "");
    }
    List<Node> listed = new ArrayList<>();
    for (Node node = sources.getNext(); node != null; node = node.getNext()) {
      listed.add(node);
    }
    sources.unlink();
    String sourcesHtml = html(listed);
    return new RenderedLesson(html(document), sourcesHtml);
  }

  /**
   * Parses and checks {@code markdown}, returning its syntax tree with image and lesson addresses
   * rewritten and callouts in place, for a caller that renders parts of it with {@link #html}.
   */
  public Document check(
      String markdown, Scope scope, boolean lesson, List<ContentProblem> problems) {
    Document document = parser.parse(markdown);
    LineStarts lines = new LineStarts(markdown);
    List<Node> nodes = new ArrayList<>();
    document.getDescendants().forEach(nodes::add);
    List<BlockQuote> callouts = new ArrayList<>();
    List<Heading> sections = new ArrayList<>();
    for (Node node : nodes) {
      int line = lines.lineOf(node.getStartOffset());
      if (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase) {
        problems.add(
            new ContentProblem(
                scope.file(),
                line,
                "không được dùng HTML trong bài (`" + excerpt(node.getChars()) + "`)"));
      } else if (node instanceof Heading heading) {
        if (heading.getLevel() == 1) {
          problems.add(
              new ContentProblem(
                  scope.file(),
                  line,
                  "không dùng tiêu đề `#` trong bài; tên bài lấy từ khóa `title`, hãy dùng `##`"));
        } else if (heading.getLevel() == 2) {
          sections.add(heading);
        }
      } else if (node instanceof Image image) {
        checkImage(image, scope, line, problems);
      } else if (node instanceof ImageRef) {
        problems.add(
            new ContentProblem(
                scope.file(), line, "hãy viết hình theo kiểu ![mô tả](ten-tep.png), ngay tại chỗ"));
      } else if (node instanceof Link link) {
        checkLink(link, scope, line, problems);
      } else if (node instanceof AutoLink autoLink) {
        checkAbsoluteLink(autoLink.getUrl().toString(), scope, line, problems);
      } else if (node instanceof Reference reference) {
        checkAbsoluteLink(reference.getUrl().toString(), scope, line, problems);
      } else if (node instanceof BlockQuote quote) {
        if (calloutKind(quote, scope, line, problems) != null) {
          callouts.add(quote);
        }
      }
    }
    for (BlockQuote quote : callouts) {
      toCallout(quote);
    }
    if (lesson) {
      checkLessonShape(document, sections, scope, problems);
    }
    return document;
  }

  /**
   * Renders nodes of a checked document to sanitized HTML. The nodes are moved into a document of
   * their own first: Flexmark renders images only as part of a document.
   */
  public String html(List<Node> nodes) {
    if (nodes.isEmpty()) {
      return "";
    }
    Document source = nodes.get(0).getDocument();
    Document part = new Document(source, source.getChars());
    for (Node node : List.copyOf(nodes)) {
      node.unlink();
      part.appendChild(node);
    }
    return html(part);
  }

  /** Renders a checked document to sanitized HTML. */
  public String html(Document document) {
    String html = renderer.render(document);
    html =
        html.replace(
                "<table>",
                "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Bảng\"><table>")
            .replace("</table>", "</table></div>");
    return sanitize(html);
  }

  private static void checkLessonShape(
      Document document, List<Heading> sections, Scope scope, List<ContentProblem> problems) {
    boolean empty = true;
    for (Node child : document.getChildren()) {
      empty &= child.getChars().isBlank();
    }
    if (empty) {
      problems.add(new ContentProblem(scope.file(), 1, "bài học không có nội dung"));
      return;
    }
    int lastLine = document.getLineCount();
    Heading sources = null;
    for (Heading heading : sections) {
      if (heading.getText().toString().strip().equalsIgnoreCase("Nguồn")) {
        sources = heading;
      }
    }
    if (sources == null) {
      problems.add(
          new ContentProblem(
              scope.file(),
              Math.max(1, lastLine),
              "thiếu mục `## Nguồn` ở cuối bài: hãy ghi tên các nguồn bài dựa vào"));
    } else if (sections.indexOf(sources) != sections.size() - 1) {
      problems.add(
          new ContentProblem(
              scope.file(),
              sources.getStartLineNumber() + 1,
              "mục `## Nguồn` phải là mục cuối cùng của bài"));
    }
  }

  private static String calloutKind(
      BlockQuote quote, Scope scope, int line, List<ContentProblem> problems) {
    if (!(quote.getFirstChild() instanceof Paragraph paragraph)) {
      return null;
    }
    String firstLine = paragraph.getChars().toString().split("\n", 2)[0].strip();
    Matcher marker = CALLOUT_MARKER.matcher(firstLine);
    if (!marker.matches()) {
      return null;
    }
    String kind = marker.group(1).toUpperCase(Locale.ROOT);
    if (!Callout.TITLES.containsKey(kind)) {
      problems.add(
          new ContentProblem(
              scope.file(),
              line,
              "nhãn hộp lưu ý lạ `[!"
                  + marker.group(1)
                  + "]`; dùng [!CAUTION], [!WARNING], [!IMPORTANT], [!TIP] hoặc [!NOTE]"));
      return null;
    }
    if (!marker.group(2).isBlank()) {
      problems.add(
          new ContentProblem(
              scope.file(),
              line,
              "nhãn `[!" + kind + "]` phải đứng một mình trên dòng đầu của hộp lưu ý"));
      return null;
    }
    return kind;
  }

  /** Replaces a blockquote that starts with a known marker by a {@link Callout}. */
  private static void toCallout(BlockQuote quote) {
    Paragraph first = (Paragraph) quote.getFirstChild();
    String firstLine = first.getChars().toString().split("\n", 2)[0].strip();
    Matcher marker = CALLOUT_MARKER.matcher(firstLine);
    marker.matches();
    Callout callout = new Callout(marker.group(1).toUpperCase(Locale.ROOT));
    // Drop the marker: everything in the first paragraph up to its first line break.
    Node child = first.getFirstChild();
    while (child != null) {
      Node next = child.getNext();
      boolean lineBreak = child instanceof SoftLineBreak || child instanceof HardLineBreak;
      child.unlink();
      if (lineBreak) {
        break;
      }
      child = next;
    }
    if (!first.hasChildren()) {
      first.unlink();
    }
    while (quote.getFirstChild() != null) {
      Node moved = quote.getFirstChild();
      moved.unlink();
      callout.appendChild(moved);
    }
    quote.insertBefore(callout);
    quote.unlink();
  }

  private static void checkImage(
      Image image, Scope scope, int line, List<ContentProblem> problems) {
    String url = decode(image.getUrl());
    if (image.getText().isBlank()) {
      problems.add(
          new ContentProblem(
              scope.file(),
              line,
              "hình `"
                  + url
                  + "` thiếu lời mô tả: viết ![mô tả hình](tệp) để người khiếm thị và người"
                  + " mạng chậm biết hình nói gì"));
    }
    if (scope.moduleDir() == null) {
      problems.add(new ContentProblem(scope.file(), line, "tệp này không được chứa hình"));
      return;
    }
    String compact = CONTROL_OR_SPACE.matcher(url).replaceAll("").toLowerCase(Locale.ROOT);
    if (SCHEME.matcher(compact).find() || compact.startsWith("//")) {
      problems.add(
          new ContentProblem(
              scope.file(),
              line,
              "hình `" + url + "` ở trên mạng: hãy tải hình về, đặt cạnh bài học"));
      return;
    }
    if (url.startsWith("/") || url.startsWith("\\")) {
      problems.add(
          new ContentProblem(
              scope.file(),
              line,
              "đường dẫn hình `" + url + "` phải là đường dẫn tương đối, ví dụ hinh.png"));
      return;
    }
    Path target;
    try {
      target = scope.file().getParent().resolve(url).normalize();
    } catch (InvalidPathException e) {
      problems.add(
          new ContentProblem(scope.file(), line, "đường dẫn hình `" + url + "` không hợp lệ"));
      return;
    }
    Path moduleDir = scope.moduleDir().toAbsolutePath().normalize();
    if (!target.toAbsolutePath().normalize().startsWith(moduleDir)) {
      problems.add(
          new ContentProblem(
              scope.file(), line, "đường dẫn hình `" + url + "` ra khỏi thư mục học phần"));
      return;
    }
    String relative = moduleDir.relativize(target.toAbsolutePath()).toString().replace('\\', '/');
    if (relative.startsWith(".") || relative.contains("/.")) {
      problems.add(
          new ContentProblem(scope.file(), line, "không dùng tệp ẩn làm hình (`" + url + "`)"));
      return;
    }
    if (!Files.isRegularFile(target)) {
      problems.add(new ContentProblem(scope.file(), line, "không tìm thấy hình `" + url + "`"));
      return;
    }
    if (!IMAGE_TYPES.containsKey(extension(relative))) {
      problems.add(
          new ContentProblem(
              scope.file(),
              line,
              "hình `"
                  + url
                  + "` không phải định dạng được hỗ trợ (png, jpg, jpeg, webp, gif, svg)"));
      return;
    }
    image.setUrl(BasedSequence.of(ContentUrls.media(scope.moduleId(), scope.version(), relative)));
    image.setUrlOpeningMarker(BasedSequence.NULL);
  }

  private static void checkLink(Link link, Scope scope, int line, List<ContentProblem> problems) {
    String url = decode(link.getUrl());
    String compact = CONTROL_OR_SPACE.matcher(url).replaceAll("").toLowerCase(Locale.ROOT);
    if (compact.isEmpty()) {
      problems.add(new ContentProblem(scope.file(), line, "liên kết không có địa chỉ"));
      return;
    }
    if (compact.startsWith("#") || SCHEME.matcher(compact).find() || compact.startsWith("//")) {
      checkAbsoluteLink(link.getUrl().toString(), scope, line, problems);
      return;
    }
    String lessonUrl = lessonLink(url, scope);
    if (lessonUrl == null) {
      problems.add(
          new ContentProblem(
              scope.file(),
              line,
              "liên kết `"
                  + url
                  + "` không trỏ tới một bài học của học phần này; liên kết tới trang khác"
                  + " phải ghi đầy đủ https://…"));
      return;
    }
    link.setUrl(BasedSequence.of(lessonUrl));
  }

  /** The page address of a relative link to a lesson of the same module, or null. */
  private static String lessonLink(String url, Scope scope) {
    if (scope.moduleDir() == null) {
      return null;
    }
    String path = url.split("#", 2)[0];
    try {
      Path moduleDir = scope.moduleDir().toAbsolutePath().normalize();
      Path target = scope.file().toAbsolutePath().getParent().resolve(path).normalize();
      if (!target.startsWith(moduleDir)) {
        return null;
      }
      Path relative = moduleDir.relativize(target);
      if (relative.toString().isEmpty() || relative.toString().equals("_index.md")) {
        return ContentUrls.module(scope.moduleId());
      }
      String folder = relative.getName(0).toString();
      boolean lessonPage =
          relative.getNameCount() == 1
              || (relative.getNameCount() == 2
                  && relative.getFileName().toString().equals("index.md"));
      String lessonId = scope.lessonIdsByFolder().get(folder);
      return lessonPage && lessonId != null ? ContentUrls.lesson(scope.moduleId(), lessonId) : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static void checkAbsoluteLink(
      String rawUrl, Scope scope, int line, List<ContentProblem> problems) {
    String url = decode(BasedSequence.of(rawUrl));
    String compact = CONTROL_OR_SPACE.matcher(url).replaceAll("").toLowerCase(Locale.ROOT);
    Matcher scheme = SCHEME.matcher(compact);
    if (scheme.find() && !LINK_SCHEMES.contains(scheme.group(1))) {
      problems.add(
          new ContentProblem(
              scope.file(),
              line,
              "liên kết không an toàn `"
                  + excerpt(BasedSequence.of(rawUrl))
                  + "`: chỉ dùng http, https, mailto hoặc tel"));
    }
  }

  /** The URL as a browser would read it: entities, backslash escapes and %-escapes decoded. */
  private static String decode(BasedSequence url) {
    String text = Escaping.unescapeString(url.toString());
    try {
      text = URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // A lone % is not an escape; keep the text as it is.
    }
    return text;
  }

  private static String extension(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String excerpt(BasedSequence chars) {
    String text = chars.toString().strip().replaceAll("\\s+", " ");
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  /** Renders a {@link Callout} as a titled box. */
  private static final class CalloutRenderer implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(
          new NodeRenderingHandler<>(
              Callout.class,
              (node, context, html) -> {
                html.line()
                    .raw(
                        "<div class=\"callout callout-"
                            + node.kind().toLowerCase(Locale.ROOT)
                            + "\" role=\"note\">")
                    .line();
                html.raw("<p class=\"callout-title\"><strong>")
                    .text(node.title())
                    .raw("</strong></p>")
                    .line();
                context.renderChildren(node);
                html.line().raw("</div>").line();
              }));
    }
  }

  /**
   * Where each line of a text starts, so that the line of any offset is a binary search. Flexmark's
   * {@code Node.getStartLineNumber()} counts the line breaks from the start of the document on
   * every call: asked for every node of a lesson, that was a fifth of loading it. Counts a line
   * break as flexmark does: CR LF, CR or LF.
   */
  static final class LineStarts {
    private final int[] starts;

    LineStarts(CharSequence text) {
      int[] found = new int[16];
      int count = 1; // found[0] = 0: the first line starts at the start
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
        if (c == '\n' || (c == '\r' && !crlf)) {
          if (count == found.length) {
            found = java.util.Arrays.copyOf(found, count * 2);
          }
          found[count++] = i + 1;
        }
      }
      starts = java.util.Arrays.copyOf(found, count);
    }

    /** The 1-based line holding the character at {@code offset}. */
    int lineOf(int offset) {
      int at = java.util.Arrays.binarySearch(starts, offset);
      return at >= 0 ? at + 1 : -at - 1;
    }
  }
}
