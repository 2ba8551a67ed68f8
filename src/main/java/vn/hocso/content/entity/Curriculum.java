package vn.hocso.content.entity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the site serves at one moment: the modules, programs and practical skills in display
 * order, and the problems found in the content folder (for the modules those concern, an older good
 * version may be what is served).
 *
 * @param generation increases with every change, so caches built on an older one can be dropped
 */
public record Curriculum(
    long generation,
    Instant loadedAt,
    List<Module> modules,
    List<Program> programs,
    List<Skill> skills,
    List<String> problems) {

  public static final Curriculum EMPTY =
      new Curriculum(0, Instant.EPOCH, List.of(), List.of(), List.of(), List.of());

  public Optional<Module> module(String id) {
    return modules.stream().filter(module -> module.id().equals(id)).findFirst();
  }

  public Optional<Program> program(String id) {
    return programs.stream().filter(program -> program.id().equals(id)).findFirst();
  }

  public Optional<Skill> skill(String id) {
    return skills.stream().filter(skill -> skill.id().equals(id)).findFirst();
  }
}
