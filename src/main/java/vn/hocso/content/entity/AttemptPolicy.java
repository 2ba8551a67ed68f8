package vn.hocso.content.entity;

/**
 * How a module's quiz may be attempted.
 *
 * @param attemptsPerDay most attempts one person may start per day, or 0 for no limit
 * @param minutesBetween minutes a person waits between starting two attempts
 * @param openHours how long a started attempt can be submitted; after that it expires unscored
 * @param countsBest whether the best attempt counts (otherwise the last submitted one)
 */
public record AttemptPolicy(
    int attemptsPerDay, int minutesBetween, int openHours, boolean countsBest) {

  public static final AttemptPolicy PRACTICE = new AttemptPolicy(0, 0, 24, true);
}
