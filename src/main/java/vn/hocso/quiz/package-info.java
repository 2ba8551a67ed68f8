/**
 * Quizzes taken by residents: attempts drawn from a module's question pool, scored on the server
 * exactly once against the content version they were started on; owns the attempt records.
 */
package vn.hocso.quiz;
