package org.regroup.domain.demo;

/**
 * How many students need what, as shares of the students present today (exact counts; one student may have several
 * needs): at least {@code staffLedBlocks} staff-led blocks, {@code oneToOneBlocks} skill blocks of 1:1 time, a quiet
 * space, never off site, at most one online-practice block.
 */
public record AccommodationLoad(double staffLed, int staffLedBlocks, double oneToOne, int oneToOneBlocks,
        double quiet, double noOffSite, double maxOnline) {

    public static final AccommodationLoad NONE = new AccommodationLoad(0, 0, 0, 0, 0, 0, 0);

    public AccommodationLoad {
        for (double share : new double[] {staffLed, oneToOne, quiet, noOffSite, maxOnline}) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("accommodation shares must be within [0, 1], not " + share);
            }
        }
        if (staffLedBlocks < 0 || oneToOneBlocks < 0) {
            throw new IllegalArgumentException("staff-led and 1:1 blocks cannot be negative");
        }
    }

    /** The same mix with every share times {@code factor} (at most all students). */
    public AccommodationLoad times(double factor) {
        if (factor < 0) {
            throw new IllegalArgumentException("an accommodation load cannot be negative, was " + factor);
        }
        return new AccommodationLoad(Math.min(1, staffLed * factor), staffLedBlocks, Math.min(1, oneToOne * factor),
                oneToOneBlocks, Math.min(1, quiet * factor), Math.min(1, noOffSite * factor),
                Math.min(1, maxOnline * factor));
    }
}
