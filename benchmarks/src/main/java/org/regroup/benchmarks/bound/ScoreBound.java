package org.regroup.benchmarks.bound;

import java.util.ArrayList;
import java.util.Arrays;
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
 * whole-day rules exactly — and seat prices (a Lagrangian relaxation, {@link CapacityPrices}) charge back part of
 * what students do to each other: a session runs one modality on one focus for at most so many students, an adult
 * runs at most so many sessions. Group minimums, mixed mastery and adults' room changes are relaxed to 0.
 * docs/bound.md says rule by rule what is charged, what is relaxed and why that is sound.
 */
public final class ScoreBound {

    /** How much of a student's day is priced together. */
    public enum Level {
        /** Each student-block alone at its best option; whole-day rules relaxed to 0 (the plainest relaxation). */
        PLACEMENT,
        /** Each student's whole day alone: also advisor, requests, same skill twice, same modality all day, peers. */
        STUDENT_DAY,
        /**
         * As {@link #STUDENT_DAY}, with seat prices ({@link CapacityPrices}) for what the students relaxed apart do
         * to each other: a session's capacity, its one modality and shared focus, an adult's teaching blocks.
         */
        CAPACITY
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
     * @param rules    each soft rule's share of {@code penalty}, in the order of {@link Term}: what the rule
     *                 charges the students' cheapest days at the final prices
     * @param seatPrices the rest of {@code penalty}: what the seats the students take cost net of what the
     *                 sessions give back ({@link CapacityPrices}; 0 below {@link Level#CAPACITY})
     */
    public record Result(Level level, boolean workable, long soft, double penalty, List<RuleBound> rules,
            double seatPrices, int students, int studentBlocks) {

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
            return ScoreBound.gapPercent(soft, score);
        }
    }

    /** {@link Result#gapPercent} for a bound kept apart from its result (the benchmark suite's records). */
    public static double gapPercent(long bound, long score) {
        double denominator = bound != 0 ? Math.abs(bound) : Math.max(1, Math.abs(score));
        return 100.0 * (bound - score) / denominator;
    }

    private ScoreBound() {
    }

    public static Result of(DayProblem problem) {
        return of(DayPlanBuilder.build(problem, "bound"), Level.CAPACITY);
    }

    public static Result of(DayPlan day) {
        return of(day, Level.CAPACITY);
    }

    public static Result of(DayPlan day, Level level) {
        boolean coupled = level != Level.PLACEMENT;
        Weights w = Weights.of(day);
        CapacityPrices seats = new CapacityPrices();
        BlockChoices choices = level == Level.CAPACITY ? new BlockChoices(w, seats) : new BlockChoices(w);
        StudentDayBound days = new StudentDayBound(w, coupled);
        Map<Learner, List<Placement>> byLearner = new HashMap<>();
        day.getPlacements().forEach(p -> byLearner.computeIfAbsent(p.getLearner(), l -> new ArrayList<>()).add(p));
        Map<Learner, List<Ask>> asks = new HashMap<>();
        day.getAsks().forEach(a -> asks.computeIfAbsent(a.learner(), l -> new ArrayList<>()).add(a));
        List<Student> students = new ArrayList<>();
        double peers = 0;
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
            students.add(new Student(goals, path));
            if (coupled && neverWithPeers(l, mine, byLearner)) {
                peers += w.of(Term.PEERS);
            }
        }
        double[] capacity = new double[seats.size()];
        double[] shared = new double[seats.size()];
        double[] minimum = new double[seats.size()];
        Priced best = null;
        int rounds = level == Level.CAPACITY ? PRICE_ROUNDS : 1;
        for (int round = 0; round < rounds; round++) {
            Priced now = priced(days, students, seats, capacity, shared, minimum, peers, w);
            if (now == null) {
                // No workable day for some student: prices cannot change that.
                return new Result(level, false, 0, Double.POSITIVE_INFINITY, List.of(), 0,
                        day.getLearners().size(), blocks);
            }
            if (best == null || now.penalty() > best.penalty()) {
                best = now;
            }
            // A subgradient step: dearer where students want a seat its session does not run or that is full,
            // cheaper where a running seat has fewer students than its minimum.
            double step = FIRST_STEP / (1 + round / 10.0);
            boolean[] taken = now.sessions().taken();
            for (int k = 0; k < capacity.length; k++) {
                double over = now.counts()[k] - (taken[k] ? seats.cap(k) : 0);
                capacity[k] = Math.max(0, capacity[k] + step * over / Math.max(1, seats.cap(k)));
                double under = (taken[k] ? seats.min(k) : 0) - now.counts()[k];
                minimum[k] = Math.max(0, minimum[k] + MINIMUM_STEP * step * under / Math.max(1, seats.min(k)));
            }
            for (int i = 0; i < students.size(); i++) {
                Student st = students.get(i);
                Set<Integer> in = now.seatsOf().get(i);
                for (int j = 0; j < st.seats().length; j++) {
                    int k = st.seats()[j];
                    double before = st.mu()[j];
                    double after = Math.max(0, before + step * ((in.contains(k) ? 1 : 0) - (taken[k] ? 1 : 0)));
                    st.mu()[j] = after;
                    shared[k] += after - before;
                }
            }
        }
        if (level == Level.CAPACITY) {
            // At low prices the sessions open nothing and charge no "Open session" or "Staff load", which the
            // student-day level charges as shares: keep whichever bound is tighter (both are bounds).
            Result alone = of(day, Level.STUDENT_DAY);
            if (alone.penalty() > best.penalty()) {
                return new Result(level, true, alone.soft(), alone.penalty(), alone.rules(), 0, alone.students(),
                        alone.studentBlocks());
            }
        }
        List<RuleBound> rules = new ArrayList<>();
        for (Term t : Term.values()) {
            Term.How how = !coupled && (t.how() == Term.How.STUDENT_DAY || t.how() == Term.How.CERTAIN)
                    ? Term.How.RELAXED : t.how();
            if (level == Level.CAPACITY && how == Term.How.SHARE) {
                how = Term.How.SESSION;
            }
            rules.add(new RuleBound(t.rule(), how, best.byTerm()[t.ordinal()]));
        }
        double seatPrices = best.penalty() - Arrays.stream(best.byTerm()).sum();
        // Scores are whole numbers: a score at most -penalty is at most its floor (the epsilon absorbs rounding).
        long soft = (long) Math.floor(-best.penalty() + 1e-6);
        return new Result(level, true, soft, best.penalty(), List.copyOf(rules), seatPrices,
                day.getLearners().size(), blocks);
    }

    /** Subgradient steps on the seat prices (a fixed number: the bound must not depend on the machine's speed). */
    static final int PRICE_ROUNDS = 200;
    /** Soft points per unit of a price's subgradient at the first step (then shrinking as 1 / (1 + round / 10)). */
    static final double FIRST_STEP = 8.0;
    /** Minimum-size prices move at this share of the step (measured: tighter than 0 or 1 on tiny, small, one-room). */
    static final double MINIMUM_STEP = 0.25;

    /** A student's blocks, the seats their choices take (sorted) and the prices of those seats for them. */
    private record Student(StudentDayBound.Goals goals, List<StudentDayBound.Block> blocks, int[] seats,
            double[] mu) {

        Student(StudentDayBound.Goals goals, List<StudentDayBound.Block> blocks) {
            this(goals, blocks, seatsOf(blocks));
        }

        private Student(StudentDayBound.Goals goals, List<StudentDayBound.Block> blocks, int[] seats) {
            this(goals, blocks, seats, new double[seats.length]);
        }

        private static int[] seatsOf(List<StudentDayBound.Block> blocks) {
            return blocks.stream().flatMap(b -> b.choices().stream()).mapToInt(Choice::seat).filter(k -> k >= 0)
                    .distinct().sorted().toArray();
        }

        double price(int seat) {
            return mu[Arrays.binarySearch(seats, seat)];
        }
    }

    /** The relaxation's optimum at some prices: penalty bound, split by rule, with what each seat was asked for. */
    private record Priced(double penalty, double[] byTerm, int[] counts, List<Set<Integer>> seatsOf,
            CapacityPrices.Sessions sessions) {
    }

    private static Priced priced(StudentDayBound days, List<Student> students, CapacityPrices seats,
            double[] capacity, double[] shared, double[] minimum, double peers, Weights w) {
        double[] byTerm = new double[Term.COUNT];
        byTerm[Term.PEERS.ordinal()] = peers;
        int[] counts = new int[seats.size()];
        List<Set<Integer>> seatsOf = new ArrayList<>();
        double total = peers;
        for (Student st : students) {
            StudentDayBound.Day d = days.cheapest(st.goals(), st.blocks(),
                    k -> capacity[k] - minimum[k] + st.price(k));
            if (d == null) {
                return null;
            }
            total += d.total();
            for (int t = 0; t < Term.COUNT; t++) {
                byTerm[t] += d.byTerm()[t];
            }
            Set<Integer> mine = new HashSet<>();
            for (Choice c : d.chosen()) {
                if (c.seat() >= 0) {
                    counts[c.seat()]++;
                    mine.add(c.seat());
                }
            }
            seatsOf.add(mine);
        }
        CapacityPrices.Sessions sessions = seats.sessions(capacity, shared, minimum, w);
        byTerm[Term.OPEN.ordinal()] += sessions.open();
        byTerm[Term.LOAD.ordinal()] += sessions.load();
        return new Priced(total - sessions.gain() + sessions.open() + sessions.load(), byTerm, counts, seatsOf,
                sessions);
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
