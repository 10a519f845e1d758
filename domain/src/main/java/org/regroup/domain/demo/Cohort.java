package org.regroup.domain.demo;

/**
 * The students of a generated school: how many, in which enrolled grades (spread evenly), and how far their working
 * levels spread around those grades.
 */
public record Cohort(int students, int minGrade, int maxGrade, LevelSpread spread) {

    public Cohort {
        if (students < 1) {
            throw new IllegalArgumentException("a school needs at least one student, not " + students);
        }
        if (minGrade < 0 || maxGrade > 8 || minGrade > maxGrade) {
            throw new IllegalArgumentException("enrolled grades must be within K-8 (0..8) and rise, not " + minGrade
                    + ".." + maxGrade);
        }
    }

    /** The lowest level a student works at (within K-8). */
    public int lowestLevel() {
        return Math.max(0, minGrade + spread.lowestOffset());
    }

    /** The highest level a student works at (within K-8). */
    public int highestLevel() {
        return Math.min(8, maxGrade + spread.highestOffset());
    }
}
