package vn.hocso.progress.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.entity.Program;

/**
 * Which content counts toward which campaign target: the program adults complete for basic digital
 * skills, the module that shows a household member can file online, the program a household
 * completes together to be "Gia đình số". Settable, because a province may name its programs
 * differently.
 */
@ApplicationScoped
public class TargetDefinitions {

  @Inject
  @ConfigProperty(name = "targets.basic-program", defaultValue = "ky-nang-so-co-ban")
  String basicProgram;

  @Inject
  @ConfigProperty(name = "targets.online-module", defaultValue = "dich-vu-cong")
  String onlineModule;

  @Inject
  @ConfigProperty(name = "targets.family-program", defaultValue = "gia-dinh-so")
  String familyProgram;

  @Inject ContentCatalog catalog;

  public String basicProgram() {
    return basicProgram;
  }

  public String onlineModule() {
    return onlineModule;
  }

  public String familyProgram() {
    return familyProgram;
  }

  /** The modules a household's members together complete to be "Gia đình số". */
  public List<String> familyModules() {
    return catalog.current().program(familyProgram).map(Program::moduleIds).orElse(List.of());
  }

  /** The practical skills a household's members together hold to be "Gia đình số". */
  public List<String> familySkills() {
    return catalog.current().program(familyProgram).map(Program::skillIds).orElse(List.of());
  }
}
