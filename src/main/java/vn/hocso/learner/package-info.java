/**
 * People with an account: registration with recorded consent, sign-in keys stored as keyed hashes,
 * roles, and password resets done in person; owns accounts and consents.
 */
package vn.hocso.learner;
