package org.regroup.domain.demo.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.demo.Draw;

/**
 * A bad day: a share of the teachers and aides away all day ({@code availableBlocks: []}). Specialists, tutors and
 * counselors stay, so every block keeps an adult and the admin-required requests (which name tutors and
 * specialists) stay satisfiable; a trip's chaperone stays too.
 */
final class StaffOut {

    private StaffOut() {
    }

    static List<Staff> apply(List<Staff> staff, double share, Draw draw) {
        if (share == 0) {
            return staff;
        }
        List<String> out = new ArrayList<>();
        for (StaffRole role : List.of(StaffRole.TEACHER, StaffRole.AIDE)) {
            List<String> ids = staff.stream().filter(s -> s.role() == role && !s.maySuperviseOffSite())
                    .map(Staff::id).toList();
            out.addAll(draw.sample(ids, Draw.share(share, ids.size())));
        }
        Set<String> away = Set.copyOf(out);
        return staff.stream().map(s -> away.contains(s.id()) ? s.withAvailableBlocks(List.of()) : s).toList();
    }
}
