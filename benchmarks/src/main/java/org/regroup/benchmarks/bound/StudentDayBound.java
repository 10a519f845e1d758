package org.regroup.benchmarks.bound;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.regroup.domain.BlockKind;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.Ask;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Session;

/**
 * The cheapest day one student could have on their own: a search over their blocks in day order whose state is what
 * the whole-day rules still need to know (the goals met so far, the skill of the block before, the modality of the
 * skill blocks so far). Exact for the student alone; other students enter only through {@link BlockChoices}' shares.
 * With {@code coupled} false the whole-day rules are left out and each block is priced alone (the plainest
 * relaxation, kept for comparison).
 */
final class StudentDayBound {

    /** More whole-day goals than this for a student and the rest are dropped (relaxed to 0): each doubles the state. */
    static final int MAX_GOALS = 12;

    private final Weights w;
    private final boolean coupled;

    StudentDayBound(Weights w, boolean coupled) {
        this.w = w;
        this.coupled = coupled;
    }

    /**
     * The student's cheapest day, its cost split by rule (seat prices aside: {@code total} includes them) and the
     * choices it makes; null when no choice of theirs is workable.
     */
    record Day(double total, double[] byTerm, List<Choice> chosen) {
    }

    /**
     * A student-block to plan, in the order of the day. Choices that differ only in their seat are one group: the
     * rest of the day cannot tell them apart, so the search tries only the cheapest of each at the current prices.
     */
    record Block(Period period, List<Choice> choices, int[] groupOf, int groups) {

        Block(Period period, List<Choice> choices) {
            this(period, choices, new int[choices.size()], groups(choices));
        }

        Block {
            Map<Object, Integer> ids = new HashMap<>();
            for (int i = 0; i < choices.size(); i++) {
                Choice c = choices.get(i);
                groupOf[i] = ids.computeIfAbsent(List.of(c.placed(), String.valueOf(c.focus()),
                        String.valueOf(c.mode()), c.mask()), k -> ids.size());
            }
        }

        private static int groups(List<Choice> choices) {
            return (int) choices.stream().map(c -> List.of(c.placed(), String.valueOf(c.focus()),
                    String.valueOf(c.mode()), c.mask())).distinct().count();
        }

        /** The cheapest choice of each group at these prices, and what each costs with its price. */
        List<Choice> cheapest(java.util.function.IntToDoubleFunction prices, double[] pricedOut) {
            Choice[] best = new Choice[groups];
            java.util.Arrays.fill(pricedOut, 0, groups, Double.POSITIVE_INFINITY);
            for (int i = 0; i < choices.size(); i++) {
                Choice c = choices.get(i);
                double priced = c.total() + (c.seat() < 0 || prices == null ? 0 : prices.applyAsDouble(c.seat()));
                int g = groupOf[i];
                if (priced < pricedOut[g]) {
                    pricedOut[g] = priced;
                    best[g] = c;
                }
            }
            return java.util.Arrays.asList(best);
        }
    }

    /** The student's goals over the day: seeing their advisor, each request honoured. */
    static final class Goals implements BlockChoices.Goals {
        final Adult advisor;
        final List<Ask> asks = new ArrayList<>();

        Goals(Learner learner, List<Ask> learnerAsks, boolean coupled) {
            Adult a = learner.getAdvisor();
            advisor = coupled && a != null && a.isPresentToday() ? a : null;
            if (coupled) {
                // Admin-required first: they are what makes a day impossible, so they are the last to drop.
                learnerAsks.stream().filter(Ask::isAdminRequired).forEach(asks::add);
                learnerAsks.stream().filter(x -> !x.isAdminRequired()).forEach(asks::add);
                while (asks.size() + 1 > MAX_GOALS) {
                    asks.remove(asks.size() - 1);
                }
            }
        }

        @Override
        public int met(Period period, Session s, Mode m, Focus f) {
            if (s == null) {
                return 0;
            }
            int mask = advisor != null && s.getAdult() == advisor ? 1 : 0;
            for (int i = 0; i < asks.size(); i++) {
                Ask a = asks.get(i);
                if ((a.period() == null || a.period() == period) && (a.adult() == null || s.getAdult() == a.adult())
                        && (a.mode() == null || m == a.mode()) && (a.focus() == null || f == a.focus())) {
                    mask |= 2 << i;
                }
            }
            return mask;
        }
    }

    /** What the rest of the day needs to know; the mode is null once the skill blocks have mixed modalities. */
    private record State(int mask, Focus prevFocus, int prevIndex, Mode mode, boolean mixed, int skillBlocks) {
        static final State START = new State(0, null, -2, null, false, 0);
    }

    /** A path of choices with its cost so far (extra: the whole-day rules charged on the way). */
    private record Node(State state, double total, Node parent, Choice choice, double sameSkill) {
    }

    Day cheapest(Goals goals, List<Block> blocks) {
        return cheapest(goals, blocks, null);
    }

    /** As above, each choice also paying the price of its seat ({@code prices} by seat; null: none). */
    Day cheapest(Goals goals, List<Block> blocks, java.util.function.IntToDoubleFunction prices) {
        Map<State, Node> best = Map.of(State.START, new Node(State.START, 0, null, null, 0));
        for (Block b : blocks) {
            Map<State, Node> next = new java.util.LinkedHashMap<>(); // insertion order: ties break the same way
            double[] priced = new double[b.groups()];
            List<Choice> options = b.cheapest(prices, priced);
            for (Node n : best.values()) {
                for (int g = 0; g < priced.length; g++) {
                    step(n, b.period(), options.get(g), next, priced[g]);
                }
            }
            if (next.isEmpty()) {
                return null;
            }
            best = next;
        }
        Node winner = null;
        double winnerTotal = Double.POSITIVE_INFINITY;
        for (Node n : best.values()) {
            double total = n.total() + finalCharges(goals, n.state(), null);
            if (total < winnerTotal) {
                winner = n;
                winnerTotal = total;
            }
        }
        if (winner == null || Double.isInfinite(winnerTotal)) {
            return null;
        }
        double[] byTerm = new double[Term.COUNT];
        finalCharges(goals, winner.state(), byTerm);
        List<Choice> chosen = new ArrayList<>();
        for (Node n = winner; n.choice() != null; n = n.parent()) {
            chosen.add(n.choice());
            for (int t = 0; t < Term.COUNT; t++) {
                byTerm[t] += n.choice().costs()[t];
            }
            byTerm[Term.SAME_SKILL.ordinal()] += n.sameSkill();
        }
        return new Day(winnerTotal, byTerm, chosen);
    }

    /** Extends a path by a choice costing {@code cost} (its rules and its seat's price). */
    private void step(Node n, Period period, Choice c, Map<State, Node> next, double cost) {
        State s = n.state();
        State to;
        double sameSkill = 0;
        if (!coupled) {
            to = State.START;
        } else if (!c.placed()) {
            to = new State(s.mask(), null, -2, s.mode(), s.mixed(), s.skillBlocks());
        } else {
            if (s.prevFocus() != null && s.prevIndex() == period.getIndex() - 1 && c.focus() == s.prevFocus()) {
                sameSkill = w.of(Term.SAME_SKILL);
            }
            Focus prev = c.focus().isSkill() && !period.isDoubleWithNext() ? c.focus() : null;
            Mode mode = s.mode();
            boolean mixed = s.mixed();
            int skillBlocks = s.skillBlocks();
            if (period.getKind() == BlockKind.SKILLS) {
                skillBlocks = Math.min(3, skillBlocks + 1);
                if (!mixed && mode == null) {
                    mode = c.mode();
                } else if (!mixed && mode != c.mode()) {
                    mixed = true;
                    mode = null;
                }
            }
            to = new State(s.mask() | c.mask(), prev, period.getIndex(), mode, mixed, skillBlocks);
        }
        double total = n.total() + cost + sameSkill;
        Node old = next.get(to);
        if (old == null || total < old.total()) {
            next.put(to, new Node(to, total, n, c, sameSkill));
        }
    }

    /** The whole-day rules charged at the end of the day; infinite when an admin-required request is not met. */
    private double finalCharges(Goals goals, State s, double[] byTerm) {
        if (!coupled) {
            return 0;
        }
        double total = 0;
        if (s.skillBlocks() >= 3 && !s.mixed()) {
            total += add(byTerm, Term.SAME_MODALITY, w.of(Term.SAME_MODALITY));
        }
        if (goals.advisor != null && (s.mask() & 1) == 0) {
            total += add(byTerm, Term.ADVISOR, w.of(Term.ADVISOR));
        }
        for (int i = 0; i < goals.asks.size(); i++) {
            if ((s.mask() & (2 << i)) == 0) {
                Ask a = goals.asks.get(i);
                if (a.isAdminRequired()) {
                    return Double.POSITIVE_INFINITY;
                }
                total += add(byTerm, Term.REQUEST, (double) w.of(Term.REQUEST) * a.priority().softWeight());
            }
        }
        return total;
    }

    private static double add(double[] byTerm, Term t, double v) {
        if (byTerm != null) {
            byTerm[t.ordinal()] += v;
        }
        return v;
    }
}
