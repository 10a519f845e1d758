package org.regroup.domain.demo;

/**
 * How big a generated school is: students and their enrolled grades, adults by role, spaces by kind.
 *
 * <p>The MEDIUM ratios are not the brief's "400 students, 25 staff": two of its rules fix the staff count first.
 * Advisors (teachers, specialists, counselors) take at most 20 advisees, so 400 students need at least 20 of them;
 * and every skill block must offer at least 1.3 seats per present student (teacher or specialist 12, aide 30,
 * tutor 1). Twenty certified adults give 240 seats; the other ~260 of the ~500 needed take nine aides more. With
 * part-timers out of some blocks and a little slack that is 17 teachers, 11 aides, 2 specialists, 2 tutors and
 * 2 counselors: 34 adults, about 12 students per adult, which is what a real 400-student school employs.
 */
record Sizing(int students, int minGrade, int maxGrade, int teachers, int aides, int specialists, int tutors,
        int counselors, int classrooms, int labs, int studios, int libraries, int smallRooms, int projects) {

    static final Sizing SMALL = new Sizing(60, 3, 5, 3, 1, 1, 1, 0, 2, 1, 1, 1, 1, 6);
    static final Sizing MEDIUM = new Sizing(400, 3, 6, 17, 11, 2, 2, 2, 7, 3, 4, 1, 5, 8);

    /** A school of {@code students} staffed and housed in the MEDIUM ratios (rounded up, so never thinner). */
    static Sizing scaled(int students, int minGrade, int maxGrade) {
        double f = students / (double) MEDIUM.students;
        return new Sizing(students, minGrade, maxGrade, up(f * MEDIUM.teachers), up(f * MEDIUM.aides),
                up(f * MEDIUM.specialists), up(f * MEDIUM.tutors), up(f * MEDIUM.counselors),
                up(f * MEDIUM.classrooms), up(f * MEDIUM.labs), up(f * MEDIUM.studios),
                Math.max(1, (int) Math.round(students / 800.0)), up(f * MEDIUM.smallRooms),
                Math.min(10, Math.max(6, up(f * MEDIUM.projects))));
    }

    private static int up(double x) {
        // 1e-9 keeps an exact product (400 * 17 / 400) from rounding up to the next whole adult
        return Math.max(1, (int) Math.ceil(x - 1e-9));
    }

    Cohort cohort() {
        return new Cohort(students, minGrade, maxGrade, LevelSpread.TYPICAL);
    }

    int staff() {
        return teachers + aides + specialists + tutors + counselors;
    }

    int spaces() {
        return classrooms + labs + studios + libraries + smallRooms;
    }
}
