package org.regroup.domain.demo;

import java.util.List;
import java.util.Set;

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
public final class AccommodationPlanner {

    static final int ONE_TO_ONE_MINUTES = 45;
    private static final double SHARE = 0.12;

    private final List<TimeBlock> blocks;
    private final int oneToOneBudget;
    private final int quietBudget;
    private final int quietSeats;
    private final boolean offSite;
    private final Draw draw;

    public AccommodationPlanner(List<TimeBlock> blocks, List<Staff> staff, List<Space> spaces, School school,
            boolean offSite, Draw draw) {
        List<String> skillBlocks = blocks.stream().filter(b -> b.kindOrDefault() == BlockKind.SKILLS)
                .map(TimeBlock::id).toList();
        int oneToOneBlocks = staff.stream().filter(s -> s.role() == StaffRole.TUTOR || s.role() == StaffRole.SPECIALIST)
                .mapToInt(s -> (int) skillBlocks.stream().filter(s::availableIn).count()).sum();
        this.blocks = blocks;
        this.oneToOneBudget = oneToOneBlocks / 2;
        int quietSeats = spaces.stream().filter(s -> s.features().contains(SpacePlanner.QUIET))
                .mapToInt(s -> s.capacity() - catchAllIn(school, s)).sum();
        this.quietSeats = quietSeats;
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

    /**
     * Exact counts of each need among the students present today, drawn independently (so some students have
     * several). Minimums are capped at what the student's own skill blocks can give, and quiet-space needs at the
     * quiet seats, so no need is impossible by itself; whether the adults can serve them all is the shape's business.
     */
    public void plan(List<StudentDraft> drafts, AccommodationLoad load) {
        List<StudentDraft> present = drafts.stream().filter(d -> !d.absent).toList();
        int n = present.size();
        Set<StudentDraft> staffLed = Set.copyOf(draw.sample(present, Draw.share(load.staffLed(), n)));
        Set<StudentDraft> oneToOne = Set.copyOf(draw.sample(present, Draw.share(load.oneToOne(), n)));
        Set<StudentDraft> quiet = Set.copyOf(draw.sample(present, Math.min(quietSeats,
                Draw.share(load.quiet(), n))));
        Set<StudentDraft> onSite = Set.copyOf(draw.sample(present, Draw.share(load.noOffSite(), n)));
        Set<StudentDraft> online = Set.copyOf(draw.sample(present, Draw.share(load.maxOnline(), n)));
        for (StudentDraft s : present) {
            List<TimeBlock> skillBlocks = blocks.stream()
                    .filter(b -> b.kindOrDefault() == BlockKind.SKILLS && s.presentIn(b.id())).toList();
            Integer minStaffLed = staffLed.contains(s) ? positive(Math.min(load.staffLedBlocks(),
                    skillBlocks.size())) : null;
            Integer minutes = oneToOne.contains(s) ? positive(skillBlocks.stream().limit(load.oneToOneBlocks())
                    .mapToInt(TimeBlock::minutes).min().orElse(0) * Math.min(load.oneToOneBlocks(),
                            skillBlocks.size())) : null;
            Accommodations a = new Accommodations(minStaffLed, minutes, onSite.contains(s), quiet.contains(s),
                    online.contains(s) ? 1 : null);
            if (a.any()) {
                s.accommodations = a;
            }
        }
    }

    private static Integer positive(int n) {
        return n > 0 ? n : null;
    }
}
