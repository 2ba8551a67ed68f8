package vn.hocso.content.entity;

import java.util.List;

/**
 * A practical skill (Kỹ năng thực hành) a trainer sees a resident do in person and attests, e.g.
 * "Đã kích hoạt VNeID mức 2". Defined in content/skills/{id}.md.
 *
 * @param referenceLabel the label of an optional reference the trainer may record (e.g. "Mã hồ
 *     sơ"), or null when the skill takes none
 * @param withdrawn a skill no longer attested (kept so that past attestations keep their meaning)
 * @param checklist what the trainer confirms they saw, every item required
 * @param html the guidance for the trainer, without the checklist
 */
public record Skill(
    String id,
    String title,
    String summary,
    int weight,
    String referenceLabel,
    boolean withdrawn,
    List<String> checklist,
    String html) {}
