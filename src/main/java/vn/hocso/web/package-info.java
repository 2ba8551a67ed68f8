/**
 * The HTTP edge every page shares: the layout and templates, static assets, cached page responses,
 * security headers, error pages and JSON errors, the answer during a database outage, form and
 * download helpers, and the annotation marking pages that need a signed-in person.
 */
package vn.hocso.web;
