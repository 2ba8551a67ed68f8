/**
 * Protections that do not depend on who a person is: server secrets and the keys derived from them,
 * password hashing, CSRF tokens and their check, and rate limits; owns the rate-limit records.
 */
package vn.hocso.security;
