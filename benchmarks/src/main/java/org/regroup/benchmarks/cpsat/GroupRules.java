package org.regroup.benchmarks.cpsat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import org.regroup.benchmarks.cpsat.DayModel.Seat;
import org.regroup.domain.BlockKind;
import org.regroup.domain.FocusKind;
import org.regroup.domain.SkillState;
import org.regroup.solver.constraints.Rules;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.GroupSummary;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Option;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;

/**
 * The rules GroupSummary counts per session, priced per member from what each student works on and in which
 * modality (a member of a plan that breaks no hard rule is always READY, so every count applies to every member),
 * plus the medium minimum size and the per-session soft rules.
 */
final class GroupRules {

    private static final int MIXED_MASTERY_TOLERANCE = 20;

    private final DayModel m;
    private final CpModel model;
    private final Map<Placement, IntVar> masteries = new java.util.HashMap<>();

    private GroupRules(DayModel m) {
        this.m = m;
        this.model = m.model;
    }

    static void addTo(DayModel m) {
        GroupRules g = new GroupRules(m);
        for (Placement p : m.placements) {
            g.member(p);
        }
        for (Session s : m.sessions) {
            g.session(s);
        }
    }

    private void member(Placement p) {
        Learner l = p.getLearner();
        Option best = l.best(p.getPeriod());
        Map<SkillState, List<LinearArgument>> byState = new java.util.EnumMap<>(SkillState.class);
        for (Map.Entry<Focus, BoolVar> e : m.worksOn.get(p.getIndex()).entrySet()) {
            Focus f = e.getKey();
            Option o = l.option(p.getPeriod(), f);
            BoolVar works = e.getValue();
            int goalGap = Math.max(0, best.goalValue() - o.goalValue());
            if (goalGap > 0) {
                m.score.add(Rules.GOAL_MISSED, works, goalGap);
            }
            if (f.isSkill()) {
                int urgencyGap = Math.min(GroupSummary.MAX_URGENCY_GAP,
                        Math.max(0, best.focus().getUnlocks() - f.getUnlocks()));
                if (urgencyGap > 0) {
                    m.score.add(Rules.LESS_URGENT, works, urgencyGap);
                }
                if (o.state() != null) {
                    byState.computeIfAbsent(o.state(), st -> new ArrayList<>()).add(works);
                }
            } else if (f.getKind() == FocusKind.ACTIVITY && o.interest() == 0) {
                m.score.add(Rules.INTEREST_MISSED, works);
            }
        }
        // Modality does not suit skill state: (state of what they work on) × (their modality).
        Map<Mode, BoolVar> modes = m.placedIn.get(p.getIndex());
        byState.forEach((state, works) -> {
            List<LinearArgument> unsuited = modes.entrySet().stream().filter(e -> !e.getKey().suits(state))
                    .map(e -> (LinearArgument) e.getValue()).toList();
            if (!unsuited.isEmpty()) {
                m.score.add(Rules.STATE_MISFIT, m.logic.and(Logic.sum(works), Logic.sum(unsuited)));
            }
        });
        boolean skills = p.getPeriod().getKind() == BlockKind.SKILLS;
        modes.forEach((mode, in) -> {
            if (l.avoids(mode)) {
                m.score.add(Rules.MODALITY_AVOIDED, in);
            } else if (l.hasPreferences() && !l.prefers(mode)) {
                m.score.add(Rules.MODALITY_NOT_PREFERRED, in);
            }
            if (l.isBehind() && !mode.isStaffLed() && skills) {
                m.score.add(Rules.BEHIND_UNSUPERVISED, in);
            }
            if (!mode.isStaffLed() && skills) {
                m.score.add(Rules.PRACTISING_ALONE, in); // catch-all seats are taken back out below
            }
        });
        for (Seat seat : m.seatsOfPlacement.get(p.getIndex())) {
            if (seat.session().isCatchAll()) {
                m.score.add(Rules.CATCH_ALL_USED, seat.var());
                if (skills && !seat.session().getAllowedModes().get(0).isStaffLed()) {
                    m.score.add(Rules.PRACTISING_ALONE, seat.var(), -1);
                }
            }
        }
    }

    private void session(Session s) {
        int i = s.getIndex();
        if (s.isCatchAll()) {
            return;
        }
        m.score.add(Rules.OPEN_SESSION, m.open.get(i));
        underMinimum(s);
        mixedMastery(s);
    }

    /** Group below modality's minimum size: open ? max(0, min − size) : 0. */
    private void underMinimum(Session s) {
        int i = s.getIndex();
        LinearExprBuilder minimum = LinearExpr.newBuilder();
        int largest = 0;
        BoolVar[] z = m.modeVars.get(i);
        for (int k = 0; k < z.length; k++) {
            int min = s.getAllowedModes().get(k).getMinSize();
            minimum.addTerm(z[k], min);
            largest = Math.max(largest, min);
        }
        if (largest <= 1) {
            return; // an open session has at least one member
        }
        IntVar shortBy = model.newIntVar(0, largest, "under_" + s.getId());
        IntVar gap = model.newIntVar(0, largest, "gap_" + s.getId());
        model.addMaxEquality(gap, new LinearArgument[] { LinearExpr.constant(0),
                LinearExpr.newBuilder().add(minimum).addTerm(m.size.get(i), -1).build() });
        model.addEquality(shortBy, gap).onlyEnforceIf(m.open.get(i));
        model.addEquality(shortBy, 0).onlyEnforceIf(m.open.get(i).not());
        m.score.add(Rules.GROUP_UNDER_MINIMUM, shortBy);
    }

    /**
     * Group mixed in mastery: max(0, round(100 × (max − min mastery)) − 20) over the members of a shared skill focus.
     * Masteries are read in hundredths, exact for the two-decimal masteries of the bundled datasets. Each member's
     * mastery of what they work on is one variable per placement; the session takes max and min over its seats and
     * counts the spread only when it runs a shared focus (an individual modality has none).
     */
    private void mixedMastery(Session s) {
        Map<Focus, BoolVar> y = m.focusVars.get(s.getIndex());
        if (y.keySet().stream().noneMatch(Focus::isSkill)) {
            return;
        }
        List<LinearArgument> highs = new ArrayList<>();
        List<LinearArgument> lows = new ArrayList<>();
        for (Seat seat : m.seatsOfSession.get(s.getIndex())) {
            IntVar mastery = masteryOf(seat.placement());
            if (mastery == null) {
                continue;
            }
            IntVar high = model.newIntVar(0, 100, "hi_" + seat.placement().getId() + "_" + s.getId());
            model.addEquality(high, mastery).onlyEnforceIf(seat.var());
            model.addEquality(high, 0).onlyEnforceIf(seat.var().not());
            IntVar low = model.newIntVar(0, 100, "lo_" + seat.placement().getId() + "_" + s.getId());
            model.addEquality(low, mastery).onlyEnforceIf(seat.var());
            model.addEquality(low, 100).onlyEnforceIf(seat.var().not());
            highs.add(high);
            lows.add(low);
        }
        if (highs.size() < 2) {
            return;
        }
        IntVar max = model.newIntVar(0, 100, "maxmastery_" + s.getId());
        IntVar min = model.newIntVar(0, 100, "minmastery_" + s.getId());
        model.addMaxEquality(max, highs);
        model.addMinEquality(min, lows);
        IntVar over = model.newIntVar(0, 100 - MIXED_MASTERY_TOLERANCE, "over_" + s.getId());
        model.addMaxEquality(over, new LinearArgument[] { LinearExpr.constant(0),
                LinearExpr.newBuilder().add(max).addTerm(min, -1).add(-MIXED_MASTERY_TOLERANCE).build() });
        IntVar counted = model.newIntVar(0, 100 - MIXED_MASTERY_TOLERANCE, "spread_" + s.getId());
        BoolVar sharedFocus = m.sharedOpen.get(s.getIndex());
        model.addEquality(counted, over).onlyEnforceIf(sharedFocus);
        model.addEquality(counted, 0).onlyEnforceIf(sharedFocus.not());
        m.score.add(Rules.MIXED_MASTERY, counted);
    }

    /** The member's mastery (hundredths) of the skill they work on in that block; null without skill options. */
    private IntVar masteryOf(Placement p) {
        return masteries.computeIfAbsent(p, key -> {
            LinearExprBuilder mastery = LinearExpr.newBuilder();
            boolean any = false;
            for (Map.Entry<Focus, BoolVar> e : m.worksOn.get(p.getIndex()).entrySet()) {
                if (e.getKey().isSkill()) {
                    mastery.addTerm(e.getValue(), hundredths(p.getLearner().option(p.getPeriod(), e.getKey()).mastery()));
                    any = true;
                }
            }
            if (!any) {
                return null;
            }
            IntVar v = model.newIntVar(0, 100, "mastery_" + p.getId());
            model.addEquality(v, mastery);
            return v;
        });
    }

    static long hundredths(double mastery) {
        return Math.round(mastery * 100);
    }
}
