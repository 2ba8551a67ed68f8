/**
 * Who is calling and what they may do: server secrets, password hashing, sessions (kept in the
 * database), CSRF tokens and rate limits; owns the session and rate-limit records.
 */
package vn.hocso.security;
