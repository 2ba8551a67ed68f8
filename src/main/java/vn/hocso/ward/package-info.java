/**
 * The ward register: the wards (phường, xã, đặc khu) learners belong to and their import from the
 * official list; owns the ward records.
 */
package vn.hocso.ward;
