package org.regroup.domain.demo.shapes;

import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.BlockKind;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.StaffRole;
import org.regroup.domain.demo.AccommodationLoad;
import org.regroup.domain.demo.AttendanceMix;
import org.regroup.domain.demo.Cohort;
import org.regroup.domain.demo.LevelSpread;
import org.regroup.domain.demo.SpacePlanner;

/**
 * Every knob of a generated school day. The named shapes ({@link Shapes}) are values of this; the {@code with…}
 * methods are the command line's overrides.
 *
 * @param cohort         students, their grades and how far their mastery spreads
 * @param staffing       adults per role, their limits and shifts, the share out today
 * @param rooms          on-site spaces (off-site ones come with the trip)
 * @param modalities     the school's own group sizes
 * @param accommodations who needs what
 * @param attendance     absent, late, leaving early, on a commitment
 * @param keepApartShare share of students in keep-apart pairs
 * @param projects       how many interest projects the activities blocks offer
 * @param trip           an off-site visit, or null
 * @param catchAll       a supervised catch-all in the library for ~7% of the students
 */
public record ShapeParameters(String name, String schoolName, Cohort cohort, Staffing staffing, List<RoomSpec> rooms,
        Bell bell, ModalityRules modalities, AccommodationLoad accommodations, AttendanceMix attendance,
        double keepApartShare, Requests requests, int projects, Trip trip, boolean catchAll) {

    /** How many requests of each rung the day has (admin-required ones pin a student to a tutor or specialist). */
    public record Requests(int adminRequired, int teacher, int student) {
        public Requests {
            if (adminRequired < 0 || teacher < 0 || student < 0) {
                throw new IllegalArgumentException("request counts cannot be negative");
            }
        }
    }

    public ShapeParameters {
        rooms = List.copyOf(rooms);
        if (keepApartShare < 0 || keepApartShare > 1) {
            throw new IllegalArgumentException("the keep-apart share is within [0, 1], not " + keepApartShare);
        }
        if (rooms.stream().mapToInt(RoomSpec::count).sum() == 0) {
            throw new IllegalArgumentException("a school needs at least one room");
        }
        if (bell.count(BlockKind.ACTIVITIES) > 0 && projects < 1) {
            throw new IllegalArgumentException("an activities block needs at least one project");
        }
        if (trip != null && bell.count(BlockKind.ACTIVITIES) == 0) {
            throw new IllegalArgumentException("shape '" + name + "' has no activities block for a trip");
        }
        if (catchAll && rooms.stream().noneMatch(r -> r.kind() == SpaceKind.LIBRARY && r.count() > 0)) {
            throw new IllegalArgumentException("shape '" + name + "' has no library to hold a catch-all");
        }
    }

    public int students() {
        return cohort.students();
    }

    /** Adult-led seats in a skill block: certified adults (teachers, specialists) times the largest small group. */
    public int adultLedSeats() {
        return (staffing.count(StaffRole.TEACHER) + staffing.count(StaffRole.SPECIALIST))
                * modalities.smallGroupMaxOrDefault();
    }

    /** A school of {@code students}: adults and rooms in the same proportions (rooms rounded up). */
    public ShapeParameters withStudents(int students) {
        Cohort c = new Cohort(students, cohort.minGrade(), cohort.maxGrade(), cohort.spread());
        double factor = students / (double) cohort.students();
        int adults = Math.max(1, (int) Math.round(staffing.adults() * factor));
        List<RoomSpec> scaled = rooms.stream()
                .map(r -> r.withCount(r.count() == 0 ? 0 : Math.max(1, (int) Math.ceil(r.count() * factor - 1e-9))))
                .toList();
        return new ShapeParameters(name, schoolName, c, staffing.withAdults(adults), scaled, bell, modalities,
                accommodations, attendance, keepApartShare, requests, projects, trip, catchAll);
    }

    /** The same mix of roles, one adult per {@code ratio} students. */
    public ShapeParameters withStudentsPerAdult(double ratio) {
        if (ratio <= 0) {
            throw new IllegalArgumentException("students per adult must be positive, was " + ratio);
        }
        return withStaffing(staffing.withAdults(Math.max(1, (int) Math.round(students() / ratio))));
    }

    /**
     * Teachers for adult-led seats (certified adults × the largest small group) for {@code share} of the students;
     * the adults in all stay as many, so aides make up the difference.
     */
    public ShapeParameters withAdultLedShare(double share) {
        if (share <= 0) {
            throw new IllegalArgumentException("the adult-led share must be positive, was " + share);
        }
        int specialists = staffing.count(StaffRole.SPECIALIST);
        int teachers = Math.max(1, (int) Math.round(share * students() / modalities.smallGroupMaxOrDefault())
                - specialists);
        int aides = staffing.count(StaffRole.AIDE) - (teachers - staffing.count(StaffRole.TEACHER));
        if (aides < 0) {
            throw new IllegalArgumentException("an adult-led share of " + share + " needs " + teachers
                    + " teachers, more than the " + (staffing.count(StaffRole.TEACHER) + staffing.count(StaffRole.AIDE))
                    + " teachers and aides of this school; give fewer students per adult");
        }
        return withStaffing(staffing.with(staffing.role(StaffRole.TEACHER).withCount(teachers))
                .with(staffing.role(StaffRole.AIDE).withCount(aides)));
    }

    /**
     * Open studios (six groups of 25 around computers, Teach to One's large rooms) for {@code share} of the groups
     * that classrooms and studios hold now; classrooms for the rest.
     */
    public ShapeParameters withStudioShare(double share) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("the studio share is within [0, 1], not " + share);
        }
        int groups = rooms.stream().filter(ShapeParameters::general).mapToInt(r -> r.count() * r.maxGroups()).sum();
        int classroomSeats = rooms.stream().filter(r -> r.kind() == SpaceKind.CLASSROOM).mapToInt(RoomSpec::capacity)
                .max().orElse(28);
        int studioGroups = (int) Math.round(share * groups);
        List<RoomSpec> changed = new ArrayList<>(rooms.stream().filter(r -> !general(r)).toList());
        if (groups - studioGroups > 0) {
            changed.add(new RoomSpec(SpaceKind.CLASSROOM, "CR", "Room", groups - studioGroups, classroomSeats, 1,
                    List.of()));
        }
        int fullStudios = studioGroups / Shapes.STUDIO_GROUPS;
        if (fullStudios > 0) {
            changed.add(Shapes.studio(fullStudios, Shapes.STUDIO_GROUPS));
        }
        if (studioGroups % Shapes.STUDIO_GROUPS > 0) {
            changed.add(new RoomSpec(SpaceKind.STUDIO, "STUDIOS", "Small studio", 1,
                    Shapes.STUDIO_SEATS_PER_GROUP * (studioGroups % Shapes.STUDIO_GROUPS),
                    studioGroups % Shapes.STUDIO_GROUPS, List.of(SpacePlanner.COMPUTERS)));
        }
        return withRooms(changed);
    }

    private static boolean general(RoomSpec r) {
        return r.kind() == SpaceKind.CLASSROOM || r.kind() == SpaceKind.STUDIO;
    }

    /** Every accommodation share times {@code factor}. */
    public ShapeParameters withAccommodationLoad(double factor) {
        return new ShapeParameters(name, schoolName, cohort, staffing, rooms, bell, modalities,
                accommodations.times(factor), attendance, keepApartShare, requests, projects, trip, catchAll);
    }

    /** The museum trip (added when the shape has none) {@code minutes} away. */
    public ShapeParameters withOffsiteTravel(int minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("travel time cannot be negative, was " + minutes);
        }
        Trip t = trip == null ? Trip.museum(minutes) : trip.withTravelMinutes(minutes);
        return new ShapeParameters(name, schoolName, cohort, staffing, rooms, bell, modalities, accommodations,
                attendance, keepApartShare, requests, projects, t, catchAll);
    }

    public ShapeParameters withPartTimeShare(double share) {
        return withStaffing(staffing.withPartTimeShare(share));
    }

    /** {@code share} of the students arrive late or leave early (in the shape's proportion; 3 late to 2 early). */
    public ShapeParameters withLateShare(double share) {
        double both = attendance.late() + attendance.early();
        double late = both == 0 ? 0.6 : attendance.late() / both;
        AttendanceMix a = new AttendanceMix(attendance.absent(), share * late, share * (1 - late),
                attendance.commitments(), attendance.lateBlocks(), attendance.earlyBlocks());
        return new ShapeParameters(name, schoolName, cohort, staffing, rooms, bell, modalities, accommodations, a,
                keepApartShare, requests, projects, trip, catchAll);
    }

    /** {@code share} of the students work two or more grades behind; the others spread as before. */
    public ShapeParameters withBehindShare(double share) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("the behind share is within [0, 1], not " + share);
        }
        LevelSpread s = cohort.spread();
        double three = s.upToThreeBehind();
        double two = s.upToTwoBehind() - three;
        double rest = 1 - s.upToTwoBehind();
        double threeShare = three + two == 0 ? 1 / 3.0 : three / (three + two);
        double[] others = rest == 0 ? new double[] {0.4, 0.45, 0.15, 0}
                : new double[] {(s.upToOneBehind() - s.upToTwoBehind()) / rest,
                        (s.upToAtGrade() - s.upToOneBehind()) / rest, (s.upToOneAhead() - s.upToAtGrade()) / rest,
                        (1 - s.upToOneAhead()) / rest};
        double r = 1 - share;
        LevelSpread spread = LevelSpread.shares(share * threeShare, share * (1 - threeShare), r * others[0],
                r * others[1], r * others[2], r * others[3]);
        Cohort c = new Cohort(cohort.students(), cohort.minGrade(), cohort.maxGrade(), spread);
        return new ShapeParameters(name, schoolName, c, staffing, rooms, bell, modalities, accommodations,
                attendance, keepApartShare, requests, projects, trip, catchAll);
    }

    public ShapeParameters withKeepApartShare(double share) {
        return new ShapeParameters(name, schoolName, cohort, staffing, rooms, bell, modalities, accommodations,
                attendance, share, requests, projects, trip, catchAll);
    }

    public ShapeParameters withCatchAll(boolean on) {
        return new ShapeParameters(name, schoolName, cohort, staffing, rooms, bell, modalities, accommodations,
                attendance, keepApartShare, requests, projects, trip, on);
    }

    public ShapeParameters withStaffing(Staffing s) {
        return new ShapeParameters(name, schoolName, cohort, s, rooms, bell, modalities, accommodations, attendance,
                keepApartShare, requests, projects, trip, catchAll);
    }

    public ShapeParameters withRooms(List<RoomSpec> r) {
        return new ShapeParameters(name, schoolName, cohort, staffing, r, bell, modalities, accommodations,
                attendance, keepApartShare, requests, projects, trip, catchAll);
    }
}
