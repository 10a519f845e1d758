package org.regroup.domain.demo.shapes;

import java.util.List;
import java.util.Set;

import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.demo.Draw;

/**
 * Who may take students off site: on a trip day exactly the trip's cleared teachers, all of them in for the whole
 * day (the first of them in staff order organises the trip); on other days the adults as drawn (nobody).
 */
final class OffSiteClearance {

    private OffSiteClearance() {
    }

    static List<Staff> clear(List<Staff> staff, Trip trip, Draw draw) {
        if (trip == null) {
            return staff;
        }
        List<Staff> fullDayTeachers = staff.stream()
                .filter(s -> s.role() == StaffRole.TEACHER && s.availableBlocks() == null).toList();
        if (fullDayTeachers.size() < trip.clearedAdults()) {
            throw new IllegalArgumentException("a trip needs " + trip.clearedAdults()
                    + " full-day teachers cleared to go off site; this school has " + fullDayTeachers.size());
        }
        Set<String> cleared = Set.copyOf(draw.sample(fullDayTeachers, trip.clearedAdults()).stream()
                .map(Staff::id).toList());
        return staff.stream().map(s -> new Staff(s.id(), s.name(), s.role(), s.qualifications(), s.modalities(),
                s.availableBlocks(), s.maxTeachingBlocks(), s.maxStudents(), s.advisees(), cleared.contains(s.id()),
                s.costPerDay())).toList();
    }
}
