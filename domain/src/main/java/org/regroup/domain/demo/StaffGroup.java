package org.regroup.domain.demo;

import org.regroup.domain.StaffRole;

/**
 * One role's adults in a generated school.
 *
 * @param partTime     how many of them work only part of the day
 * @param shift        which part part-timers work
 * @param shiftBlocks  how many blocks a part-timer works; a little over half the day when null
 * @param limit        their teaching-block limit
 * @param maxStudents  most students each takes at once; no limit beyond the modality's when null
 * @param offSiteShare the chance that each is cleared to supervise off site
 * @param qualified    which math they may teach
 */
public record StaffGroup(StaffRole role, int count, int partTime, Shift shift, Integer shiftBlocks,
        TeachingLimit limit, Integer maxStudents, double offSiteShare, double costPerDay, Qualified qualified) {

    public StaffGroup {
        if (count < 0 || partTime < 0 || partTime > count) {
            throw new IllegalArgumentException(role + ": " + count + " adults, " + partTime + " part-time");
        }
        if (shiftBlocks != null && shiftBlocks < 1) {
            throw new IllegalArgumentException(role + ": part-timers work at least one block, not " + shiftBlocks);
        }
    }

    /** Certified part-timers work mornings (in for advisory, they keep their advisees); aides and tutors afternoons. */
    public enum Shift { MORNING, AFTERNOON }

    /** Teachers by overlapping grade bands where the students are; specialists and tutors every level; others none. */
    public enum Qualified { BANDS, ALL_LEVELS, NONE }

    /**
     * A teaching-block limit: {@code usual} blocks, or {@code otherwise} for a share {@code 1 - usualShare} of the
     * adults (drawn per adult) when {@code otherwise} is given. No limit when {@code usual} is null.
     */
    public record TeachingLimit(Integer usual, Integer otherwise, double usualShare) {

        public static final TeachingLimit NONE = new TeachingLimit(null, null, 1);

        public static TeachingLimit of(Integer blocks) {
            return new TeachingLimit(blocks, null, 1);
        }

        Integer draw(Draw draw) {
            return otherwise == null ? usual : draw.chance(usualShare) ? usual : otherwise;
        }
    }

    String idPrefix() {
        return switch (role) {
            case TEACHER -> "T";
            case AIDE -> "A";
            case SPECIALIST -> "SP";
            case TUTOR -> "TU";
            case COUNSELOR -> "CO";
        };
    }
}
