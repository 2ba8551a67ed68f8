package vn.hocso.content.entity;

/**
 * An image shipped beside a lesson or a quiz, held in memory with the module version it belongs to
 * so that a page and its images always come from the same version.
 *
 * @param path the file's path inside the module folder, with forward slashes
 */
public record Media(String path, String contentType, byte[] bytes) {}
