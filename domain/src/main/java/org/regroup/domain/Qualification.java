package org.regroup.domain;

/**
 * What content an adult may lead: a subject ("math") or a strand ("math/NF"), for a range of grade levels.
 */
public record Qualification(String strand, Integer minGrade, Integer maxGrade) {

    public boolean covers(Skill skill) {
        boolean strandMatches = skill.strand().equals(strand) || skill.strand().startsWith(strand + "/");
        int grade = skill.grade();
        return strandMatches && (minGrade == null || grade >= minGrade) && (maxGrade == null || grade <= maxGrade);
    }
}
