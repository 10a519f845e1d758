package org.regroup.domain.demo;

/**
 * Who is away today, as shares of the students (exact counts, nobody in two of them): absent all day, arriving late
 * (missing the first {@code lateBlocks} blocks), leaving early (missing the last {@code earlyBlocks}), or on a fixed
 * commitment in one skill block (at least one student when the share is above 0).
 */
public record AttendanceMix(double absent, double late, double early, double commitments, int lateBlocks,
        int earlyBlocks) {

    /** The demo schools' day: ~4% absent, ~3% late and ~2% leaving early (two blocks each), ~2% on a commitment. */
    public static final AttendanceMix TYPICAL = new AttendanceMix(0.04, 0.03, 0.02, 0.02, 2, 2);

    public AttendanceMix {
        for (double share : new double[] {absent, late, early, commitments}) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("attendance shares must be within [0, 1], not " + share);
            }
        }
        if (absent + late + early + commitments > 1) {
            throw new IllegalArgumentException("absent, late, early and commitment shares add up to more than 1");
        }
        if (lateBlocks < 1 || earlyBlocks < 1) {
            throw new IllegalArgumentException("late and early students miss at least one block");
        }
    }
}
