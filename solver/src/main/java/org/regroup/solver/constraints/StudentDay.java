package org.regroup.solver.constraints;

import java.util.Comparator;
import java.util.List;

import org.regroup.domain.BlockKind;
import org.regroup.solver.model.Ask;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Room;

/**
 * A student's placed blocks in day order: what the whole-day rules (accommodations, variety, advisor, requests,
 * travel) are checked against.
 */
public record StudentDay(Learner learner, List<DayEntry> entries) {

    public StudentDay {
        entries = entries.stream().sorted(Comparator.comparingInt(e -> e.period().getIndex())).toList();
    }

    public int staffLedBlocks() {
        return (int) entries.stream().filter(DayEntry::staffLed).count();
    }

    public int staffLedShortfall() {
        return Math.max(0, learner.getMinStaffLedBlocks() - staffLedBlocks());
    }

    public int oneToOneMinutes() {
        return entries.stream().filter(e -> e.mode().isOneToOne()).mapToInt(e -> e.period().getMinutes()).sum();
    }

    public int oneToOneShortfallMinutes() {
        return Math.max(0, learner.getOneToOneMinutes() - oneToOneMinutes());
    }

    public int onlineExcess() {
        long online = entries.stream().filter(e -> e.mode().isOnline()).count();
        return (int) Math.max(0, online - learner.getMaxOnlineBlocks());
    }

    /** Skill blocks spent in one modality only, when there are at least three of them. */
    public Mode sameModalityAllDay() {
        List<DayEntry> skillBlocks = entries.stream().filter(e -> e.period().getKind() == BlockKind.SKILLS).toList();
        if (skillBlocks.size() < 3) {
            return null;
        }
        Mode first = skillBlocks.get(0).mode();
        return skillBlocks.stream().allMatch(e -> e.mode() == first) ? first : null;
    }

    /** Consecutive blocks on the same skill where the first is not a double block. */
    public List<DayEntry> repeatedSkills() {
        java.util.ArrayList<DayEntry> repeats = new java.util.ArrayList<>();
        for (int i = 1; i < entries.size(); i++) {
            DayEntry before = entries.get(i - 1);
            DayEntry now = entries.get(i);
            if (now.period().getIndex() == before.period().getIndex() + 1 && now.focus() != null
                    && now.focus().isSkill() && now.focus() == before.focus() && !before.period().isDoubleWithNext()) {
                repeats.add(now);
            }
        }
        return repeats;
    }

    public boolean seesAdvisor() {
        return entries.stream().anyMatch(e -> e.session().getAdult() == learner.getAdvisor());
    }

    public boolean honours(Ask ask) {
        return entries.stream().anyMatch(e -> ask.honouredBy(e.period(), e.session()));
    }

    /**
     * Blocks next to an off-site session whose travel does not fit in the gap between blocks, where the student is
     * somewhere else than that site.
     */
    public List<DayEntry> travelConflicts() {
        java.util.ArrayList<DayEntry> conflicts = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            DayEntry e = entries.get(i);
            Room site = e.room();
            if (site == null || !site.isOffSite() || site.getTravelMinutes() == 0) {
                continue;
            }
            if (i > 0 && needsTravelBetween(entries.get(i - 1), e, site, e.period().getGapBeforeMinutes())) {
                conflicts.add(entries.get(i - 1));
            }
            if (i + 1 < entries.size() && needsTravelBetween(entries.get(i + 1), e, site, e.period().getGapAfterMinutes())) {
                conflicts.add(entries.get(i + 1));
            }
        }
        return conflicts;
    }

    private static boolean needsTravelBetween(DayEntry neighbour, DayEntry offSite, Room site, int gap) {
        return Math.abs(neighbour.period().getIndex() - offSite.period().getIndex()) == 1
                && site.getTravelMinutes() > gap && neighbour.room() != site;
    }

    /** True when the student travels to or from an off-site session during {@code periodIndex}. */
    public boolean travelsDuring(int periodIndex) {
        for (DayEntry e : entries) {
            Room site = e.room();
            if (site == null || !site.isOffSite() || site.getTravelMinutes() == 0) {
                continue;
            }
            int at = e.period().getIndex();
            if ((periodIndex == at - 1 && site.getTravelMinutes() > e.period().getGapBeforeMinutes())
                    || (periodIndex == at + 1 && site.getTravelMinutes() > e.period().getGapAfterMinutes())) {
                return true;
            }
        }
        return false;
    }

    public List<String> blockIds() {
        return entries.stream().map(e -> e.period().getId()).toList();
    }
}
