package vn.hocso.content.entity;

import java.nio.file.Path;

/**
 * One thing wrong with a content file, reported as {@code path:line: message} so that an editor can
 * jump to it. Messages are Vietnamese: they are read by the trainers who write the content.
 */
public record ContentProblem(Path file, int line, String message) {

  /** Formats the problem with the file shown relative to {@code base} when it lies under it. */
  public String format(Path base) {
    Path shown = file;
    if (base != null) {
      Path absoluteBase = base.toAbsolutePath().normalize();
      Path absoluteFile = file.toAbsolutePath().normalize();
      if (absoluteFile.startsWith(absoluteBase) && !absoluteFile.equals(absoluteBase)) {
        shown = absoluteBase.relativize(absoluteFile);
      }
    }
    return shown.toString().replace('\\', '/') + ":" + line + ": " + message;
  }
}
