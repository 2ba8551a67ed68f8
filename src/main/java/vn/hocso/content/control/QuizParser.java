package vn.hocso.content.control;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.hocso.content.entity.AttemptPolicy;
import vn.hocso.content.entity.ContentProblem;
import vn.hocso.content.entity.Option;
import vn.hocso.content.entity.Question;
import vn.hocso.content.entity.QuestionType;
import vn.hocso.content.entity.Quiz;
import vn.hocso.platform.control.Digests;

/**
 * Reads a module's quiz.md (format in content/README.md): questions are {@code ##} headings,
 * options a task list ({@code - [x]} marks a correct one) or, for ordering, a numbered list in the
 * right order, and a blockquote after the options explains the answer.
 */
public final class QuizParser {

  private static final Set<String> KEYS =
      Set.of("draw", "attempts_per_day", "minutes_between_attempts", "open_hours", "counts");
  private static final String TYPE_KEY = "Loại";
  private static final String LESSON_KEY = "Bài học";

  /** A line of the key lines under a question's heading: {@code Bài học: …} or {@code Loại: …}. */
  private static final Pattern KEY_LINE =
      Pattern.compile("^\\s*(" + LESSON_KEY + "|" + TYPE_KEY + ")\\s*:\\s*(.*?)\\s*$");

  /** Above this share of single-answer questions, a longest right answer gives itself away. */
  private static final double LONGEST_RIGHT_SHARE = 0.5;

  private final MarkdownRenderer markdown;

  public QuizParser(MarkdownRenderer markdown) {
    this.markdown = markdown;
  }

  /** A question as it is read, before it is checked. */
  private static final class Draft {
    final Heading heading;
    final int line;
    QuestionType type = QuestionType.SINGLE;
    boolean typeGiven;
    String lessonId;
    int lessonLine;
    final List<Node> body = new ArrayList<>();
    Node options;
    BlockQuote explanation;

    Draft(Heading heading) {
      this.heading = heading;
      this.line = heading.getStartLineNumber() + 1;
    }
  }

  /** Parses and checks a quiz; problems are added to {@code problems}. */
  public Quiz parse(String text, MarkdownRenderer.Scope scope, List<ContentProblem> problems) {
    return parse(text, scope, problems, new ArrayList<>());
  }

  /**
   * Parses and checks a quiz: problems (which stop the module) are added to {@code problems},
   * warnings (which stop nothing) to {@code warnings}. When the scope knows the module's lessons,
   * each question's {@code Bài học:} must name one of them.
   */
  public Quiz parse(
      String text,
      MarkdownRenderer.Scope scope,
      List<ContentProblem> problems,
      List<ContentProblem> warnings) {
    Path file = scope.file();
    String body = text;
    int draw = 0;
    AttemptPolicy policy = AttemptPolicy.PRACTICE;
    int drawLine = 1;
    if (text.startsWith("---")) {
      FrontMatter front = FrontMatter.parse(file, text, problems);
      front.rejectUnknownKeys(KEYS);
      draw = front.optionalInt("draw", 1, 1000, 0);
      drawLine = front.lineOf("draw");
      String counts = front.optionalText("counts", 10).orElse("best");
      if (!counts.equals("best") && !counts.equals("last")) {
        problems.add(
            new ContentProblem(
                file,
                front.lineOf("counts"),
                "`counts` phải là `best` (lượt tốt nhất) hoặc `last` (lượt cuối cùng)"));
      }
      policy =
          new AttemptPolicy(
              front.optionalInt("attempts_per_day", 1, 1000, 0),
              front.optionalInt("minutes_between_attempts", 0, 10_080, 0),
              front.optionalInt("open_hours", 1, 720, 24),
              !counts.equals("last"));
      body = front.body();
    }
    Document document = markdown.check(body, scope, false, problems);

    List<Node> intro = new ArrayList<>();
    List<Draft> drafts = new ArrayList<>();
    Draft current = null;
    for (Node node : document.getChildren()) {
      if (node instanceof Heading heading && heading.getLevel() == 2) {
        current = new Draft(heading);
        drafts.add(current);
      } else if (current == null) {
        intro.add(node);
      } else {
        read(current, node, file, problems);
      }
    }

    List<Question> questions = new ArrayList<>();
    Map<String, Integer> questionLines = new HashMap<>();
    for (Draft draft : drafts) {
      Question question = build(draft, file, problems);
      Integer sameText = questionLines.putIfAbsent(question.id(), draft.line);
      if (sameText != null) {
        problems.add(
            new ContentProblem(file, draft.line, "câu hỏi này trùng với câu ở dòng " + sameText));
      }
      questions.add(question);
    }
    checkLessons(drafts, scope, problems, warnings);
    checkLongestRight(drafts, questions, file, warnings);
    if (questions.isEmpty()) {
      problems.add(
          new ContentProblem(
              file, 1, "bài kiểm tra chưa có câu hỏi nào (mỗi câu là một tiêu đề ##)"));
    }
    if (draw == 0) {
      draw = questions.size();
    } else if (draw > questions.size()) {
      problems.add(
          new ContentProblem(
              file,
              drawLine,
              "`draw: " + draw + "` lớn hơn số câu hỏi trong tệp (" + questions.size() + ")"));
    }
    return new Quiz(draw, policy, markdown.html(intro), List.copyOf(questions));
  }

  private static void read(Draft draft, Node node, Path file, List<ContentProblem> problems) {
    int line = node.getStartLineNumber() + 1;
    if (draft.options == null
        && draft.body.isEmpty()
        && node instanceof Paragraph paragraph
        && isKeyParagraph(paragraph)) {
      readKeys(draft, paragraph, file, problems);
      return;
    }
    if (draft.options == null && (node instanceof BulletList || node instanceof OrderedList)) {
      draft.options = node;
      return;
    }
    if (draft.options != null && draft.explanation == null && node instanceof BlockQuote quote) {
      draft.explanation = quote;
      return;
    }
    if (draft.options == null) {
      draft.body.add(node);
      return;
    }
    problems.add(
        new ContentProblem(
            file,
            line,
            draft.explanation == null
                ? "sau các lựa chọn chỉ được có lời giải thích (một đoạn bắt đầu bằng >)"
                : "nội dung thừa sau lời giải thích; câu hỏi tiếp theo phải bắt đầu bằng ##"));
  }

  /** A paragraph whose every line is a key line ({@code Bài học: …}, {@code Loại: …}). */
  private static boolean isKeyParagraph(Paragraph paragraph) {
    return paragraph
        .getChars()
        .toString()
        .strip()
        .lines()
        .allMatch(line -> KEY_LINE.matcher(line).matches());
  }

  private static void readKeys(
      Draft draft, Paragraph paragraph, Path file, List<ContentProblem> problems) {
    int line = paragraph.getStartLineNumber() + 1;
    for (String keyLine : paragraph.getChars().toString().strip().lines().toList()) {
      Matcher key = KEY_LINE.matcher(keyLine);
      key.matches();
      String value = key.group(2);
      if (key.group(1).equals(LESSON_KEY)) {
        if (draft.lessonId != null) {
          problems.add(new ContentProblem(file, line, "câu hỏi ghi `Bài học:` hai lần"));
        } else if (value.isEmpty()) {
          problems.add(
              new ContentProblem(
                  file, line, "`Bài học:` để trống; ghi mã bài học mà câu hỏi kiểm tra"));
        } else {
          draft.lessonId = value;
          draft.lessonLine = line;
        }
      } else {
        readType(draft, value, line, file, problems);
      }
      line++;
    }
  }

  private static void readType(
      Draft draft, String value, int line, Path file, List<ContentProblem> problems) {
    if (draft.typeGiven) {
      problems.add(new ContentProblem(file, line, "câu hỏi ghi `Loại:` hai lần"));
      return;
    }
    String label = value.toLowerCase(Locale.ROOT).replace('/', ' ').replaceAll("\\s+", " ").strip();
    draft.typeGiven = true;
    for (QuestionType type : QuestionType.values()) {
      if (type.label().equals(label)) {
        draft.type = type;
        return;
      }
    }
    problems.add(
        new ContentProblem(
            file,
            line,
            "loại câu hỏi lạ `"
                + label
                + "`; dùng: một đáp án, nhiều đáp án, đúng sai, sắp xếp, chọn hình"));
  }

  /**
   * Each question's {@code Bài học:} names a lesson of the module. A missing one is a warning (a
   * wrong answer then leads nowhere); an unknown one a problem. Old versions re-read to score old
   * attempts come without the module's lessons and are not checked.
   */
  private static void checkLessons(
      List<Draft> drafts,
      MarkdownRenderer.Scope scope,
      List<ContentProblem> problems,
      List<ContentProblem> warnings) {
    Collection<String> lessons = scope.lessonIdsByFolder().values();
    if (lessons.isEmpty()) {
      return;
    }
    for (Draft draft : drafts) {
      if (draft.lessonId == null) {
        warnings.add(
            new ContentProblem(
                scope.file(),
                draft.line,
                "câu hỏi chưa ghi `Bài học:` (bài học mà câu hỏi kiểm tra); khi trả lời sai,"
                    + " người học không được dẫn về bài để đọc lại"));
      } else if (!lessons.contains(draft.lessonId)) {
        problems.add(
            new ContentProblem(
                scope.file(),
                draft.lessonLine,
                "`Bài học: "
                    + draft.lessonId
                    + "` không có trong học phần; các bài học: "
                    + String.join(", ", lessons)));
      }
    }
  }

  /**
   * Warns when, in more than half of the single-answer questions, the right option is the longest
   * one: a reader who guesses "the longest" then passes without reading.
   */
  private static void checkLongestRight(
      List<Draft> drafts, List<Question> questions, Path file, List<ContentProblem> warnings) {
    int single = 0;
    List<Integer> lines = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      Question question = questions.get(i);
      if (question.type() != QuestionType.SINGLE || question.options().size() < 2) {
        continue;
      }
      single++;
      int right =
          question.options().stream()
              .filter(Option::correct)
              .mapToInt(o -> o.text().length())
              .max()
              .orElse(0);
      int longestWrong =
          question.options().stream()
              .filter(o -> !o.correct())
              .mapToInt(o -> o.text().length())
              .max()
              .orElse(0);
      if (right > longestWrong) {
        lines.add(drafts.get(i).line);
      }
    }
    if (single > 0 && lines.size() > single * LONGEST_RIGHT_SHARE) {
      warnings.add(
          new ContentProblem(
              file,
              lines.get(0),
              "đáp án đúng là lựa chọn dài nhất ở "
                  + lines.size()
                  + " trên "
                  + single
                  + " câu một đáp án (dòng "
                  + lines.stream().map(String::valueOf).collect(Collectors.joining(", "))
                  + "): người học đoán được mà không cần đọc; hãy viết lựa chọn sai dài ngang"
                  + " lựa chọn đúng"));
    }
  }

  private Question build(Draft draft, Path file, List<ContentProblem> problems) {
    String text = new TextCollectingVisitor().collectAndGetText(draft.heading).strip();
    String questionId = id(text, 10);
    String bodyHtml = markdown.html(draft.body);
    List<Option> options = new ArrayList<>();
    int correct = 0;
    if (draft.options == null) {
      problems.add(new ContentProblem(file, draft.line, "câu hỏi chưa có lựa chọn nào"));
    } else {
      boolean ordered = draft.options instanceof OrderedList;
      if (draft.type == QuestionType.ORDERING && !ordered) {
        problems.add(
            new ContentProblem(
                file,
                draft.line,
                "câu sắp xếp ghi các bước bằng danh sách đánh số 1. 2. 3. theo thứ tự đúng"));
      } else if (draft.type != QuestionType.ORDERING && ordered) {
        problems.add(
            new ContentProblem(
                file,
                draft.line,
                "lựa chọn phải viết `- [ ]` (sai) hoặc `- [x]` (đúng); danh sách đánh số chỉ dùng"
                    + " cho câu `Loại: sắp xếp`"));
      }
      Map<String, Integer> seen = new HashMap<>();
      List<Node> items = new ArrayList<>();
      draft.options.getChildren().forEach(items::add);
      for (Node child : items) {
        if (!(child instanceof ListItem item)) {
          continue;
        }
        int line = item.getStartLineNumber() + 1;
        boolean isCorrect;
        if (draft.type == QuestionType.ORDERING) {
          isCorrect = true;
        } else if (item instanceof TaskListItem task) {
          isCorrect = task.isItemDoneMarker();
        } else {
          if (!ordered) {
            problems.add(
                new ContentProblem(
                    file, line, "lựa chọn phải viết `- [ ]` (sai) hoặc `- [x]` (đúng)"));
          }
          isCorrect = false;
        }
        String optionText = optionText(item);
        if (optionText.isEmpty()) {
          problems.add(new ContentProblem(file, line, "lựa chọn để trống"));
        }
        Integer duplicate = seen.putIfAbsent(optionText, line);
        if (duplicate != null) {
          problems.add(
              new ContentProblem(
                  file,
                  line,
                  "lựa chọn `" + optionText + "` lặp lại lựa chọn ở dòng " + duplicate));
        }
        if (draft.type == QuestionType.IMAGE && !isSingleImage(item)) {
          problems.add(
              new ContentProblem(
                  file,
                  line,
                  "mỗi lựa chọn của câu chọn hình là một hình: - [ ] ![mô tả hình](ten-tep.svg)"));
        }
        correct += isCorrect ? 1 : 0;
        options.add(
            new Option(
                id(questionId + "\n" + optionText, 8), optionText, itemHtml(item), isCorrect));
      }
      checkOptions(draft, options, correct, file, problems);
    }
    if (draft.explanation == null) {
      problems.add(
          new ContentProblem(
              file,
              draft.line,
              "câu hỏi thiếu lời giải thích: thêm một đoạn bắt đầu bằng > sau các lựa chọn"));
    }
    String explanationHtml = draft.explanation == null ? "" : childrenHtml(draft.explanation);
    return new Question(
        questionId,
        draft.type,
        text,
        bodyHtml,
        List.copyOf(options),
        explanationHtml,
        draft.lessonId);
  }

  private static void checkOptions(
      Draft draft, List<Option> options, int correct, Path file, List<ContentProblem> problems) {
    if (options.isEmpty()) {
      return;
    }
    switch (draft.type) {
      case ORDERING -> {
        if (options.size() < 3) {
          problems.add(
              new ContentProblem(
                  file,
                  draft.line,
                  "câu sắp xếp cần ít nhất 3 bước, câu này có " + options.size()));
        }
      }
      case TRUE_FALSE -> {
        List<String> texts = options.stream().map(Option::text).sorted().toList();
        if (!texts.equals(List.of("Sai", "Đúng"))) {
          problems.add(
              new ContentProblem(
                  file, draft.line, "câu đúng sai có đúng hai lựa chọn: `Đúng` và `Sai`"));
        } else if (correct != 1) {
          problems.add(
              new ContentProblem(
                  file, draft.line, "câu đúng sai phải đánh dấu `[x]` đúng một lựa chọn"));
        }
      }
      default -> {
        if (options.size() < 2) {
          problems.add(new ContentProblem(file, draft.line, "câu hỏi cần ít nhất 2 lựa chọn"));
        }
        if (correct == 0) {
          problems.add(
              new ContentProblem(
                  file,
                  draft.line,
                  "câu hỏi không có đáp án đúng: đánh dấu `- [x]` cho đáp án đúng"));
        } else if (correct > 1 && draft.type != QuestionType.MULTIPLE) {
          problems.add(
              new ContentProblem(
                  file,
                  draft.line,
                  "câu một đáp án nhưng có "
                      + correct
                      + " đáp án đúng; nếu đúng là nhiều đáp án, thêm dòng `Loại: nhiều đáp án`"));
        }
      }
    }
  }

  private static boolean isSingleImage(ListItem item) {
    Node first = item.getFirstChild();
    if (!(first instanceof Paragraph paragraph) || first.getNext() != null) {
      return false;
    }
    Node child = paragraph.getFirstChild();
    while (child != null && child.getChars().isBlank()) {
      child = child.getNext();
    }
    if (!(child instanceof Image)) {
      return false;
    }
    Node rest = child.getNext();
    while (rest != null) {
      if (!rest.getChars().isBlank()) {
        return false;
      }
      rest = rest.getNext();
    }
    return true;
  }

  /** The option as written, without its list marker and checkbox. */
  private static String optionText(ListItem item) {
    StringBuilder text = new StringBuilder();
    for (Node child : item.getChildren()) {
      text.append(child.getChars().toString());
    }
    return text.toString().strip().replaceAll("\\s+", " ");
  }

  private String itemHtml(ListItem item) {
    return unwrapParagraph(childrenHtml(item));
  }

  private String childrenHtml(Node parent) {
    List<Node> children = new ArrayList<>();
    parent.getChildren().forEach(children::add);
    return markdown.html(children).strip();
  }

  /** One paragraph as inline HTML: an option is a line of text, not a paragraph. */
  private static String unwrapParagraph(String html) {
    if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
      return html.substring(3, html.length() - 4);
    }
    return html;
  }

  private static String id(String text, int length) {
    return Digests.sha256Hex(text).substring(0, length);
  }
}
