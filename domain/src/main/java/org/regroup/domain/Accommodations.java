package org.regroup.domain;

/**
 * Needs the plan must honour.
 *
 * @param minStaffLedBlocks at least this many blocks a day in staff-led sessions
 * @param oneToOneMinutes   at least this many minutes of 1:1 time a day
 * @param noOffSite         never in an off-site session
 * @param quietSpace        only in spaces with the "quiet" feature
 * @param maxOnlineBlocks   at most this many online-practice blocks a day
 */
public record Accommodations(Integer minStaffLedBlocks, Integer oneToOneMinutes, boolean noOffSite,
        boolean quietSpace, Integer maxOnlineBlocks) {

    public int minStaffLedBlocksOrZero() {
        return minStaffLedBlocks == null ? 0 : minStaffLedBlocks;
    }

    public int oneToOneMinutesOrZero() {
        return oneToOneMinutes == null ? 0 : oneToOneMinutes;
    }

    /**
     * These needs for a student in school less than planned (gone home at noon): the staff-led and 1:1 minimums
     * lowered to what {@code blocks} blocks of {@code minutes} minutes in all can give; the rest unchanged.
     */
    public Accommodations within(int blocks, int minutes) {
        return new Accommodations(minStaffLedBlocks == null ? null : Math.min(minStaffLedBlocks, blocks),
                oneToOneMinutes == null ? null : Math.min(oneToOneMinutes, minutes), noOffSite, quietSpace,
                maxOnlineBlocks);
    }

    public boolean any() {
        return minStaffLedBlocksOrZero() > 0 || oneToOneMinutesOrZero() > 0 || noOffSite || quietSpace
                || maxOnlineBlocks != null;
    }
}
