package vn.hocso.content.control;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import vn.hocso.content.entity.ContentProblem;

/**
 * The YAML block between two {@code ---} lines at the top of a content file, with each value's line
 * number so that problems point at the line to fix. Reading a value that is missing or of the wrong
 * type adds a problem and returns a harmless default, so that one pass reports every problem.
 */
final class FrontMatter {

  private record Entry(Node value, int line) {}

  private final Path file;
  private final List<ContentProblem> problems;
  private final Map<String, Entry> entries;
  private final int openingLine;

  /** False when the YAML could not be read: missing keys are then not worth reporting. */
  private boolean readable = true;

  /** The file's text with the front matter lines blanked, so body line numbers stay the same. */
  private final String body;

  private FrontMatter(
      Path file,
      List<ContentProblem> problems,
      Map<String, Entry> entries,
      int openingLine,
      String body) {
    this.file = file;
    this.problems = problems;
    this.entries = entries;
    this.openingLine = openingLine;
    this.body = body;
  }

  static FrontMatter parse(Path file, String text, List<ContentProblem> problems) {
    String[] lines = text.split("\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      problems.add(
          new ContentProblem(
              file, 1, "thiếu phần đầu tệp (front matter): tệp phải bắt đầu bằng một dòng ---"));
      return unreadable(file, problems, text);
    }
    int closing = -1;
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].strip().equals("---")) {
        closing = i;
        break;
      }
    }
    if (closing < 0) {
      problems.add(
          new ContentProblem(file, 1, "phần đầu tệp (front matter) không có dòng --- đóng lại"));
      return unreadable(file, problems, "");
    }
    StringBuilder yaml = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i > 0 && i < closing) {
        yaml.append(lines[i]).append('\n');
      }
      if (i > closing) {
        body.append(lines[i]);
      }
      if (i < lines.length - 1) {
        body.append('\n');
      }
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    // The YAML starts on the file's second line.
    int lineOffset = 2;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(10);
      Node root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml.toString()));
      if (root == null) {
        // An empty block: every required key is reported missing below.
      } else if (root instanceof MappingNode mapping) {
        for (NodeTuple tuple : mapping.getValue()) {
          int line = tuple.getKeyNode().getStartMark().getLine() + lineOffset;
          if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
            problems.add(new ContentProblem(file, line, "khóa phải là một chữ"));
            continue;
          }
          if (entries.containsKey(key.getValue())) {
            problems.add(
                new ContentProblem(file, line, "khóa `" + key.getValue() + "` bị lặp lại"));
            continue;
          }
          entries.put(key.getValue(), new Entry(tuple.getValueNode(), line));
        }
      } else {
        problems.add(
            new ContentProblem(
                file,
                root.getStartMark().getLine() + lineOffset,
                "phần đầu tệp phải là các dòng `khóa: giá trị`"));
      }
    } catch (MarkedYAMLException e) {
      int line =
          e.getProblemMark() != null ? e.getProblemMark().getLine() + lineOffset : lineOffset;
      problems.add(
          new ContentProblem(file, line, "YAML sai cú pháp ở phần đầu tệp: " + e.getProblem()));
      return unreadable(file, problems, body.toString());
    } catch (YAMLException e) {
      problems.add(
          new ContentProblem(file, 1, "YAML sai cú pháp ở phần đầu tệp: " + e.getMessage()));
      return unreadable(file, problems, body.toString());
    }
    return new FrontMatter(file, problems, entries, 1, body.toString());
  }

  private static FrontMatter unreadable(Path file, List<ContentProblem> problems, String body) {
    FrontMatter front = new FrontMatter(file, problems, Map.of(), 1, body);
    front.readable = false;
    return front;
  }

  String body() {
    return body;
  }

  /** Reports every key that is not in {@code known}. */
  void rejectUnknownKeys(Set<String> known) {
    entries.forEach(
        (key, entry) -> {
          if (!known.contains(key)) {
            problems.add(
                new ContentProblem(
                    file,
                    entry.line(),
                    "khóa lạ `"
                        + key
                        + "`; các khóa dùng được: "
                        + String.join(", ", sorted(known))));
          }
        });
  }

  private static List<String> sorted(Set<String> keys) {
    List<String> list = new ArrayList<>(keys);
    list.sort(null);
    return list;
  }

  int lineOf(String key) {
    Entry entry = entries.get(key);
    return entry == null ? openingLine : entry.line();
  }

  Optional<String> optionalText(String key, int maxLength) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!(entry.value() instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
      problems.add(new ContentProblem(file, entry.line(), "`" + key + "` phải là một đoạn chữ"));
      return Optional.empty();
    }
    String value = scalar.getValue().strip();
    if (value.length() > maxLength) {
      problems.add(
          new ContentProblem(
              file,
              entry.line(),
              "`" + key + "` dài " + value.length() + " ký tự; tối đa " + maxLength));
    }
    return Optional.of(value);
  }

  String requiredText(String key, int maxLength) {
    if (!entries.containsKey(key)) {
      missing(key);
      return "";
    }
    return optionalText(key, maxLength).orElse("");
  }

  /** The value of an optional whole-number key, or {@code fallback} when the key is absent. */
  int optionalInt(String key, int min, int max, int fallback) {
    return entries.containsKey(key) ? requiredInt(key, min, max) : fallback;
  }

  int requiredInt(String key, int min, int max) {
    Entry entry = entries.get(key);
    if (entry == null) {
      missing(key);
      return min;
    }
    if (entry.value() instanceof ScalarNode scalar) {
      try {
        int value = Integer.parseInt(scalar.getValue().strip());
        if (value < min || value > max) {
          problems.add(
              new ContentProblem(
                  file,
                  entry.line(),
                  "`" + key + "` phải từ " + min + " đến " + max + ", không phải " + value));
        }
        return value;
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    problems.add(
        new ContentProblem(
            file,
            entry.line(),
            "`" + key + "` phải là một số nguyên, không phải `" + describe(entry.value()) + "`"));
    return min;
  }

  /** The value of an optional true/false key, or {@code fallback} when the key is absent. */
  boolean optionalBoolean(String key, boolean fallback) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return fallback;
    }
    if (entry.value() instanceof ScalarNode scalar) {
      String value = scalar.getValue().strip();
      if (value.equals("true") || value.equals("false")) {
        return Boolean.parseBoolean(value);
      }
    }
    problems.add(
        new ContentProblem(
            file,
            entry.line(),
            "`" + key + "` phải là true hoặc false, không phải `" + describe(entry.value()) + "`"));
    return fallback;
  }

  /** An optional list: empty when the key is absent. */
  List<String> optionalList(String key) {
    return entries.containsKey(key) ? requiredList(key) : List.of();
  }

  List<String> requiredList(String key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      missing(key);
      return List.of();
    }
    if (entry.value() instanceof SequenceNode sequence) {
      List<String> values = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
          values.add(scalar.getValue().strip());
        } else {
          problems.add(
              new ContentProblem(
                  file, entry.line(), "mỗi mục của `" + key + "` phải là một mã, ví dụ [ma-1]"));
        }
      }
      return List.copyOf(values);
    }
    problems.add(
        new ContentProblem(
            file,
            entry.line(),
            "`" + key + "` phải là một danh sách, ví dụ [ma-1, ma-2] hoặc [] nếu không có"));
    return List.of();
  }

  private void missing(String key) {
    if (!readable) {
      return;
    }
    problems.add(new ContentProblem(file, openingLine, "thiếu khóa bắt buộc `" + key + "`"));
  }

  private static String describe(Node node) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    return node instanceof SequenceNode ? "danh sách" : "bảng";
  }
}
