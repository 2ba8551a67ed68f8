package vn.hocso.content.entity;

import java.util.List;

/**
 * A set of modules whose completion certifies a target criterion (Chương trình), e.g. "Kỹ năng số
 * cơ bản". Its modules are those that name the program in their {@code criteria}; a household
 * program (Gia đình số) may also require practical skills, attested by trainers ({@code skills}).
 */
public record Program(
    String id,
    String title,
    String summary,
    int weight,
    String descriptionHtml,
    List<String> moduleIds,
    List<String> skillIds) {}
