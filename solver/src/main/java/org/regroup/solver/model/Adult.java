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
        return !focus.isSkill() || qualified.test(focus);
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
