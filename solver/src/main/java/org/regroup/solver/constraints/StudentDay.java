package org.regroup.solver.constraints;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;

/**
 * A student's placed blocks in day order, with the whole-day figures the KPIs and the plan report (accommodations
 * delivered, travel). The constraints compute the same rules incrementally from {@link DayEntry} streams;
 * both use the travel logic of {@link DayEntry}.
 */
public final class StudentDay {

    private final Learner learner;
    /** Entries by block index; null where the student has no session. */
    private final DayEntry[] byPeriod;
    private final List<DayEntry> entries;
    private final int staffLedBlocks;
    private final int oneToOneMinutes;
    private final int onlineBlocks;
    private final boolean hasOffSiteTravel;

    public StudentDay(Learner learner, List<DayEntry> placed) {
        this.learner = learner;
        int length = 0;
        for (DayEntry e : placed) {
            length = Math.max(length, e.period().getIndex() + 1);
        }
        this.byPeriod = new DayEntry[length];
        for (DayEntry e : placed) {
            byPeriod[e.period().getIndex()] = e;
        }
        List<DayEntry> ordered = new ArrayList<>(placed.size());
        int staffLed = 0;
        int oneToOne = 0;
        int online = 0;
        boolean offSiteTravel = false;
        for (DayEntry e : byPeriod) {
            if (e == null) {
                continue;
            }
            ordered.add(e);
            if (e.staffLed()) {
                staffLed++;
            }
            if (e.oneToOne()) {
                oneToOne += e.period().getMinutes();
            }
            if (e.mode().isOnline()) {
                online++;
            }
            offSiteTravel |= e.isTravelSite();
        }
        this.entries = Collections.unmodifiableList(ordered);
        this.staffLedBlocks = staffLed;
        this.oneToOneMinutes = oneToOne;
        this.onlineBlocks = online;
        this.hasOffSiteTravel = offSiteTravel;
    }

    /** Each learner's placed day, in the plan's order of learners. */
    public static Map<Learner, StudentDay> of(DayPlan plan) {
        Map<Learner, List<DayEntry>> entries = new LinkedHashMap<>();
        plan.getLearners().forEach(l -> entries.put(l, new ArrayList<>()));
        for (Placement p : plan.getPlacements()) {
            Session s = p.getSession();
            if (s != null) {
                entries.get(p.getLearner()).add(DayEntry.of(p.getLearner(), p.getPeriod(), s));
            }
        }
        Map<Learner, StudentDay> days = new LinkedHashMap<>();
        entries.forEach((learner, list) -> days.put(learner, new StudentDay(learner, list)));
        return days;
    }

    /**
     * A present student-block without a session that travel does not excuse: what the medium rule "Student not
     * placed" counts.
     */
    public static boolean isUnplaced(Placement p, Map<Learner, StudentDay> days) {
        return p.getSession() == null && !days.get(p.getLearner()).travelsDuring(p.getPeriod().getIndex());
    }

    public Learner learner() {
        return learner;
    }

    /** Placed blocks in day order. */
    public List<DayEntry> entries() {
        return entries;
    }

    public int staffLedBlocks() {
        return staffLedBlocks;
    }

    public int staffLedShortfall() {
        return Math.max(0, learner.getMinStaffLedBlocks() - staffLedBlocks);
    }

    public int oneToOneMinutes() {
        return oneToOneMinutes;
    }

    public int oneToOneShortfallMinutes() {
        return Math.max(0, learner.getOneToOneMinutes() - oneToOneMinutes);
    }

    public int onlineExcess() {
        return Math.max(0, onlineBlocks - learner.getMaxOnlineBlocks());
    }

    private DayEntry at(int index) {
        return index < byPeriod.length ? byPeriod[index] : null;
    }

    /**
     * Blocks next to an off-site session whose travel does not fit in the gap between blocks, where the student is
     * somewhere else than that site.
     */
    public List<DayEntry> travelConflicts() {
        if (!hasOffSiteTravel) {
            return List.of();
        }
        List<DayEntry> conflicts = new ArrayList<>();
        for (DayEntry e : entries) {
            for (int neighbour : new int[] { e.period().getIndex() - 1, e.period().getIndex() + 1 }) {
                DayEntry other = neighbour >= 0 ? at(neighbour) : null;
                if (other != null && e.travelConflictsWith(other)) {
                    conflicts.add(other);
                }
            }
        }
        return conflicts;
    }

    /** True when the student travels to or from an off-site session during {@code periodIndex}. */
    public boolean travelsDuring(int periodIndex) {
        if (!hasOffSiteTravel) {
            return false;
        }
        DayEntry previous = periodIndex > 0 ? at(periodIndex - 1) : null;
        DayEntry next = at(periodIndex + 1);
        return previous != null && previous.travelTakes(periodIndex) || next != null && next.travelTakes(periodIndex);
    }
}
