/**
 * People with an account and their sessions: registration with recorded consent, sign-in names and
 * keys stored as keyed hashes, roles and each role's menu, password resets done in person, sessions
 * kept in the database with their cookie, and the filter that sends a visitor who must sign in to
 * the sign-in page; owns accounts, consents and sessions.
 */
package vn.hocso.learner;
