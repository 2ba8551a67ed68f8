package vn.hocso.ward.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ward as a learner chooses it, or as an account shows it: its id, address key and name. */
@Schema(description = "A ward")
public record WardChoice(
    long id,
    @Schema(description = "Its address key: the official code, or tam-{id} before import")
        String key,
    String name) {

  public static WardChoice of(Ward ward) {
    return new WardChoice(ward.id(), ward.key(), ward.displayName());
  }
}
