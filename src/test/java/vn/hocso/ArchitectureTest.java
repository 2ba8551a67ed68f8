package vn.hocso;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house reads one way (src/docs/architecture.md): features stand in an order and a feature uses
 * only features below it; inside a feature, entities use nothing of control or boundary and control
 * nothing of boundary; a feature's boundary never uses another feature's boundary. No rule is
 * frozen and nothing is ignored: a change that breaks one fails the build.
 */
class ArchitectureTest {

  /** The features, bottom to top, as src/docs/architecture.md draws them. */
  static final List<String> ORDER =
      List.of(
          "platform",
          "web",
          "content",
          "security",
          "ward",
          "learner",
          "completion",
          "quiz",
          "progress",
          "community",
          "authoring");

  static JavaClasses classes;

  @BeforeAll
  static void importTheApp() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.hocso");
  }

  /**
   * The diagram of src/docs/architecture.md draws this order: each feature points to the next
   * below.
   */
  @Test
  void theDiagramDrawsTheDeclaredOrder() throws IOException {
    String page = Files.readString(Path.of("src/docs/architecture.md"));
    Matcher block = Pattern.compile("```mermaid\\n(.*?)```", Pattern.DOTALL).matcher(page);
    if (!block.find()) {
      throw new AssertionError("src/docs/architecture.md has no mermaid diagram");
    }
    List<String> drawn = new ArrayList<>();
    Matcher edge = Pattern.compile("(?m)^\\s*(\\w+)\\s*-->\\s*(\\w+)\\s*$").matcher(block.group(1));
    while (edge.find()) {
      drawn.add(edge.group(2) + " <- " + edge.group(1));
    }
    List<String> declared = new ArrayList<>();
    for (int i = 1; i < ORDER.size(); i++) {
      declared.add(ORDER.get(i - 1) + " <- " + ORDER.get(i));
    }
    assertEquals(declared, drawn, "the diagram's arrows, bottom to top");
  }

  @Test
  void featuresFormNoCycle() {
    slices().matching("vn.hocso.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void everyPackageBelongsToAFeatureOfTheOrder() {
    noClasses()
        .should()
        .resideOutsideOfPackages(
            ORDER.stream().map(feature -> "vn.hocso." + feature + "..").toArray(String[]::new))
        .because("a new feature takes its place in the order first")
        .check(classes);
  }

  @Test
  void aFeatureUsesOnlyFeaturesBelowIt() {
    for (int below = 0; below < ORDER.size(); below++) {
      String[] above =
          ORDER.subList(below + 1, ORDER.size()).stream()
              .map(feature -> "vn.hocso." + feature + "..")
              .toArray(String[]::new);
      if (above.length == 0) {
        continue;
      }
      noClasses()
          .that()
          .resideInAPackage("vn.hocso." + ORDER.get(below) + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(above)
          .because(ORDER.get(below) + " stands below them (src/docs/architecture.md)")
          .check(classes);
    }
  }

  @Test
  void entitiesUseNeitherControlNorBoundary() {
    noClasses()
        .that()
        .resideInAPackage("..entity..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..control..", "..boundary..")
        .check(classes);
  }

  @Test
  void controlNeverUsesBoundary() {
    noClasses()
        .that()
        .resideInAPackage("..control..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..boundary..")
        .check(classes);
  }

  @Test
  void aBoundaryNeverUsesAnotherFeaturesBoundary() {
    for (String feature : ORDER) {
      String[] otherBoundaries =
          ORDER.stream()
              .filter(other -> !other.equals(feature))
              .map(other -> "vn.hocso." + other + ".boundary..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage("vn.hocso." + feature + ".boundary..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(otherBoundaries)
          .because("features talk through each other's control classes")
          .check(classes);
    }
  }
}
