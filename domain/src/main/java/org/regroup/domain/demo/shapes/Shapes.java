package org.regroup.domain.demo.shapes;

import static org.regroup.domain.BlockKind.ACTIVITIES;
import static org.regroup.domain.BlockKind.ADVISORY;
import static org.regroup.domain.BlockKind.SKILLS;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.regroup.domain.DayProblem;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.StaffRole;
import org.regroup.domain.demo.AccommodationLoad;
import org.regroup.domain.demo.AttendanceMix;
import org.regroup.domain.demo.Cohort;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.demo.LevelSpread;
import org.regroup.domain.demo.SpacePlanner;

/**
 * The named school shapes: each a kind of school, none tuned to a planner. {@code datasets/shapes/README.md} tells
 * what each is and does its seat arithmetic; {@code datasets/shapes/NAME.json} is each one's seed-1 day.
 */
public final class Shapes {

    /** The 1,000-student day of the scaling series: {@link DatasetGenerator#generate(int, long)}, not a parameter set. */
    public static final String SCALE_1000 = "scale-1000";
    static final int STUDIO_GROUPS = 6;
    static final int STUDIO_SEATS_PER_GROUP = 25;

    private static final Map<String, ShapeParameters> NAMED = named();

    private Shapes() {
    }

    /** Every shape name, {@link #SCALE_1000} last. */
    public static List<String> names() {
        List<String> names = new java.util.ArrayList<>(NAMED.keySet());
        names.add(SCALE_1000);
        return names;
    }

    /** The parameters of a named shape; {@link #SCALE_1000} has none. */
    public static ShapeParameters parameters(String name) {
        ShapeParameters p = NAMED.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown shape '" + name + "'; the shapes are " + String.join(", ",
                    names()));
        }
        return p;
    }

    public static boolean exists(String name) {
        return NAMED.containsKey(name) || SCALE_1000.equals(name);
    }

    /** The named shape's day for a seed. */
    public static DayProblem generate(String name, long seed) {
        return generate(name, seed, ShapeOverrides.NONE);
    }

    /**
     * The named shape's day for a seed, changed as {@code overrides} say (its id then ends in {@code -custom}).
     *
     * @throws IllegalArgumentException for an unknown shape, overrides of {@link #SCALE_1000}, or values that do not
     *                                  make a school
     */
    public static DayProblem generate(String name, long seed, ShapeOverrides overrides) {
        if (SCALE_1000.equals(name)) {
            if (overrides.any()) {
                throw new IllegalArgumentException(SCALE_1000 + " is the scaling series' day and takes no options; "
                        + "generate --students N (without --shape) makes a school of another size");
            }
            return DatasetGenerator.generate(1000, seed);
        }
        ShapeParameters shape = parameters(name);
        if (!overrides.any()) {
            return ShapeGenerator.generate(shape, seed);
        }
        return ShapeGenerator.generate(overrides.apply(shape), seed, name + "-custom-seed-" + seed);
    }

    private static Map<String, ShapeParameters> named() {
        Map<String, ShapeParameters> shapes = new LinkedHashMap<>();
        for (ShapeParameters p : List.of(tiny(), studio(), tightRatio(), offsiteTravel(), accommodationCrunch(),
                keepApart(), behind(), partTime(), lateArrivals(), quietHeavy(), oneRoom(), noLab(), staffOut(),
                advisoryActivities())) {
            shapes.put(p.name(), p);
        }
        return shapes;
    }

    /**
     * Eight students, a teacher and an aide, three rooms, three math blocks: a day to check by hand. One student
     * needs the quiet room (six seats), two must be kept apart, one arrives for the second block, one may do at most
     * one block of online practice. No staff-led minimum: with two adults, one of them in the quiet room and a
     * keep-apart pair to split, whether the teacher's group can be staff-led would hang on a shared ready skill.
     */
    static ShapeParameters tiny() {
        return new ShapeParameters("tiny", "Tiny tutoring school", new Cohort(8, 3, 4, LevelSpread.TYPICAL),
                Staffing.of(RoleStaff.of(StaffRole.TEACHER, 1, null, 25), RoleStaff.of(StaffRole.AIDE, 1, null, 35)),
                List.of(classroom(1, 24), lab(1, 12), quietRoom(1, 6)),
                Bell.skills("09:00", 3, 45, 5, 0, 0), ModalityRules.DEFAULTS,
                new AccommodationLoad(0, 0, 0, 0, 0.125, 0, 0.125),
                new AttendanceMix(0, 0.125, 0, 0, 1, 1), 0.25, new ShapeParameters.Requests(0, 1, 1), 0, null,
                false);
    }

    /**
     * Teach to One: 150 seventh graders working at grades 5-8 in one open studio of six stations with computers, a
     * quiet room and a small room; four math teachers (one planning block each) and two aides; adult-led groups of
     * 5-10 and online practice up to 25 per adult. Adult-led seats are far fewer than students, so teachers also
     * supervise practice.
     */
    static ShapeParameters studio() {
        return new ShapeParameters("studio", "Studio middle school (Teach to One)",
                new Cohort(150, 7, 7, LevelSpread.shares(0, 0.15, 0.30, 0.40, 0.15, 0)),
                Staffing.of(RoleStaff.of(StaffRole.TEACHER, 4, 4, null), RoleStaff.of(StaffRole.AIDE, 2, null, null)),
                List.of(studio(1, STUDIO_GROUPS), quietRoom(1, 12), smallRoom(1, 8)),
                Bell.skills("08:30", 5, 40, 5, 3, 35), new ModalityRules(5, 10, 10, 25),
                new AccommodationLoad(0.05, 2, 0.02, 1, 0.04, 0, 0.04),
                new AttendanceMix(0.04, 0.02, 0.02, 0.01, 1, 1), 0.03, new ShapeParameters.Requests(0, 3, 3), 0,
                null, false);
    }

    /** One adult per 25 students in classrooms of 30: everyone fits only when most groups are big practice groups. */
    static ShapeParameters tightRatio() {
        return new ShapeParameters("tight-ratio", "Lean elementary school (1 adult per 25)",
                new Cohort(200, 4, 6, LevelSpread.TYPICAL),
                Staffing.of(RoleStaff.of(StaffRole.TEACHER, 5, null, null), RoleStaff.of(StaffRole.AIDE, 3, null, null)),
                List.of(classroom(7, 30), lab(1, 30), library(40, 2)),
                Bell.skills("08:45", 5, 45, 5, 3, 40), ModalityRules.DEFAULTS,
                new AccommodationLoad(0.04, 2, 0.01, 1, 0.03, 0, 0.05),
                new AttendanceMix(0.04, 0.02, 0.02, 0.01, 1, 1), 0.03, new ShapeParameters.Requests(0, 3, 3), 0,
                null, false);
    }

    /**
     * A museum 20 minutes away, five-minute gaps between blocks: whoever goes spends the blocks before and after the
     * visit travelling. One teacher is cleared to take students off site; some students must stay on site; the
     * teacher and some students asked for the trip, nobody made it compulsory.
     */
    static ShapeParameters offsiteTravel() {
        return new ShapeParameters("offsite-travel", "Elementary school with a museum trip",
                new Cohort(120, 4, 6, LevelSpread.TYPICAL),
                Staffing.of(RoleStaff.of(StaffRole.TEACHER, 6, null, 25), RoleStaff.of(StaffRole.AIDE, 3, null, 35),
                        RoleStaff.of(StaffRole.TUTOR, 1, null, 16)),
                List.of(classroom(5, 28), lab(1, 30), library(36, 2), smallRoom(1, 8)),
                new Bell(LocalTime.parse("08:45"), 45, 5, List.of(SKILLS, SKILLS, ACTIVITIES, SKILLS, SKILLS), 4, 45),
                ModalityRules.DEFAULTS, new AccommodationLoad(0.05, 2, 0.02, 1, 0.03, 0.06, 0.03),
                new AttendanceMix(0.04, 0.02, 0.02, 0.01, 1, 1), 0.03, new ShapeParameters.Requests(1, 3, 3), 6,
                Trip.museum(20), false);
    }

    /**
     * An inclusive school: nearly half the students have a support plan asking for three staff-led blocks, one in
     * ten for a block of 1:1 tutoring; three certified adults lead groups of at most 12, four aides supervise
     * practice, two tutors tutor. The needs come close to what the adults can give while everyone is seated.
     */
    static ShapeParameters accommodationCrunch() {
        return new ShapeParameters("accommodation-crunch", "Inclusive elementary school with many support plans",
                new Cohort(100, 3, 5, LevelSpread.TYPICAL),
                Staffing.of(RoleStaff.of(StaffRole.TEACHER, 2, null, 25), RoleStaff.of(StaffRole.AIDE, 4, null, 35),
                        RoleStaff.of(StaffRole.SPECIALIST, 1, null, 12), RoleStaff.of(StaffRole.TUTOR, 2, null, 16)),
                List.of(classroom(4, 28), lab(1, 30), quietRoom(2, 8), smallRoom(2, 6)),
                Bell.skills("08:45", 5, 45, 5, 3, 40), new ModalityRules(null, 12, 12, null),
                new AccommodationLoad(0.45, 3, 0.10, 1, 0.08, 0, 0.05),
                new AttendanceMix(0.03, 0.02, 0.01, 0.01, 1, 1), 0.03, new ShapeParameters.Requests(0, 2, 2), 0,
                null, false);
    }

    /** A middle school where two students in five are in a keep-apart pair with a classmate. */
    static ShapeParameters keepApart() {
        return new ShapeParameters("keep-apart", "Middle school with many keep-apart pairs",
                new Cohort(160, 5, 7, LevelSpread.TYPICAL),
                Staffing.of(RoleStaff.of(StaffRole.TEACHER, 8, null, 25), RoleStaff.of(StaffRole.AIDE, 4, null, 35),
                        RoleStaff.of(StaffRole.SPECIALIST, 1, null, 12), RoleStaff.of(StaffRole.TUTOR, 1, null, 16)),
                List.of(classroom(7, 28), lab(1, 30), library(40, 2), smallRoom(2, 8)),
                new Bell(LocalTime.parse("08:30"), 45, 5, List.of(ADVISORY, SKILLS, SKILLS, SKILLS, SKILLS,
                        ACTIVITIES), 4, 45),
                ModalityRules.DEFAULTS, new AccommodationLoad(0.05, 2, 0.01, 1, 0.03, 0.02, 0.03),
                AttendanceMix.TYPICAL, 0.40, new ShapeParameters.Requests(1, 3, 3), 6, null, false);
    }

    /** A middle school where most students work two or more grades behind. */
    static ShapeParameters behind() {
        return new ShapeParameters("behind", "Middle school catching up",
                new Cohort(120, 6, 8, LevelSpread.shares(0.30, 0.40, 0.20, 0.10, 0, 0)),
                Staffing.of(RoleStaff.of(StaffRole.TEACHER, 7, null, 25), RoleStaff.of(StaffRole.AIDE, 3, null, 35),
                        RoleStaff.of(StaffRole.SPECIALIST, 1, null, 12), RoleStaff.of(StaffRole.TUTOR, 2, null, 16)),
                List.of(classroom(6, 28), lab(1, 30), quietRoom(1, 8), smallRoom(2, 8)),
                new Bell(LocalTime.parse("08:30"), 45, 5, List.of(ADVISORY, SKILLS, SKILLS, SKILLS, SKILLS, SKILLS),
                        4, 45),
                ModalityRules.DEFAULTS, new AccommodationLoad(0.12, 3, 0.04, 1, 0.04, 0, 0.04),
                AttendanceMix.TYPICAL, 0.03, new ShapeParameters.Requests(1, 3, 3), 0, null, false);
    }

    /** Many adults in for part of the day: teachers for the morning, aides for the afternoon, tutors for two blocks. */
    static ShapeParameters partTime() {
        return new ShapeParameters("part-time", "Elementary school with many part-time staff",
                new Cohort(140, 3, 5, LevelSpread.TYPICAL),
                Staffing.of(new RoleStaff(StaffRole.TEACHER, 6, null, 25, 0.34, null),
                        new RoleStaff(StaffRole.AIDE, 3, null, 35, 0.67, null),
                        new RoleStaff(StaffRole.SPECIALIST, 1, null, 12, 1, null),
                        new RoleStaff(StaffRole.TUTOR, 3, null, 16, 1, 2),
                        RoleStaff.of(StaffRole.COUNSELOR, 1, null, 20)),
                List.of(classroom(6, 28), lab(1, 30), library(40, 2), smallRoom(2, 8)),
                new Bell(LocalTime.parse("08:30"), 45, 5, List.of(ADVISORY, SKILLS, SKILLS, SKILLS, SKILLS, SKILLS,
                        SKILLS), 4, 45),
                ModalityRules.DEFAULTS, new AccommodationLoad(0.05, 2, 0.02, 1, 0.03, 0, 0.03),
                AttendanceMix.TYPICAL, 0.03, new ShapeParameters.Requests(1, 3, 3), 0, null, false);
    }

    /** Many students arrive late, leave early or go to a therapy or counseling appointment in the day. */
    static ShapeParameters lateArrivals() {
        return new ShapeParameters("late-arrivals", "Elementary school with staggered attendance",
                new Cohort(140, 4, 6, LevelSpread.TYPICAL),
                Staffing.of(RoleStaff.of(StaffRole.TEACHER, 7, null, 25), RoleStaff.of(StaffRole.AIDE, 3, null, 35),
                        RoleStaff.of(StaffRole.TUTOR, 1, null, 16), RoleStaff.of(StaffRole.COUNSELOR, 1, null, 20)),
                List.of(classroom(6, 28), lab(1, 30), library(40, 2), smallRoom(3, 8)),
                new Bell(LocalTime.parse("08:30"), 45, 5, List.of(ADVISORY, SKILLS, SKILLS, SKILLS, SKILLS,
                        ACTIVITIES, SKILLS), 4, 45),
                ModalityRules.DEFAULTS, new AccommodationLoad(0.05, 2, 0.02, 1, 0.03, 0, 0.03),
                new AttendanceMix(0.04, 0.20, 0.10, 0.08, 2, 2), 0.03, new ShapeParameters.Requests(1, 3, 3), 6,
                null, false);
    }

    /** One student in five needs a quiet space; the quiet seats are a library commons and one small room. */
    static ShapeParameters quietHeavy() {
        return new ShapeParameters("quiet-heavy", "Elementary school with many quiet-space needs",
                new Cohort(120, 3, 5, LevelSpread.TYPICAL),
                Staffing.of(RoleStaff.of(StaffRole.TEACHER, 6, null, 25), RoleStaff.of(StaffRole.AIDE, 3, null, 35),
                        RoleStaff.of(StaffRole.SPECIALIST, 1, null, 12), RoleStaff.of(StaffRole.TUTOR, 1, null, 16)),
                List.of(classroom(5, 28), lab(1, 30), library(24, 2), quietRoom(1, 8), smallRoom(1, 8)),
                new Bell(LocalTime.parse("08:30"), 45, 5, List.of(ADVISORY, SKILLS, SKILLS, SKILLS, SKILLS, SKILLS),
                        4, 45),
                ModalityRules.DEFAULTS, new AccommodationLoad(0.05, 2, 0.02, 1, 0.20, 0, 0.03),
                AttendanceMix.TYPICAL, 0.03, new ShapeParameters.Requests(1, 3, 3), 0, null, false);
    }

    /**
     * A K-8 schoolhouse: 25 students, one teacher, one aide, one schoolroom (two groups at once, a laptop cart) and a
     * small nook. Two students need two staff-led blocks; nobody needs the nook for quiet and nobody is kept apart:
     * with two adults, either would leave the teacher no way to tutor one student while the aide has the rest.
     */
    static ShapeParameters oneRoom() {
        return new ShapeParameters("one-room", "One-room K-8 schoolhouse", new Cohort(25, 0, 8, LevelSpread.TYPICAL),
                Staffing.of(RoleStaff.of(StaffRole.TEACHER, 1, null, null), RoleStaff.of(StaffRole.AIDE, 1, null, null)),
                List.of(new RoomSpec(SpaceKind.CLASSROOM, "ROOM", "Schoolroom", 1, 25, 2,
                        List.of(SpacePlanner.COMPUTERS)), new RoomSpec(SpaceKind.SMALL_ROOM, "NOOK", "Reading nook",
                                1, 6, 1, List.of())),
                new Bell(LocalTime.parse("09:00"), 45, 5, List.of(SKILLS, SKILLS, ACTIVITIES, SKILLS, SKILLS), 3, 45),
                ModalityRules.DEFAULTS, new AccommodationLoad(0.08, 2, 0, 0, 0, 0, 0.04),
                new AttendanceMix(0.04, 0.04, 0, 0, 1, 1), 0, new ShapeParameters.Requests(0, 1, 1), 4, null,
                false);
    }

    /** No computers anywhere: practice is independent practice, online practice cannot run. */
    static ShapeParameters noLab() {
        return new ShapeParameters("no-lab", "Middle school without computers",
                new Cohort(160, 5, 7, LevelSpread.TYPICAL),
                Staffing.of(RoleStaff.of(StaffRole.TEACHER, 8, null, 25), RoleStaff.of(StaffRole.AIDE, 4, null, 35),
                        RoleStaff.of(StaffRole.SPECIALIST, 1, null, 12), RoleStaff.of(StaffRole.TUTOR, 1, null, 16),
                        RoleStaff.of(StaffRole.COUNSELOR, 1, null, 20)),
                List.of(classroom(7, 28), library(40, 2), smallRoom(2, 8)),
                new Bell(LocalTime.parse("08:30"), 45, 5, List.of(ADVISORY, SKILLS, SKILLS, SKILLS, SKILLS,
                        ACTIVITIES), 4, 45),
                ModalityRules.DEFAULTS, new AccommodationLoad(0.05, 2, 0.02, 1, 0.03, 0, 0),
                AttendanceMix.TYPICAL, 0.03, new ShapeParameters.Requests(1, 3, 3), 6, null, false);
    }

    /** Half the teachers and aides out and no catch-all: not everyone can be placed. */
    static ShapeParameters staffOut() {
        return new ShapeParameters("staff-out", "Elementary school on a day of many absences",
                new Cohort(240, 3, 6, LevelSpread.TYPICAL),
                new Staffing(List.of(RoleStaff.of(StaffRole.TEACHER, 9, null, 25),
                        RoleStaff.of(StaffRole.AIDE, 5, null, 35), RoleStaff.of(StaffRole.SPECIALIST, 1, 6, 12),
                        RoleStaff.of(StaffRole.TUTOR, 1, 6, 16), RoleStaff.of(StaffRole.COUNSELOR, 1, 4, 20)), 0.5),
                List.of(classroom(9, 28), lab(2, 30), library(40, 2), smallRoom(3, 8)),
                new Bell(LocalTime.parse("08:30"), 45, 5, List.of(SKILLS, SKILLS, SKILLS, SKILLS, ACTIVITIES, SKILLS),
                        3, 45),
                ModalityRules.DEFAULTS, new AccommodationLoad(0.05, 2, 0.01, 1, 0.03, 0, 0.03),
                AttendanceMix.TYPICAL, 0.03, new ShapeParameters.Requests(1, 3, 3), 6, null, false);
    }

    /** Morning meeting and closing circle, two project blocks and three math blocks, a library catch-all. */
    static ShapeParameters advisoryActivities() {
        return new ShapeParameters("advisory-activities", "Project-based middle school",
                new Cohort(180, 5, 7, LevelSpread.TYPICAL),
                Staffing.of(RoleStaff.of(StaffRole.TEACHER, 9, null, 25), RoleStaff.of(StaffRole.AIDE, 4, null, 35),
                        RoleStaff.of(StaffRole.SPECIALIST, 1, null, 12), RoleStaff.of(StaffRole.TUTOR, 1, null, 16),
                        RoleStaff.of(StaffRole.COUNSELOR, 2, null, 20)),
                List.of(classroom(8, 28), lab(1, 30), library(40, 3), smallRoom(2, 8)),
                new Bell(LocalTime.parse("08:30"), 45, 5, List.of(ADVISORY, SKILLS, SKILLS, ACTIVITIES, SKILLS,
                        ACTIVITIES, ADVISORY), 4, 45),
                ModalityRules.DEFAULTS, new AccommodationLoad(0.05, 2, 0.02, 1, 0.03, 0, 0.03),
                AttendanceMix.TYPICAL, 0.03, new ShapeParameters.Requests(1, 3, 3), 10, null, true);
    }

    static RoomSpec studio(int count, int groups) {
        return new RoomSpec(SpaceKind.STUDIO, "STUDIO", "Open studio", count, STUDIO_SEATS_PER_GROUP * groups, groups,
                List.of(SpacePlanner.COMPUTERS));
    }

    private static RoomSpec classroom(int count, int capacity) {
        return new RoomSpec(SpaceKind.CLASSROOM, "CR", "Room", count, capacity, 1, List.of());
    }

    private static RoomSpec lab(int count, int capacity) {
        return new RoomSpec(SpaceKind.LAB, "LAB", "Computer lab", count, capacity, 1,
                List.of(SpacePlanner.COMPUTERS));
    }

    private static RoomSpec library(int capacity, int groups) {
        return new RoomSpec(SpaceKind.LIBRARY, "LIB", "Library", 1, capacity, groups, List.of(SpacePlanner.QUIET));
    }

    private static RoomSpec quietRoom(int count, int capacity) {
        return new RoomSpec(SpaceKind.SMALL_ROOM, "QR", "Quiet room", count, capacity, 1,
                List.of(SpacePlanner.QUIET));
    }

    private static RoomSpec smallRoom(int count, int capacity) {
        return new RoomSpec(SpaceKind.SMALL_ROOM, "SR", "Small room", count, capacity, 1, List.of());
    }
}
