package org.regroup.domain;

/**
 * A node of the skill graph.
 *
 * @param strand "subject/domain", e.g. "math/NF"; qualifications match on the subject or the whole strand
 * @param grade  grade level, kindergarten = 0
 */
public record Skill(String id, String name, String strand, Integer grade) {

    public String subject() {
        int slash = strand.indexOf('/');
        return slash < 0 ? strand : strand.substring(0, slash);
    }
}
