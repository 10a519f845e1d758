package org.regroup.domain;

/**
 * A goal the student set: a skill, or a whole strand (e.g. "math/NF"), with a priority (1 = most important).
 */
public record Goal(String skill, String strand, Integer priority) {

    public int priorityOrDefault() {
        return priority == null ? 2 : priority;
    }

    public boolean matches(Skill s) {
        if (skill != null) {
            return skill.equals(s.id());
        }
        return strand != null && (s.strand().equals(strand) || s.strand().startsWith(strand + "/"));
    }
}
