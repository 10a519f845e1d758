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

    public static final GroupSummary EMPTY = new GroupSummary();

    /** Caps one student's urgency gap, so that a skill unlocking half the graph does not drown every other rule. */
    public static final int MAX_URGENCY_GAP = 20;

    /** The modality it was computed for (null for {@link #EMPTY}). */
    private final Mode mode;
    private final Focus focus;
    private final MemberFit[] members;
    /** The members' learner indexes, in the same (ascending) order: searched on every move, so kept as plain ints. */
    private final int[] indexes;
    /** The sum of {@link #indexes}: two groups whose sums differ cannot be the same group. */
    private final long indexSum;
    private final boolean unqualified;
    /** Sums over members (never changed once the summary is made: a kept summary starts from a copy). */
    private final Counts counts;
    private final int keepApartPairs;
    private final int masterySpreadPercent;
    /** Members who share this session with at least one of their peers (the whole-day rule counts these). */
    private final List<Learner> withPeer;

    /** No members, no modality. */
    private GroupSummary() {
        this(null, null, new MemberFit[0], false, new Counts(), 0);
    }

    private GroupSummary(Mode mode, Focus focus, MemberFit[] members, boolean unqualified, Counts counts,
            int masterySpreadPercent) {
        this.mode = mode;
        this.focus = focus;
        this.members = members;
        this.indexes = new int[members.length];
        long sum = 0;
        for (int i = 0; i < members.length; i++) {
            indexes[i] = members[i].learner().getIndex();
            sum += indexes[i];
        }
        this.indexSum = sum;
        this.unqualified = unqualified;
        this.counts = counts;
        this.masterySpreadPercent = masterySpreadPercent;
        this.keepApartPairs = keepApartPairs();
        this.withPeer = withPeer();
    }

    /** The session's summary computed from scratch (the reference the kept one must always equal). */
    public static GroupSummary of(Session session) {
        return build(session, EMPTY, null);
    }

    /**
     * The session's summary now, built from {@code before} (its summary before a move) and the focus tally the session
     * keeps: when the group's focus stays, only the members who came or left are looked at. Equal to {@link #of}.
     */
    static GroupSummary after(GroupSummary before, Session session, FocusTally tally) {
        return build(session, before, tally);
    }

    private static GroupSummary build(Session session, GroupSummary before, FocusTally tally) {
        List<Placement> placements = session.getPlacements();
        Mode mode = session.getMode();
        if (placements.isEmpty() || mode == null) {
            return EMPTY;
        }
        Period period = session.getPeriod();
        boolean sharedMode = mode.isSharedFocus() && !session.isCatchAll();
        FocusTally counting = sharedMode ? (tally != null ? tally : FocusTally.scratch()) : null;
        Focus shared = sharedMode ? sharedFocus(session, placements, mode, counting) : null;
        // Each member's fit depends only on who they are, the modality and the group's focus: when those stay, the
        // members who stay keep theirs and the counts move by the members who came and left.
        GroupSummary base = before.mode == mode && before.focus == shared ? before : EMPTY;
        boolean[] stays = new boolean[base.members.length];
        Counts counts = base.counts.copy();
        MemberFit[] came = new MemberFit[placements.size()];
        int cameCount = 0;
        for (Placement placement : placements) {
            Learner learner = placement.getLearner();
            int at = base.indexOf(learner);
            if (at >= 0) {
                stays[at] = true;
            } else {
                MemberFit fit = fitOf(learner, period, mode, sharedMode, shared);
                counts.add(fit, mode, period, 1);
                came[cameCount++] = fit;
            }
        }
        MemberFit[] fits = new MemberFit[placements.size()];
        int n = 0;
        for (int i = 0; i < stays.length; i++) {
            if (stays[i]) {
                fits[n++] = base.members[i];
            } else {
                counts.add(base.members[i], mode, period, -1);
            }
        }
        System.arraycopy(came, 0, fits, n, cameCount);
        // Members in a fixed order, so the summary does not depend on the order students joined.
        sortByLearner(fits);
        boolean unqualified = shared != null && session.getAdult() != null && mode.needsQualifiedAdult()
                && !session.getAdult().isQualifiedFor(shared);
        GroupSummary summary = new GroupSummary(mode, shared, fits, unqualified, counts,
                shared == null ? 0 : masterySpread(fits));
        if (counting != null) {
            counting.counted(summary);
        }
        return summary;
    }

    /** What one member works on in the session and how they fit it. */
    private static MemberFit fitOf(Learner learner, Period period, Mode mode, boolean sharedMode, Focus shared) {
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
        return new MemberFit(learner, focus, option, fit);
    }

    /** The counts the session-level rules read, as sums over members: a member adds theirs, or takes it back. */
    private static final class Counts {
        int notReady, tooAdvanced, goalGap, urgencyGap, stateMismatch, avoiding, notPreferred, quiet, onSite,
                interestMisses, behindUnsupervised;

        Counts copy() {
            Counts c = new Counts();
            c.notReady = notReady;
            c.tooAdvanced = tooAdvanced;
            c.goalGap = goalGap;
            c.urgencyGap = urgencyGap;
            c.stateMismatch = stateMismatch;
            c.avoiding = avoiding;
            c.notPreferred = notPreferred;
            c.quiet = quiet;
            c.onSite = onSite;
            c.interestMisses = interestMisses;
            c.behindUnsupervised = behindUnsupervised;
            return c;
        }

        boolean sameAs(Counts o) {
            return notReady == o.notReady && tooAdvanced == o.tooAdvanced && goalGap == o.goalGap
                    && urgencyGap == o.urgencyGap && stateMismatch == o.stateMismatch && avoiding == o.avoiding
                    && notPreferred == o.notPreferred && quiet == o.quiet && onSite == o.onSite
                    && interestMisses == o.interestMisses && behindUnsupervised == o.behindUnsupervised;
        }

        void add(MemberFit member, Mode mode, Period period, int sign) {
            Learner learner = member.learner();
            Option option = member.option();
            Focus focus = member.focus();
            switch (member.fit()) {
                case NOT_READY -> notReady += sign;
                case TOO_ADVANCED -> tooAdvanced += sign;
                case READY -> {
                    Option best = learner.best(period);
                    goalGap += sign * Math.max(0, best.goalValue() - option.goalValue());
                    if (focus.isSkill()) {
                        urgencyGap += sign * Math.min(MAX_URGENCY_GAP,
                                Math.max(0, best.focus().getUnlocks() - focus.getUnlocks()));
                        if (option.state() != null && !mode.suits(option.state())) {
                            stateMismatch += sign;
                        }
                    } else if (focus.getKind() == org.regroup.domain.FocusKind.ACTIVITY && option.interest() == 0) {
                        interestMisses += sign;
                    }
                }
            }
            if (learner.avoids(mode)) {
                avoiding += sign;
            } else if (learner.hasPreferences() && !learner.prefers(mode)) {
                notPreferred += sign;
            }
            if (learner.isQuietSpace()) {
                quiet += sign;
            }
            if (learner.isNoOffSite()) {
                onSite += sign;
            }
            if (learner.isBehind() && !mode.isStaffLed() && period.getKind() == org.regroup.domain.BlockKind.SKILLS) {
                behindUnsupervised += sign;
            }
        }
    }

    /** Percentage points between the lowest and highest mastery of the group's skill among ready members. */
    private static int masterySpread(MemberFit[] fits) {
        double minMastery = Double.MAX_VALUE;
        double maxMastery = -1;
        for (MemberFit m : fits) {
            if (m.fit() == Fit.READY && m.focus().isSkill()) {
                minMastery = Math.min(minMastery, m.option().mastery());
                maxMastery = Math.max(maxMastery, m.option().mastery());
            }
        }
        return maxMastery < 0 ? 0 : (int) Math.round((maxMastery - minMastery) * 100);
    }

    /**
     * Was this summary computed for these members in this modality? (A session's summary depends on nothing else.)
     * Members are sorted by learner index: a sum tells most other groups apart, a binary search the rest.
     */
    boolean isOf(List<Placement> placements, Mode mode) {
        if (placements.isEmpty() || mode == null) {
            return this == EMPTY;
        }
        if (this.mode != mode || members.length != placements.size()) {
            return false;
        }
        long sum = 0;
        for (Placement p : placements) {
            sum += p.getLearner().getIndex();
        }
        if (sum != indexSum) {
            return false;
        }
        for (Placement p : placements) {
            if (indexOf(p.getLearner()) < 0) {
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

    /** Members with a peer among the members. */
    private List<Learner> withPeer() {
        List<Learner> found = null;
        for (MemberFit m : members) {
            for (Learner peer : m.learner().getPeers()) {
                if (indexOf(peer) >= 0) {
                    if (found == null) {
                        found = new ArrayList<>();
                    }
                    found.add(m.learner());
                    break;
                }
            }
        }
        return found == null ? List.of() : found;
    }

    /** The member at {@code position} (members are sorted by learner index). */
    Learner learnerAt(int position) {
        return members[position].learner();
    }

    /** Position of {@code learner} among the members (sorted by learner index), or -1. */
    int indexOf(Learner learner) {
        int at = Arrays.binarySearch(indexes, learner.getIndex());
        return at >= 0 && members[at].learner() == learner ? at : -1;
    }

    /** Pairs of members who must be kept apart (keep-apart is made symmetric when the day is built). */
    private int keepApartPairs() {
        int seen = 0;
        for (MemberFit a : members) {
            for (Learner other : a.learner().getKeepApart()) {
                if (indexOf(other) >= 0) {
                    seen++;
                }
            }
        }
        return seen / 2; // each pair was seen from both sides
    }

    /**
     * The focus most members are eligible for; see the class comment for the tie-breaks. From the session's kept
     * tally, or a scratch one when computed from scratch.
     */
    private static Focus sharedFocus(Session session, List<Placement> placements, Mode mode, FocusTally tally) {
        Focus best = tally.best(session, placements, mode);
        if (best != null) {
            return best;
        }
        // Nobody is eligible for anything here: name the smallest-id best option so the rule can say who is unready.
        Period period = session.getPeriod();
        Focus fallback = null;
        for (Placement placement : placements) {
            Option option = placement.getLearner().best(period);
            if (option != null && option.focus().runsIn(mode)
                    && (fallback == null || option.focus().getId().compareTo(fallback.getId()) < 0)) {
                fallback = option.focus();
            }
        }
        return fallback;
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
        return focus == other.focus && unqualified == other.unqualified && counts.sameAs(other.counts)
                && keepApartPairs == other.keepApartPairs && masterySpreadPercent == other.masterySpreadPercent
                && sameMembers(other);
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
        return counts.notReady;
    }

    public int getTooAdvanced() {
        return counts.tooAdvanced;
    }

    public int getGoalGap() {
        return counts.goalGap;
    }

    public int getUrgencyGap() {
        return counts.urgencyGap;
    }

    public int getStateMismatch() {
        return counts.stateMismatch;
    }

    public int getAvoiding() {
        return counts.avoiding;
    }

    public int getNotPreferred() {
        return counts.notPreferred;
    }

    public int getQuietNeeded() {
        return counts.quiet;
    }

    public int getMustStayOnSite() {
        return counts.onSite;
    }

    public int getInterestMisses() {
        return counts.interestMisses;
    }

    public int getKeepApartPairs() {
        return keepApartPairs;
    }

    public int getBehindUnsupervised() {
        return counts.behindUnsupervised;
    }

    public int getMasterySpreadPercent() {
        return masterySpreadPercent;
    }

    public List<Learner> getWithPeer() {
        return withPeer;
    }
}
