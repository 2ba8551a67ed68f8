/** What every feature stands on: the database schema migrations and the readiness of the app. */
package vn.hocso.platform;
