package org.regroup.domain.demo;

import java.util.List;

import org.regroup.domain.Accommodations;
import org.regroup.domain.BlockKind;
import org.regroup.domain.School;
import org.regroup.domain.Space;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.TimeBlock;

/**
 * Accommodations for ~12% of the students, never more than the school can honour: 1:1 time only for as many
 * students as half the tutors' and specialists' skill blocks can serve (one student per 1:1 block), quiet space only
 * for a third of the quiet seats.
 */
final class AccommodationPlanner {

    static final int ONE_TO_ONE_MINUTES = 45;
    private static final double SHARE = 0.12;

    private final int oneToOneBudget;
    private final int quietBudget;
    private final boolean offSite;
    private final Draw draw;

    AccommodationPlanner(List<TimeBlock> blocks, List<Staff> staff, List<Space> spaces, School school,
            boolean offSite, Draw draw) {
        List<String> skillBlocks = blocks.stream().filter(b -> b.kindOrDefault() == BlockKind.SKILLS)
                .map(TimeBlock::id).toList();
        int oneToOneBlocks = staff.stream().filter(s -> s.role() == StaffRole.TUTOR || s.role() == StaffRole.SPECIALIST)
                .mapToInt(s -> (int) skillBlocks.stream().filter(s::availableIn).count()).sum();
        this.oneToOneBudget = oneToOneBlocks / 2;
        int quietSeats = spaces.stream().filter(s -> s.features().contains(SpacePlanner.QUIET))
                .mapToInt(s -> s.capacity() - catchAllIn(school, s)).sum();
        this.quietBudget = quietSeats / 3;
        this.offSite = offSite;
        this.draw = draw;
    }

    private static int catchAllIn(School school, Space space) {
        return school.catchAll().stream().filter(c -> c.spaceId().equals(space.id()))
                .mapToInt(c -> c.capacity() == null ? space.capacity() : c.capacity()).sum();
    }

    void plan(List<StudentDraft> drafts) {
        List<StudentDraft> chosen = draw.sample(drafts, Draw.share(SHARE, drafts.size()));
        int oneToOne = 0;
        int quiet = 0;
        int noOffSite = 0;
        for (StudentDraft s : chosen) {
            Integer staffLed = draw.chance(0.55) ? (draw.chance(0.3) ? 3 : 2) : null;
            Integer minutes = oneToOne < oneToOneBudget && draw.chance(0.25) ? ONE_TO_ONE_MINUTES : null;
            boolean needsQuiet = quiet < quietBudget && draw.chance(0.2);
            Integer maxOnline = draw.chance(0.25) ? 1 : null;
            // on an off-site day a few must stay behind, so the rule is exercised
            boolean stayOnSite = draw.chance(offSite ? 0.4 : 0.08) || (offSite && noOffSite < 3);
            if (staffLed == null && minutes == null && !needsQuiet && maxOnline == null && !stayOnSite) {
                staffLed = 2;
            }
            oneToOne += minutes == null ? 0 : 1;
            quiet += needsQuiet ? 1 : 0;
            noOffSite += stayOnSite ? 1 : 0;
            s.accommodations = new Accommodations(staffLed, minutes, stayOnSite, needsQuiet, maxOnline);
        }
    }
}
