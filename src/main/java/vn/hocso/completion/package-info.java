/**
 * Completion records issued when a learner passes, programs completed, certificates (page and PDF
 * with a QR code) and their public verification; owns the completion records.
 */
package vn.hocso.completion;
