package vn.hocso.learner.entity;

/**
 * One kind of action a role may take. A role grants exactly the permissions {@link Role} lists:
 * checks ask for a permission, never for "any role but learner", so a new role gets nothing it was
 * not given.
 */
public enum Permission {
  /** Learn, take quizzes, see one's own progress and certificates. */
  LEARN,
  /** Give a one-time password reset code to a learner of one's own ward (admins: any ward). */
  RESET_PASSWORDS,
  /** See the certificates of the residents of one's own ward (admins: all). */
  SEE_RESIDENT_CERTIFICATES,
  /** Register residents, take quizzes with them and attest their practical skills. */
  ASSIST_RESIDENTS,
  /** A ward's households, targets, figures, teams and reports. */
  MANAGE_WARD,
  /** Give roles, import wards, reconcile counters, see every ward. */
  ADMINISTER,
  /** Preview lesson and quiz texts as residents will see them, with their check results. */
  PREVIEW_CONTENT,
  /** Download the whole published curriculum as a folder of files. */
  EXPORT_CONTENT,
  /** Write drafts of lessons, quizzes and modules, submit them for review, read their history. */
  WRITE_DRAFTS,
  /** Read every draft, return it with a comment or publish it; retire and restore modules. */
  PUBLISH_CONTENT
}
