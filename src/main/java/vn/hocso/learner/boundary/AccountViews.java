package vn.hocso.learner.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.ward.control.Wards;
import vn.hocso.ward.entity.WardChoice;

/** The JSON shapes of the account API. */
public final class AccountViews {

  private AccountViews() {}

  @Schema(description = "What a resident fills in to register")
  public record RegistrationRequest(
      String displayName,
      Integer birthYear,
      Long wardId,
      @Schema(description = "A mobile phone number (10 digits) or a CCCD (12 digits)")
          String signInName,
      String password,
      @Schema(description = "Optional; stored encrypted") String contactPhone,
      @Schema(
              description =
                  "Must be true: consent to the data policy, version " + Accounts.CONSENT_VERSION)
          Boolean consent) {}

  @Schema(description = "Sign-in")
  public record SignInRequest(String signInName, String password) {}

  @Schema(description = "The signed-in account")
  public record Me(
      long id,
      String displayName,
      Integer birthYear,
      WardChoice ward,
      @Schema(description = "The role whose main page the account lands on") String role,
      @Schema(description = "Every role the account holds, learner included") List<String> roles,
      @Schema(description = "The sign-in phone or CCCD as shown: its last 3 digits")
          String signIn) {

    /** An account as it sees itself, with its ward from the ward list. */
    static Me of(Account account, Wards wards) {
      return new Me(
          account.id(),
          account.displayName(),
          account.birthYear(),
          account.wardId() == null
              ? null
              : wards.find(account.wardId()).map(WardChoice::of).orElse(null),
          account.mainRole().code(),
          account.roles().stream().map(Role::code).toList(),
          "•••" + account.signInLast3());
    }
  }
}
