package org.regroup.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An adult.
 *
 * @param modalities        ids of modalities this adult may lead (role defaults when absent)
 * @param availableBlocks   blocks they work today (all when absent; [] = away all day)
 * @param maxTeachingBlocks most blocks they lead or supervise a group today (no limit when absent)
 * @param maxStudents       most students they take at once (no limit beyond the modality's when absent)
 * @param advisees          student ids they advise (students may name their advisor instead)
 * @param costPerDay        for staffing what-ifs
 */
public record Staff(String id, String name, StaffRole role, List<Qualification> qualifications,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> modalities,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> availableBlocks, Integer maxTeachingBlocks, Integer maxStudents,
        List<String> advisees, boolean maySuperviseOffSite, Double costPerDay) {

    public Staff {
        qualifications = Lists.orEmpty(qualifications);
        advisees = Lists.orEmpty(advisees);
    }

    /** This adult working only {@code availableBlocks} (null: every block; empty: away all day). */
    public Staff withAvailableBlocks(List<String> availableBlocks) {
        return new Staff(id, name, role, qualifications, modalities, availableBlocks, maxTeachingBlocks, maxStudents,
                advisees, maySuperviseOffSite, costPerDay);
    }

    /** This adult with other qualifications. */
    public Staff withQualifications(List<Qualification> newQualifications) {
        return new Staff(id, name, role, newQualifications, modalities, availableBlocks, maxTeachingBlocks,
                maxStudents, advisees, maySuperviseOffSite, costPerDay);
    }

    /** This adult working otherwise: what they may lead, how much, off-site, at what cost (a school's setup file). */
    public Staff withWork(List<String> newModalities, Integer newMaxTeachingBlocks, Integer newMaxStudents,
            boolean newMaySuperviseOffSite, Double newCostPerDay) {
        return new Staff(id, name, role, qualifications, newModalities, availableBlocks, newMaxTeachingBlocks,
                newMaxStudents, advisees, newMaySuperviseOffSite, newCostPerDay);
    }

    public boolean availableIn(String blockId) {
        return availableBlocks == null || availableBlocks.contains(blockId);
    }

    public boolean qualifiedFor(Skill skill) {
        return qualifications.stream().anyMatch(q -> q.covers(skill));
    }
}
