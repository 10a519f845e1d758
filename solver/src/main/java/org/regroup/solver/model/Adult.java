package org.regroup.solver.model;

import java.util.Set;
import java.util.function.Predicate;

import org.regroup.domain.StaffRole;

/** A staff member as the solver sees them. */
public final class Adult {

    private final String id;
    private final StaffRole role;
    private final Set<Mode> modes;
    private final Predicate<Focus> qualified;
    /** {@link #qualified} by focus index, once the day's foci are known; empty before. */
    private boolean[] qualifiedByFocusIndex = new boolean[0];
    private final int maxTeachingBlocks;
    private final int maxStudents;
    private final boolean maySuperviseOffSite;
    private final boolean presentToday;

    public Adult(String id, StaffRole role, Set<Mode> modes, Predicate<Focus> qualified, int maxTeachingBlocks,
            int maxStudents, boolean maySuperviseOffSite, boolean presentToday) {
        this.id = id;
        this.role = role;
        this.modes = Set.copyOf(modes);
        this.qualified = qualified;
        this.maxTeachingBlocks = maxTeachingBlocks;
        this.maxStudents = maxStudents;
        this.maySuperviseOffSite = maySuperviseOffSite;
        this.presentToday = presentToday;
    }

    /** Works at least one block today (an advisor who is away cannot be seen). */
    public boolean isPresentToday() {
        return presentToday;
    }

    public String getId() {
        return id;
    }

    public StaffRole getRole() {
        return role;
    }

    public boolean mayLead(Mode mode) {
        return modes.contains(mode);
    }

    public Set<Mode> getModes() {
        return modes;
    }

    /** Qualified for a skill's strand and grade; advisory and activities need no content qualification. */
    public boolean isQualifiedFor(Focus focus) {
        if (!focus.isSkill()) {
            return true;
        }
        boolean[] known = qualifiedByFocusIndex;
        int i = focus.getIndex();
        return i >= 0 && i < known.length ? known[i] : qualified.test(focus);
    }

    /**
     * Answers qualification from a table by focus index from now on: building a large day asked it millions of
     * times (a string-set lookup each). Called once the day's foci are known.
     */
    public void indexQualifications(java.util.Collection<Focus> foci) {
        boolean[] known = new boolean[foci.stream().mapToInt(Focus::getIndex).max().orElse(-1) + 1];
        for (Focus focus : foci) {
            known[focus.getIndex()] = qualified.test(focus);
        }
        this.qualifiedByFocusIndex = known;
    }

    /** {@code Integer.MAX_VALUE} when unlimited. */
    public int getMaxTeachingBlocks() {
        return maxTeachingBlocks;
    }

    /** {@code Integer.MAX_VALUE} when unlimited. */
    public int getMaxStudents() {
        return maxStudents;
    }

    public boolean isMaySuperviseOffSite() {
        return maySuperviseOffSite;
    }

    @Override
    public String toString() {
        return id;
    }
}
