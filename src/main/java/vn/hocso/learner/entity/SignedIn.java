package vn.hocso.learner.entity;

/**
 * Someone just signed in (or registered, which signs in), in this browser: the account, and the key
 * of the browser's guest cookie if it has one. Fired synchronously in the transaction that starts
 * the session; the quiz feature observes it to give the account the attempts made here as a guest,
 * so a failure there starts no session either.
 */
public record SignedIn(long accountId, String guestKey) {}
