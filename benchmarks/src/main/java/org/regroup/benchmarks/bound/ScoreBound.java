package org.regroup.benchmarks.bound;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.regroup.domain.DayProblem;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.Ask;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * An upper bound on the soft score of any plan of a day with 0 hard and 0 medium: no workable plan scores above it.
 * Each student is planned alone — every block at its best candidate session, modality and focus, the student's
 * whole-day rules exactly — ignoring capacity, group sizes and everything students do to each other. docs/bound.md
 * says rule by rule what is charged, what is relaxed to 0 and why that is sound.
 */
public final class ScoreBound {

    /** How much of a student's day is priced together. */
    public enum Level {
        /** Each student-block alone at its best option; whole-day rules relaxed to 0 (the plainest relaxation). */
        PLACEMENT,
        /** Each student's whole day alone: also advisor, requests, same skill twice, same modality all day, peers. */
        STUDENT_DAY
    }

    /** What one rule contributes: the soft points the bound charges for it (0 where relaxed). */
    public record RuleBound(String rule, Term.How how, double penalty) {
        public boolean relaxed() {
            return how == Term.How.RELAXED;
        }
    }

    /**
     * @param workable false when the bound proves no plan has 0 hard / 0 medium (a student with no workable
     *                 choice in some block, or an admin-required request no choice meets); {@code soft} is then
     *                 meaningless
     * @param soft     the bound: no workable plan's soft score is higher
     * @param penalty  the relaxation's optimum as a penalty (≥ 0; {@code soft} is its negation rounded down)
     * @param rules    each soft rule's share of {@code penalty}, in the order of {@link Term}
     */
    public record Result(Level level, boolean workable, long soft, double penalty, List<RuleBound> rules,
            int students, int studentBlocks) {

        /** The score keeps to the bound: it is not workable, or its soft part is at most the bound. */
        public boolean admits(HardMediumSoftScore score) {
            boolean zero = score.hardScore() == 0 && score.mediumScore() == 0;
            return !zero || workable && score.softScore() <= soft;
        }

        /**
         * The gap of a soft score to the bound, in % of the bound: {@code 100 × (bound − soft) / |bound|}; when
         * the bound is 0, {@code 100 × (bound − soft) / max(1, |soft|)} (then 100 % for any score below 0).
         */
        public double gapPercent(long score) {
            double denominator = soft != 0 ? Math.abs(soft) : Math.max(1, Math.abs(score));
            return 100.0 * (soft - score) / denominator;
        }
    }

    private ScoreBound() {
    }

    public static Result of(DayProblem problem) {
        return of(DayPlanBuilder.build(problem, "bound"), Level.STUDENT_DAY);
    }

    public static Result of(DayPlan day) {
        return of(day, Level.STUDENT_DAY);
    }

    public static Result of(DayPlan day, Level level) {
        boolean coupled = level == Level.STUDENT_DAY;
        Weights w = Weights.of(day);
        BlockChoices choices = new BlockChoices(w);
        StudentDayBound days = new StudentDayBound(w, coupled);
        Map<Learner, List<Placement>> byLearner = new HashMap<>();
        day.getPlacements().forEach(p -> byLearner.computeIfAbsent(p.getLearner(), l -> new ArrayList<>()).add(p));
        Map<Learner, List<Ask>> asks = new HashMap<>();
        day.getAsks().forEach(a -> asks.computeIfAbsent(a.learner(), l -> new ArrayList<>()).add(a));
        double[] byTerm = new double[Term.COUNT];
        boolean workable = true;
        int blocks = 0;
        for (Learner l : day.getLearners()) {
            List<Placement> mine = new ArrayList<>(byLearner.getOrDefault(l, List.of()));
            mine.sort(Comparator.comparingInt(p -> p.getPeriod().getIndex()));
            StudentDayBound.Goals goals = new StudentDayBound.Goals(l, asks.getOrDefault(l, List.of()), coupled);
            List<StudentDayBound.Block> path = new ArrayList<>();
            for (Placement p : mine) {
                path.add(new StudentDayBound.Block(p.getPeriod(), choices.of(p, mayTravel(p, mine), goals)));
            }
            blocks += mine.size();
            StudentDayBound.Day best = days.cheapest(goals, path);
            if (best == null) {
                workable = false;
                continue;
            }
            for (int t = 0; t < Term.COUNT; t++) {
                byTerm[t] += best.byTerm()[t];
            }
            if (coupled && neverWithPeers(l, mine, byLearner)) {
                byTerm[Term.PEERS.ordinal()] += w.of(Term.PEERS);
            }
        }
        double penalty = 0;
        List<RuleBound> rules = new ArrayList<>();
        for (Term t : Term.values()) {
            penalty += byTerm[t.ordinal()];
            Term.How how = !coupled && (t.how() == Term.How.STUDENT_DAY || t.how() == Term.How.CERTAIN)
                    ? Term.How.RELAXED : t.how();
            rules.add(new RuleBound(t.rule(), how, byTerm[t.ordinal()]));
        }
        // Scores are whole numbers: a score at most -penalty is at most its floor (the epsilon absorbs rounding).
        long soft = (long) Math.floor(-penalty + 1e-6);
        return new Result(level, workable, soft, penalty, List.copyOf(rules), day.getLearners().size(), blocks);
    }

    /**
     * The block may stay empty in a workable plan only when travel to an off-site session in the block before or
     * after could take it: some candidate session there may use an off-site space whose travel exceeds the gap.
     */
    static boolean mayTravel(Placement p, List<Placement> sameStudent) {
        int at = p.getPeriod().getIndex();
        for (Placement q : sameStudent) {
            int i = q.getPeriod().getIndex();
            if (i != at - 1 && i != at + 1) {
                continue;
            }
            int gap = i == at - 1 ? q.getPeriod().getGapAfterMinutes() : q.getPeriod().getGapBeforeMinutes();
            for (Session s : sessionsOf(q)) {
                for (Room r : roomsOf(s)) {
                    if (r.isOffSite() && r.getTravelMinutes() > 0 && r.getTravelMinutes() > gap) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** "Peers never together" is certain when the student and none of their peers share a candidate session. */
    static boolean neverWithPeers(Learner l, List<Placement> mine, Map<Learner, List<Placement>> byLearner) {
        if (l.getPeers().isEmpty()) {
            return false;
        }
        for (Placement p : mine) {
            Set<Session> here = sessionsOf(p);
            for (Learner peer : l.getPeers()) {
                for (Placement q : byLearner.getOrDefault(peer, List.of())) {
                    if (q.getPeriod() == p.getPeriod() && sessionsOf(q).stream().anyMatch(here::contains)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static Set<Session> sessionsOf(Placement p) {
        Set<Session> all = new HashSet<>(p.getCandidates());
        if (p.getSession() != null) {
            all.add(p.getSession());
        }
        return all;
    }

    private static Set<Room> roomsOf(Session s) {
        Set<Room> all = new LinkedHashSet<>(s.getAllowedRooms());
        if (s.getRoom() != null) {
            all.add(s.getRoom());
        }
        return all;
    }
}
