package org.regroup.domain.demo;

/**
 * How students' working levels spread around their enrolled grade, as cumulative shares: a draw {@code r} in [0, 1)
 * below {@code upToThreeBehind} works three grades behind, below {@code upToTwoBehind} two behind, and so on; the
 * rest work two grades ahead.
 */
public record LevelSpread(double upToThreeBehind, double upToTwoBehind, double upToOneBehind, double upToAtGrade,
        double upToOneAhead) {

    /** Most within a grade of their own; ~10% two or three behind, ~5% two ahead. */
    public static final LevelSpread TYPICAL = new LevelSpread(0.03, 0.10, 0.30, 0.80, 0.95);

    public LevelSpread {
        double[] bounds = {upToThreeBehind, upToTwoBehind, upToOneBehind, upToAtGrade, upToOneAhead};
        for (int i = 0; i < bounds.length; i++) {
            if (bounds[i] < 0 || bounds[i] > 1 || (i > 0 && bounds[i] < bounds[i - 1])) {
                throw new IllegalArgumentException("level spread bounds must rise within [0, 1]: "
                        + java.util.Arrays.toString(bounds));
            }
        }
    }

    /** From shares of students three behind, two behind, one behind, at grade, one ahead, two ahead (sum 1). */
    public static LevelSpread shares(double threeBehind, double twoBehind, double oneBehind, double atGrade,
            double oneAhead, double twoAhead) {
        double sum = threeBehind + twoBehind + oneBehind + atGrade + oneAhead + twoAhead;
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("level shares must add up to 1, not " + sum);
        }
        double a = threeBehind;
        double b = a + twoBehind;
        double c = b + oneBehind;
        double d = c + atGrade;
        return new LevelSpread(a, b, c, d, Math.min(1, d + oneAhead));
    }

    /** The offset from the enrolled grade for a draw {@code r} in [0, 1). */
    int offset(double r) {
        return r < upToThreeBehind ? -3 : r < upToTwoBehind ? -2 : r < upToOneBehind ? -1 : r < upToAtGrade ? 0
                : r < upToOneAhead ? 1 : 2;
    }

    /** Share of students working two or more grades behind. */
    public double twoOrMoreBehind() {
        return upToTwoBehind;
    }

    /** The lowest offset any student gets. */
    public int lowestOffset() {
        return upToThreeBehind > 0 ? -3 : upToTwoBehind > 0 ? -2 : upToOneBehind > 0 ? -1 : upToAtGrade > 0 ? 0
                : upToOneAhead > 0 ? 1 : 2;
    }

    /** The highest offset any student gets. */
    public int highestOffset() {
        return upToOneAhead < 1 ? 2 : upToAtGrade < 1 ? 1 : upToOneBehind < 1 ? 0 : upToTwoBehind < 1 ? -1
                : upToThreeBehind < 1 ? -2 : -3;
    }
}
