/**
 * The curriculum: reads Markdown modules, lessons and programs from the content folder, checks
 * them, renders them to safe HTML, versions them and serves them; owns the module version records.
 */
package vn.hocso.content;
