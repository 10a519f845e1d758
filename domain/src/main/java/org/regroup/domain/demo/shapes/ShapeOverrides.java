package org.regroup.domain.demo.shapes;

/**
 * Changes to a named shape, as the command line takes them (null: keep the shape's). Applied in a fixed order: the
 * number of students first (adults and rooms scale with it), then the ratio of students per adult, the share of
 * adult-led seats, and the rest, so that {@code --students 300 --students-per-adult 20} means 15 adults.
 */
public record ShapeOverrides(Integer students, Double studentsPerAdult, Double adultLedShare, Double studioShare,
        Double accommodationLoad, Integer offsiteTravel, Double partTimeShare, Double lateShare, Double behindShare,
        Double keepApartShare, Boolean catchAll) {

    public static final ShapeOverrides NONE = new ShapeOverrides(null, null, null, null, null, null, null, null, null,
            null, null);

    public boolean any() {
        return !equals(NONE);
    }

    /** @throws IllegalArgumentException naming the value that does not make a school */
    public ShapeParameters apply(ShapeParameters shape) {
        ShapeParameters p = shape;
        if (students != null) {
            if (students < 1) {
                throw new IllegalArgumentException("a school needs at least one student, not " + students);
            }
            p = p.withStudents(students);
        }
        if (studentsPerAdult != null) {
            p = p.withStudentsPerAdult(studentsPerAdult);
        }
        if (adultLedShare != null) {
            p = p.withAdultLedShare(adultLedShare);
        }
        if (studioShare != null) {
            p = p.withStudioShare(studioShare);
        }
        if (accommodationLoad != null) {
            p = p.withAccommodationLoad(accommodationLoad);
        }
        if (offsiteTravel != null) {
            p = p.withOffsiteTravel(offsiteTravel);
        }
        if (partTimeShare != null) {
            p = p.withPartTimeShare(partTimeShare);
        }
        if (lateShare != null) {
            p = p.withLateShare(lateShare);
        }
        if (behindShare != null) {
            p = p.withBehindShare(behindShare);
        }
        if (keepApartShare != null) {
            p = p.withKeepApartShare(keepApartShare);
        }
        if (catchAll != null) {
            p = p.withCatchAll(catchAll);
        }
        return p;
    }
}
