/** Wards (phường, xã, đặc khu): the administrative units learners belong to; owns the ward list. */
package vn.hocso.ward;
