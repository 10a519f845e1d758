package org.regroup.solver.model;

import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowSources;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;

/**
 * One adult's slot in one block (or a block's catch-all). The solver plans how it runs (modality) and where (space);
 * its students come from {@link Placement}s, and what it works on follows from them (see {@link GroupSummary}).
 * A slot nobody is placed in is simply not held.
 */
@PlanningEntity
public class Session {

    @PlanningId
    private String id;
    /** Position in the day's session list (set when the day is assembled; the cloner maps by it). */
    private int index;
    private Period period;
    /** Null only for a catch-all supervised by the school's duty rota. */
    private Adult adult;
    private boolean catchAll;
    /** Most students the session may take beyond its modality's own cap (a catch-all's capacity); MAX when none. */
    private int sizeCap = Integer.MAX_VALUE;
    private List<Mode> allowedModes;
    private List<Room> allowedRooms;

    @PlanningVariable(valueRangeProviderRefs = "allowedModes")
    private Mode mode;
    @PlanningVariable(valueRangeProviderRefs = "allowedRooms", allowsUnassigned = true)
    private Room room;
    /** A catch-all's modality and room are fixed: its value ranges hold just those (cheaper than a pin filter). */
    private boolean fixed;

    @InverseRelationShadowVariable(sourceVariableName = "session")
    private List<Placement> placements = new Members();
    @ShadowVariable(supplierName = "summarize")
    private GroupSummary summary = GroupSummary.EMPTY;

    public Session() {
    }

    public Session(String id, Period period, Adult adult, List<Mode> allowedModes, List<Room> allowedRooms) {
        this.id = id;
        this.period = period;
        this.adult = adult;
        this.allowedModes = List.copyOf(allowedModes);
        this.allowedRooms = List.copyOf(allowedRooms);
    }

    /** A block's catch-all: fixed modality and space, pinned, no adult of ours (the school supervises it). */
    public static Session catchAll(String id, Period period, Adult supervisor, Mode mode, Room room, int capacity) {
        Session session = new Session(id, period, supervisor, List.of(mode), List.of(room));
        session.catchAll = true;
        session.sizeCap = capacity;
        session.mode = mode;
        session.room = room;
        session.fixed = true;
        return session;
    }

    /**
     * Keeps this session's modality and room as they are (a block that has already happened): like a catch-all, its
     * value ranges then hold just those.
     */
    public void freeze() {
        if (mode == null) {
            throw new IllegalStateException("session " + id + " has no modality to keep");
        }
        allowedModes = List.of(mode);
        allowedRooms = room == null ? List.of() : List.of(room);
        fixed = true;
    }

    /**
     * Keeps only the rooms {@code keep} accepts (a space closed during a running solve). Only inside a Timefold
     * problem change, which rebuilds the solver's value ranges after it.
     */
    public void restrictRooms(java.util.function.Predicate<Room> keep) {
        allowedRooms = allowedRooms.stream().filter(keep).toList();
    }

    /** A copy for a cloned day: same slot and decisions, no members yet (the cloner adds them). */
    Session copyWithoutPlacements() {
        Session copy = new Session();
        copy.id = id;
        copy.index = index;
        copy.period = period;
        copy.adult = adult;
        copy.catchAll = catchAll;
        copy.sizeCap = sizeCap;
        copy.allowedModes = allowedModes;
        copy.allowedRooms = allowedRooms;
        copy.mode = mode;
        copy.room = room;
        copy.fixed = fixed;
        copy.summary = summary; // immutable; refers to facts only
        return copy;
    }

    /**
     * The summary this session had before its current one. Local search evaluates a move and undoes it: the undo
     * brings back the members and modality of the summary before, and reusing it saves computing it again (a summary
     * depends only on who is in the session and its modality; the rest of the session is fixed).
     */
    private GroupSummary replaced;
    /** The summary last returned, and the members' change count and modality it was returned for. */
    private GroupSummary checked;
    private int checkedChanges;
    private Mode checkedMode;
    /** Working state for {@link #summarize}: which focus the members are eligible for (not copied into clones). */
    private FocusTally tally;

    private FocusTally tally() {
        if (tally == null) {
            tally = new FocusTally();
        }
        return tally;
    }

    @ShadowSources({ "placements", "mode" })
    public GroupSummary summarize() {
        // Timefold also asks when neither the members nor the modality changed (most calls, measured on large.json).
        if (placements instanceof Members members && members.changes() == checkedChanges && mode == checkedMode
                && summary == checked) {
            return summary;
        }
        GroupSummary result;
        if (summary.isOf(placements, mode)) {
            result = summary;
        } else {
            GroupSummary before = replaced;
            result = before != null && before.isOf(placements, mode) ? before
                    : GroupSummary.after(summary, this, tally());
            replaced = summary;
        }
        if (placements instanceof Members members) {
            checked = result;
            checkedChanges = members.changes();
            checkedMode = mode;
        }
        return result;
    }

    @ValueRangeProvider(id = "allowedModes")
    public List<Mode> getAllowedModes() {
        return allowedModes;
    }

    @ValueRangeProvider(id = "allowedRooms")
    public List<Room> getAllowedRooms() {
        return allowedRooms;
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

    public Period getPeriod() {
        return period;
    }

    public Adult getAdult() {
        return adult;
    }

    /** Could be held at an off-site space with travel time (one of its allowed spaces is). */
    public boolean hasTravelSite() {
        return allowedRooms.stream().anyMatch(Room::isTravelSite) || room != null && room.isTravelSite();
    }

    public boolean isCatchAll() {
        return catchAll;
    }

    public int getSizeCap() {
        return sizeCap;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public Room getRoom() {
        return room;
    }

    public void setRoom(Room room) {
        this.room = room;
    }

    public boolean isFixed() {
        return fixed;
    }

    public List<Placement> getPlacements() {
        return placements;
    }

    public void setPlacements(List<Placement> placements) {
        this.placements = placements;
    }

    public GroupSummary getSummary() {
        return summary;
    }

    public void setSummary(GroupSummary summary) {
        this.summary = summary;
    }

    public int size() {
        return summary.size();
    }

    public boolean isOpen() {
        return !summary.isEmpty();
    }

    /** The focus a member works on here (the group's, or their own in individual modalities). */
    public Focus focusOf(Learner learner) {
        if (summary.getFocus() != null) {
            return summary.getFocus();
        }
        MemberFit fit = summary.fitOf(learner);
        return fit == null ? null : fit.focus();
    }

    /**
     * Most students the session could take in {@code mode}: a catch-all's capacity; else the modality's maximum, its
     * students per adult and the adult's own cap.
     */
    public int capIn(Mode mode) {
        if (catchAll) {
            return sizeCap;
        }
        int cap = mode.getMaxSize();
        return adult == null ? cap : Math.min(cap, Math.min(adult.getMaxStudents(), mode.getStudentsPerAdult()));
    }

    /** Most students the group may hold: a catch-all's capacity, else its modality's maximum. */
    public int groupCap() {
        return catchAll ? sizeCap : mode.getMaxSize();
    }

    /** Most students its adult may have: their own cap and the modality's students per adult (MAX for catch-alls). */
    public int adultCap() {
        return adult == null || catchAll ? Integer.MAX_VALUE
                : Math.min(adult.getMaxStudents(), mode.getStudentsPerAdult());
    }

    /** A staff-led modality with an adult of ours. */
    public boolean isStaffLed() {
        return mode != null && mode.isStaffLed() && adult != null && !catchAll;
    }

    /**
     * The group is what it says it is: within its size caps, in a room, led by an adult who may run the modality and
     * is qualified for what the group works on. Accommodations count only time in such groups — a "1:1" of five
     * students is not 1:1 time, a teacher with fifteen against a cap of eight does not give staff-led time — so the
     * solver never breaks a cap to meet a minimum, and the KPIs never call such time delivered.
     */
    public boolean runsAsPlanned() {
        return mode != null && room != null && size() <= groupCap() && size() <= adultCap()
                && !summary.isUnqualified() && (adult == null || catchAll || adult.mayLead(mode));
    }

    /** Staff-led time as accommodations count it. */
    public boolean givesStaffLedTime() {
        return isStaffLed() && runsAsPlanned();
    }

    /** 1:1 time as accommodations count it. */
    public boolean givesOneToOneTime() {
        return mode != null && mode.isOneToOne() && runsAsPlanned();
    }

    @Override
    public String toString() {
        return id;
    }
}
