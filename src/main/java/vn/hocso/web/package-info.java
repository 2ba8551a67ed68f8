/**
 * The shared page layout: templates, static assets, cached page responses, security headers and
 * error pages.
 */
package vn.hocso.web;
