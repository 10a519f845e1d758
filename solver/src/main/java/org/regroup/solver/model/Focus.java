package org.regroup.solver.model;

import java.util.List;

import org.regroup.domain.FocusKind;

/** What a session works on: a skill of the graph, advisory, or an activity. */
public final class Focus {

    private final String id;
    private final int index;
    private final FocusKind kind;
    private final String name;
    private final int grade;
    private final String strand;
    private final int unlocks;
    private final List<String> tags;
    private final java.util.Set<String> modeIds;
    private final java.util.Set<String> roomIds;

    public Focus(String id, int index, FocusKind kind, String name, int grade, String strand, int unlocks,
            List<String> tags, java.util.Set<String> modeIds) {
        this(id, index, kind, name, grade, strand, unlocks, tags, modeIds, java.util.Set.of());
    }

    public Focus(String id, int index, FocusKind kind, String name, int grade, String strand, int unlocks,
            List<String> tags, java.util.Set<String> modeIds, java.util.Set<String> roomIds) {
        this.id = id;
        this.index = index;
        this.kind = kind;
        this.name = name;
        this.grade = grade;
        this.strand = strand;
        this.unlocks = unlocks;
        this.tags = List.copyOf(tags);
        this.modeIds = java.util.Set.copyOf(modeIds);
        this.roomIds = java.util.Set.copyOf(roomIds);
    }

    /** An activity tied to places (a museum trip) happens only there; anything else anywhere suitable. */
    public boolean canHappenIn(Room room) {
        return roomIds.isEmpty() || room != null && roomIds.contains(room.getId());
    }

    /** Activities run only in the modalities they list; skills and advisory in any that serves their kind. */
    public boolean runsIn(Mode mode) {
        return mode.serves(kind) && (modeIds.isEmpty() || modeIds.contains(mode.getId()));
    }

    public String getId() {
        return id;
    }

    /** Position in the day's list of foci: dense, for array-based tallies. */
    public int getIndex() {
        return index;
    }

    public FocusKind getKind() {
        return kind;
    }

    public boolean isSkill() {
        return kind == FocusKind.SKILL;
    }

    public String getName() {
        return name;
    }

    /** Grade level of a skill; -1 for advisory and activities. */
    public int getGrade() {
        return grade;
    }

    public String getStrand() {
        return strand;
    }

    /** How many skills this one unlocks downstream on the graph. */
    public int getUnlocks() {
        return unlocks;
    }

    public List<String> getTags() {
        return tags;
    }

    @Override
    public String toString() {
        return id;
    }
}
