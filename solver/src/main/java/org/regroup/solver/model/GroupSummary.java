package org.regroup.solver.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What a session's members make of it, derived from who is in it and its modality: the focus the group works on, and
 * the counts the session-level rules need. Computed once per change (a declarative shadow variable of
 * {@link Session}) so that each rule reads a number instead of walking the group again.
 *
 * <p>A shared-focus group works on the focus most of its members are eligible for (preferring one the adult is
 * qualified to teach, then the one that ranks highest for the members: goals, interests, unlocks; ties by id, so the
 * result never depends on the order members joined). In individual modalities (online or independent practice) each
 * student works on their own best option.
 */
public final class GroupSummary {

    public static final GroupSummary EMPTY = new GroupSummary(null, null, new MemberFit[0], false, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, List.of());

    /** Caps one student's urgency gap, so that a skill unlocking half the graph does not drown every other rule. */
    public static final int MAX_URGENCY_GAP = 20;

    /** The modality it was computed for (null for {@link #EMPTY}). */
    private final Mode mode;
    private final Focus focus;
    private final MemberFit[] members;
    private final boolean unqualified;
    private final int notReady;
    private final int tooAdvanced;
    private final int goalGap;
    private final int urgencyGap;
    private final int stateMismatch;
    private final int avoiding;
    private final int notPreferred;
    private final int quietNeeded;
    private final int mustStayOnSite;
    private final int interestMisses;
    private final int keepApartPairs;
    private final int behindUnsupervised;
    private final int masterySpreadPercent;
    /** Members who share this session with at least one of their peers (the whole-day rule counts these). */
    private final List<Learner> withPeer;

    private GroupSummary(Mode mode, Focus focus, MemberFit[] members, boolean unqualified, int notReady, int tooAdvanced,
            int goalGap, int urgencyGap, int stateMismatch, int avoiding, int notPreferred, int quietNeeded,
            int mustStayOnSite, int interestMisses, int keepApartPairs, int behindUnsupervised,
            int masterySpreadPercent, List<Learner> withPeer) {
        this.mode = mode;
        this.focus = focus;
        this.members = members;
        this.unqualified = unqualified;
        this.notReady = notReady;
        this.tooAdvanced = tooAdvanced;
        this.goalGap = goalGap;
        this.urgencyGap = urgencyGap;
        this.stateMismatch = stateMismatch;
        this.avoiding = avoiding;
        this.notPreferred = notPreferred;
        this.quietNeeded = quietNeeded;
        this.mustStayOnSite = mustStayOnSite;
        this.interestMisses = interestMisses;
        this.keepApartPairs = keepApartPairs;
        this.behindUnsupervised = behindUnsupervised;
        this.masterySpreadPercent = masterySpreadPercent;
        this.withPeer = withPeer;
    }

    public static GroupSummary of(Session session) {
        List<Placement> placements = session.getPlacements();
        Mode mode = session.getMode();
        if (placements.isEmpty() || mode == null) {
            return EMPTY;
        }
        Period period = session.getPeriod();
        boolean sharedMode = mode.isSharedFocus() && !session.isCatchAll();
        Focus shared = sharedMode ? sharedFocus(session, placements, mode) : null;
        MemberFit[] fits = new MemberFit[placements.size()];
        int notReady = 0, tooAdvanced = 0, goalGap = 0, urgencyGap = 0, stateMismatch = 0, avoiding = 0;
        int notPreferred = 0, quiet = 0, onSite = 0, interestMisses = 0, behindUnsupervised = 0;
        double minMastery = Double.MAX_VALUE, maxMastery = -1;
        boolean anyKeepApart = false;
        boolean anyPeers = false;
        for (int i = 0; i < fits.length; i++) {
            Learner learner = placements.get(i).getLearner();
            anyKeepApart |= !learner.getKeepApart().isEmpty();
            anyPeers |= !learner.getPeers().isEmpty();
            Option option;
            Focus focus;
            if (sharedMode) {
                // No focus at all (nobody's option runs in this modality): everyone is unready for the group.
                focus = shared;
                option = shared == null ? null : learner.option(period, shared);
            } else {
                option = learner.best(period);
                focus = option == null ? null : option.focus();
            }
            Fit fit = option == null || !option.ready() ? Fit.NOT_READY
                    : option.withinGrade() ? Fit.READY : Fit.TOO_ADVANCED;
            fits[i] = new MemberFit(learner, focus, option, fit);
            switch (fit) {
                case NOT_READY -> notReady++;
                case TOO_ADVANCED -> tooAdvanced++;
                case READY -> {
                    Option best = learner.best(period);
                    goalGap += Math.max(0, best.goalValue() - option.goalValue());
                    if (focus.isSkill()) {
                        urgencyGap += Math.min(MAX_URGENCY_GAP, Math.max(0, best.focus().getUnlocks() - focus.getUnlocks()));
                        if (option.state() != null && !mode.suits(option.state())) {
                            stateMismatch++;
                        }
                        if (shared != null) {
                            minMastery = Math.min(minMastery, option.mastery());
                            maxMastery = Math.max(maxMastery, option.mastery());
                        }
                    } else if (focus.getKind() == org.regroup.domain.FocusKind.ACTIVITY && option.interest() == 0) {
                        interestMisses++;
                    }
                }
            }
            if (learner.avoids(mode)) {
                avoiding++;
            } else if (learner.hasPreferences() && !learner.prefers(mode)) {
                notPreferred++;
            }
            if (learner.isQuietSpace()) {
                quiet++;
            }
            if (learner.isNoOffSite()) {
                onSite++;
            }
            if (learner.isBehind() && !mode.isStaffLed() && period.getKind() == org.regroup.domain.BlockKind.SKILLS) {
                behindUnsupervised++;
            }
        }
        int keepApartPairs = anyKeepApart ? keepApartPairs(placements) : 0;
        // Members in a fixed order, so the summary does not depend on the order students joined.
        sortByLearner(fits);
        boolean unqualified = shared != null && session.getAdult() != null && mode.needsQualifiedAdult()
                && !session.getAdult().isQualifiedFor(shared);
        int spread = maxMastery < 0 ? 0 : (int) Math.round((maxMastery - minMastery) * 100);
        List<Learner> withPeer = anyPeers ? withPeer(fits) : List.of();
        return new GroupSummary(mode, shared, fits, unqualified, notReady, tooAdvanced, goalGap, urgencyGap, stateMismatch,
                avoiding, notPreferred, quiet, onSite, interestMisses, keepApartPairs, behindUnsupervised, spread,
                withPeer);
    }

    /**
     * Was this summary computed for these members in this modality? (A session's summary depends on nothing else.)
     * Members are sorted by learner index, so each placement is found by binary search.
     */
    boolean isOf(List<Placement> placements, Mode mode) {
        if (placements.isEmpty() || mode == null) {
            return this == EMPTY;
        }
        if (this.mode != mode || members.length != placements.size()) {
            return false;
        }
        for (Placement p : placements) {
            if (indexOf(members, p.getLearner()) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Insertion sort: groups are small and usually already in order, and this allocates nothing. */
    private static void sortByLearner(MemberFit[] fits) {
        for (int i = 1; i < fits.length; i++) {
            MemberFit m = fits[i];
            int key = m.learner().getIndex();
            int j = i - 1;
            while (j >= 0 && fits[j].learner().getIndex() > key) {
                fits[j + 1] = fits[j];
                j--;
            }
            fits[j + 1] = m;
        }
    }

    /** Members with a peer among the members ({@code fits} sorted by learner index). */
    private static List<Learner> withPeer(MemberFit[] fits) {
        List<Learner> found = new ArrayList<>();
        for (MemberFit m : fits) {
            for (Learner peer : m.learner().getPeers()) {
                if (indexOf(fits, peer) >= 0) {
                    found.add(m.learner());
                    break;
                }
            }
        }
        return found.isEmpty() ? List.of() : found;
    }

    /** Position of {@code learner} among members sorted by learner index, or -1. */
    private static int indexOf(MemberFit[] sorted, Learner learner) {
        int key = learner.getIndex();
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int at = sorted[mid].learner().getIndex();
            if (at == key) {
                return sorted[mid].learner() == learner ? mid : -1;
            }
            if (at < key) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** Pairs of members who must be kept apart (keep-apart is made symmetric when the day is built). */
    private static int keepApartPairs(List<Placement> placements) {
        int seen = 0;
        for (Placement a : placements) {
            for (Learner other : a.getLearner().getKeepApart()) {
                for (Placement b : placements) {
                    if (b.getLearner() == other) {
                        seen++;
                    }
                }
            }
        }
        return seen / 2; // each pair was seen from both sides
    }

    /** The focus most members are eligible for; see the class comment for the tie-breaks. */
    private static Focus sharedFocus(Session session, List<Placement> placements, Mode mode) {
        Period period = session.getPeriod();
        Tally tally = Tally.get();
        for (Placement placement : placements) {
            for (Option option : placement.getLearner().eligibleIn(period, mode)) {
                tally.add(option.focus(), option.preference());
            }
        }
        if (tally.isEmpty()) {
            // Nobody is eligible for anything here: name the smallest-id best option so the rule can say who is unready.
            Focus fallback = null;
            for (Placement placement : placements) {
                Option best = placement.getLearner().best(period);
                if (best != null && best.focus().runsIn(mode)
                        && (fallback == null || best.focus().getId().compareTo(fallback.getId()) < 0)) {
                    fallback = best.focus();
                }
            }
            return fallback;
        }
        Adult adult = session.getAdult();
        boolean checkQualification = adult != null && mode.needsQualifiedAdult();
        return tally.best(f -> !checkQualification || adult.isQualifiedFor(f));
    }

    /**
     * Per-thread scratch counts indexed by focus index: the group focus is recomputed on every move, so it must not
     * allocate a map each time. Solver threads never share it.
     */
    private static final class Tally {
        private static final ThreadLocal<Tally> LOCAL = ThreadLocal.withInitial(Tally::new);
        private int[] counts = new int[512];
        private long[] ranks = new long[512];
        private Focus[] touched = new Focus[64];
        private int touchedCount;

        static Tally get() {
            Tally t = LOCAL.get();
            t.clear();
            return t;
        }

        void add(Focus focus, long rank) {
            int i = focus.getIndex();
            if (i >= counts.length) {
                counts = Arrays.copyOf(counts, Math.max(i + 1, counts.length * 2));
                ranks = Arrays.copyOf(ranks, counts.length);
            }
            if (counts[i] == 0) {
                if (touchedCount == touched.length) {
                    touched = Arrays.copyOf(touched, touched.length * 2);
                }
                touched[touchedCount++] = focus;
            }
            counts[i]++;
            ranks[i] += rank;
        }

        boolean isEmpty() {
            return touchedCount == 0;
        }

        /** Highest (qualified, count, summed rank), ties to the smallest id: independent of member order. */
        Focus best(java.util.function.Predicate<Focus> qualified) {
            Focus best = null;
            boolean bestQualified = false;
            for (int k = 0; k < touchedCount; k++) {
                Focus f = touched[k];
                boolean q = qualified.test(f);
                if (best == null || better(f, q, best, bestQualified)) {
                    best = f;
                    bestQualified = q;
                }
            }
            return best;
        }

        private boolean better(Focus f, boolean q, Focus best, boolean bestQualified) {
            if (q != bestQualified) {
                return q;
            }
            int i = f.getIndex();
            int j = best.getIndex();
            if (counts[i] != counts[j]) {
                return counts[i] > counts[j];
            }
            if (ranks[i] != ranks[j]) {
                return ranks[i] > ranks[j];
            }
            return f.getId().compareTo(best.getId()) < 0;
        }

        private void clear() {
            for (int k = 0; k < touchedCount; k++) {
                int i = touched[k].getIndex();
                counts[i] = 0;
                ranks[i] = 0;
                touched[k] = null;
            }
            touchedCount = 0;
        }
    }

    /**
     * Value equality: Timefold compares a recomputed summary with the previous one to decide whether the session
     * changed (without it, every recomputation counts as a change), and assertion modes compare an incrementally kept
     * summary with one computed from scratch.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GroupSummary other)) {
            return false;
        }
        return focus == other.focus && unqualified == other.unqualified && notReady == other.notReady
                && tooAdvanced == other.tooAdvanced && goalGap == other.goalGap && urgencyGap == other.urgencyGap
                && stateMismatch == other.stateMismatch && avoiding == other.avoiding
                && notPreferred == other.notPreferred && quietNeeded == other.quietNeeded
                && mustStayOnSite == other.mustStayOnSite && interestMisses == other.interestMisses
                && keepApartPairs == other.keepApartPairs && behindUnsupervised == other.behindUnsupervised
                && masterySpreadPercent == other.masterySpreadPercent && sameMembers(other);
    }

    /** A member's focus and option follow from who they are and the group's focus: compare people and fits only. */
    private boolean sameMembers(GroupSummary other) {
        if (members.length != other.members.length) {
            return false;
        }
        for (int i = 0; i < members.length; i++) {
            if (members[i].learner() != other.members[i].learner() || members[i].fit() != other.members[i].fit()
                    || members[i].focus() != other.members[i].focus()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = focus == null ? 0 : focus.getIndex();
        for (MemberFit m : members) {
            hash = 31 * hash + m.learner().getIndex();
        }
        return hash;
    }

    @Override
    public String toString() {
        return "GroupSummary[size=" + members.length + ", focus=" + focus + "]";
    }

    public int size() {
        return members.length;
    }

    public boolean isEmpty() {
        return members.length == 0;
    }

    /** The group's shared focus; null in individual modalities and for empty sessions. */
    public Focus getFocus() {
        return focus;
    }

    public List<MemberFit> getMembers() {
        return Arrays.asList(members);
    }

    /** The member's fit, or null when they are not in this session. */
    public MemberFit fitOf(Learner learner) {
        for (MemberFit fit : members) {
            if (fit.learner() == learner) {
                return fit;
            }
        }
        return null;
    }

    public List<Learner> membersWith(Fit fit) {
        List<Learner> result = new ArrayList<>();
        for (MemberFit m : members) {
            if (m.fit() == fit) {
                result.add(m.learner());
            }
        }
        return result;
    }

    public boolean isUnqualified() {
        return unqualified;
    }

    public int getNotReady() {
        return notReady;
    }

    public int getTooAdvanced() {
        return tooAdvanced;
    }

    public int getGoalGap() {
        return goalGap;
    }

    public int getUrgencyGap() {
        return urgencyGap;
    }

    public int getStateMismatch() {
        return stateMismatch;
    }

    public int getAvoiding() {
        return avoiding;
    }

    public int getNotPreferred() {
        return notPreferred;
    }

    public int getQuietNeeded() {
        return quietNeeded;
    }

    public int getMustStayOnSite() {
        return mustStayOnSite;
    }

    public int getInterestMisses() {
        return interestMisses;
    }

    public int getKeepApartPairs() {
        return keepApartPairs;
    }

    public int getBehindUnsupervised() {
        return behindUnsupervised;
    }

    public int getMasterySpreadPercent() {
        return masterySpreadPercent;
    }

    public List<Learner> getWithPeer() {
        return withPeer;
    }
}
