/**
 * Authoring the curriculum: trainers and content editors preview a lesson or quiz text exactly as
 * residents will see it, with the same checks as {@code check-content}, and editors download the
 * published curriculum as a folder of files.
 */
package vn.hocso.authoring;
