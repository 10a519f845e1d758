package org.regroup.solver.model;

import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * Where one student spends one block: a session of that block, or nobody (unplaced, penalised at medium level, or
 * travelling to an off-site session). The value range holds only that block's sessions the student could be in.
 */
@PlanningEntity(comparatorClass = PlacementDifficulty.class)
public class Placement {

    @PlanningId
    private String id;
    /** Position in the day's placement list (set when the day is assembled; the cloner maps by it). */
    private int index;
    private Learner learner;
    private Period period;
    private List<Session> candidates;
    /** The candidates by session index, built on first use ({@link #isCandidate}); a clone shares it. */
    private java.util.BitSet candidateIndexes;

    @PlanningVariable(valueRangeProviderRefs = "candidateSessions", allowsUnassigned = true)
    private Session session;
    @PlanningPin
    private boolean pinned;
    /**
     * The adult whose group the student was in at this block in the plan this one replaces (yesterday's published
     * plan, or this morning's before a change); null when there is none, or when the student's readiness changed so
     * that a move is expected.
     */
    private String previousAdultId;
    /** What the student worked on then (with {@link #previousAdultId}). */
    private String previousFocusId;
    /** The modality and space of that group then (null: not compared). */
    private String previousModeId;
    private String previousRoomId;
    /** A seat with no adult the student was remembered in (a catch-all), where that counts. */
    private String previousSeatId;

    public Placement() {
    }

    public Placement(String id, Learner learner, Period period, List<Session> candidates) {
        this.id = id;
        this.learner = learner;
        this.period = period;
        this.candidates = candidates;
    }

    /** A copy for a cloned day, with its sessions remapped to the clone's. */
    Placement copyWith(List<Session> candidates, Session session) {
        Placement copy = new Placement();
        copy.id = id;
        copy.index = index;
        copy.learner = learner;
        copy.period = period;
        copy.candidates = candidates;
        copy.candidateIndexes = candidateIndexes; // the clone's candidates are this one's, remapped index for index
        copy.session = session;
        copy.pinned = pinned;
        copy.previousAdultId = previousAdultId;
        copy.previousFocusId = previousFocusId;
        copy.previousModeId = previousModeId;
        copy.previousRoomId = previousRoomId;
        copy.previousSeatId = previousSeatId;
        return copy;
    }

    /**
     * Keeps only the candidate sessions {@code keep} accepts: a running solve's day changed (an adult left) and the
     * others are gone. Only inside a Timefold problem change, which rebuilds the solver's value ranges after it.
     */
    public void restrictCandidates(java.util.function.Predicate<Session> keep) {
        candidates = candidates.stream().filter(keep).toList();
        candidateIndexes = null;
    }

    /**
     * Whether {@code s} is among this placement's candidate sessions. The day builder and group moves ask it for
     * every waiting student in every round, and the list grows with the school, so it is looked up, not scanned.
     */
    public boolean isCandidate(Session s) {
        java.util.BitSet set = candidateIndexes;
        if (set == null) {
            set = new java.util.BitSet();
            for (Session c : candidates) {
                set.set(c.getIndex());
            }
            candidateIndexes = set;
        }
        return set.get(s.getIndex());
    }

    @ValueRangeProvider(id = "candidateSessions")
    public List<Session> getCandidates() {
        return candidates;
    }

    public String getId() {
        return id;
    }

    public int getIndex() {
        return index;
    }

    void setIndex(int index) {
        this.index = index;
    }

    public String getPreviousAdultId() {
        return previousAdultId;
    }

    public String getPreviousFocusId() {
        return previousFocusId;
    }

    /** Remembers where the student was in the plan being replaced: the adult and what they worked on. */
    public void setPrevious(String adultId, String focusId) {
        setPrevious(adultId, focusId, null, null);
    }

    /** As above, with the group's modality and space then: the same group in another room is a move too. */
    public void setPrevious(String adultId, String focusId, String modeId, String roomId) {
        this.previousAdultId = adultId;
        this.previousFocusId = focusId;
        this.previousModeId = modeId;
        this.previousRoomId = roomId;
        this.previousSeatId = null;
    }

    /**
     * Remembers a seat with no adult to stay with (a catch-all space): leaving it is a move too. Set where a re-plan
     * must hold every student it can (an override), not for a new day (a student in the library yesterday need not
     * be there today).
     */
    public void setPreviousSeat(String sessionId) {
        setPrevious(null, null);
        this.previousSeatId = sessionId;
    }

    public String getPreviousSeatId() {
        return previousSeatId;
    }

    /** The student left the seat without an adult they were remembered in (see {@link #setPreviousSeat}). */
    public boolean leftPreviousSeat() {
        return previousSeatId != null && (session == null || !previousSeatId.equals(session.getId()));
    }

    /**
     * With the previous adult, whether the group in {@code s} differs from the one the student was in: another focus
     * for them, another modality or another space (each compared only when remembered).
     */
    public boolean differsFromPrevious(Session s, Focus focus) {
        return differsFromPrevious(s.getMode(), s.getRoom(), focus);
    }

    /** As above, for a group held in {@code mode} and {@code room} (either may be null). */
    public boolean differsFromPrevious(Mode mode, Room room, Focus focus) {
        return previousFocusId != null && focus != null && !previousFocusId.equals(focus.getId())
                || previousModeId != null && mode != null && !previousModeId.equals(mode.getId())
                || previousRoomId != null && (room == null || !previousRoomId.equals(room.getId()));
    }

    /**
     * The student is no longer with the adult whose group they were in before (unplaced counts). Reads no shadow
     * variable, so a rule may use it on the placement alone; what the student works on there depends on the whole
     * group and is checked with the session joined in.
     */
    public boolean leftPreviousAdult() {
        return previousAdultId != null && (session == null || session.getAdult() == null
                || !previousAdultId.equals(session.getAdult().getId()));
    }

    public Learner getLearner() {
        return learner;
    }

    public Period getPeriod() {
        return period;
    }

    public Session getSession() {
        return session;
    }

    public void setSession(Session session) {
        this.session = session;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    @Override
    public String toString() {
        return id;
    }
}
