/**
 * What every feature stands on and which uses no other feature: the schema migrations and the
 * database's readiness, the group commit, the application's refusal exception, the Vietnam time
 * zone and date parsing, report cells, Vietnamese sorting, SQL helpers and the installation's
 * public address and issuer name.
 */
package vn.hocso.platform;
