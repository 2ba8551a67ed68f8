/**
 * The campaign's progress in each ward: households and residential groups, targets and their
 * denominators, the counters dashboards read and their reconciliation with the records, the ward
 * and province dashboards, and the completion reports (CSV, XLSX, printable summary); owns
 * households, groups, targets, counters and the report log.
 */
package vn.hocso.progress;
