package org.regroup.domain.demo.shapes;

import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.StaffRole;
import org.regroup.domain.demo.Draw;
import org.regroup.domain.demo.StaffGroup;

/**
 * A shape's adults: role by role (teachers, aides, specialists, tutors, counselors, in that order), and the share of
 * teachers and aides out today (away all day: the over-constrained day).
 */
public record Staffing(List<RoleStaff> roles, double outShare) {

    private static final List<StaffRole> ORDER = List.of(StaffRole.TEACHER, StaffRole.AIDE, StaffRole.SPECIALIST,
            StaffRole.TUTOR, StaffRole.COUNSELOR);

    public Staffing {
        List<RoleStaff> ordered = new ArrayList<>();
        for (StaffRole role : ORDER) {
            List<RoleStaff> of = roles.stream().filter(r -> r.role() == role).toList();
            if (of.size() > 1) {
                throw new IllegalArgumentException("one entry per role; " + role + " has " + of.size());
            }
            ordered.add(of.isEmpty() ? RoleStaff.of(role, 0, null, null) : of.get(0));
        }
        roles = List.copyOf(ordered);
        if (outShare < 0 || outShare > 1) {
            throw new IllegalArgumentException("the share of staff out is within [0, 1], not " + outShare);
        }
        if (roles.stream().mapToInt(RoleStaff::count).sum() == 0) {
            throw new IllegalArgumentException("a school needs at least one adult");
        }
    }

    public static Staffing of(RoleStaff... roles) {
        return new Staffing(List.of(roles), 0);
    }

    public RoleStaff role(StaffRole role) {
        return roles.stream().filter(r -> r.role() == role).findFirst().orElseThrow();
    }

    public int count(StaffRole role) {
        return role(role).count();
    }

    public int adults() {
        return roles.stream().mapToInt(RoleStaff::count).sum();
    }

    public Staffing withOutShare(double share) {
        return new Staffing(roles, share);
    }

    public Staffing with(RoleStaff changed) {
        return new Staffing(roles.stream().map(r -> r.role() == changed.role() ? changed : r).toList(), outShare);
    }

    /** The same mix of roles, {@code adults} in all (largest remainder; at least one teacher). */
    public Staffing withAdults(int adults) {
        if (adults < 1) {
            throw new IllegalArgumentException("a school needs at least one adult");
        }
        int total = adults();
        int[] counts = new int[roles.size()];
        double[] remainder = new double[roles.size()];
        int given = 0;
        for (int i = 0; i < roles.size(); i++) {
            double exact = roles.get(i).count() * (double) adults / total;
            counts[i] = (int) exact;
            remainder[i] = exact - counts[i];
            given += counts[i];
        }
        while (given < adults) {
            int best = 0;
            for (int i = 1; i < counts.length; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainder[best] = -1;
            given++;
        }
        if (counts[0] == 0) { // someone certified to teach
            int largest = 1;
            for (int i = 2; i < counts.length; i++) {
                largest = counts[i] > counts[largest] ? i : largest;
            }
            counts[largest]--;
            counts[0]++;
        }
        List<RoleStaff> scaled = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            scaled.add(roles.get(i).withCount(counts[i]));
        }
        return new Staffing(scaled, outShare);
    }

    /** Every role with this part-time share (certified staff work mornings, aides and tutors afternoons). */
    public Staffing withPartTimeShare(double share) {
        return new Staffing(roles.stream().map(r -> r.partTime(share, r.partTimeBlocks())).toList(), outShare);
    }

    /** For the demo planners: each role's adults, part-timers counted exactly, nobody cleared to go off site yet. */
    List<StaffGroup> groups() {
        List<StaffGroup> groups = new ArrayList<>();
        for (RoleStaff r : roles) {
            boolean certified = r.role() == StaffRole.TEACHER || r.role() == StaffRole.SPECIALIST
                    || r.role() == StaffRole.COUNSELOR;
            StaffGroup.Qualified qualified = switch (r.role()) {
                case TEACHER -> StaffGroup.Qualified.BANDS;
                case SPECIALIST, TUTOR -> StaffGroup.Qualified.ALL_LEVELS;
                case AIDE, COUNSELOR -> StaffGroup.Qualified.NONE;
            };
            groups.add(new StaffGroup(r.role(), r.count(), Draw.share(r.partTimeShare(), r.count()),
                    certified ? StaffGroup.Shift.MORNING : StaffGroup.Shift.AFTERNOON, r.partTimeBlocks(),
                    StaffGroup.TeachingLimit.of(r.maxTeachingBlocks()), r.maxStudents(), 0, cost(r.role()),
                    qualified));
        }
        return groups;
    }

    private static double cost(StaffRole role) {
        return switch (role) {
            case TEACHER -> 420.0;
            case AIDE -> 180.0;
            case SPECIALIST -> 460.0;
            case TUTOR -> 220.0;
            case COUNSELOR -> 440.0;
        };
    }
}
