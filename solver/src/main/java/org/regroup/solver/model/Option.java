package org.regroup.solver.model;

import org.regroup.domain.SkillState;

/**
 * One focus a student could work on in a block, and what it means for them.
 *
 * @param ready       a skill in their ready set (always true for advisory and activities)
 * @param withinGrade at most one grade above theirs, or an explicit goal
 * @param mastery     current mastery of the skill (0 for non-skills)
 * @param state       skill state (null for non-skills)
 * @param goalValue   0 when not a goal; 3 for a priority-1 goal, 2 for priority 2, 1 for priority 3 or lower
 * @param interest    interest tags the student shares with an activity
 * @param requested   someone asked for the student to work on it (a teacher's request, a student's choice)
 */
public record Option(Focus focus, boolean ready, boolean withinGrade, double mastery, SkillState state, int goalValue,
        int interest, boolean requested) {

    public Option(Focus focus, boolean ready, boolean withinGrade, double mastery, SkillState state, int goalValue,
            int interest) {
        this(focus, ready, withinGrade, mastery, state, goalValue, interest, false);
    }

    /** Eligible: the student may work on it (ready, and not too far above grade). */
    public boolean eligible() {
        return ready && withinGrade;
    }

    /** Eligible, and its focus runs in {@code mode}: what a group in that modality may work on for this student. */
    public boolean eligibleIn(Mode mode) {
        return eligible() && focus.runsIn(mode);
    }

    /** Orders a student's options: eligible first, then {@link #preference()}. */
    public long rank() {
        return (eligible() ? 1L << 50 : 0) + preference();
    }

    /** What a group's focus follows among eligible options: requests, then goals, interests, unlocks. */
    public long preference() {
        return (requested ? 1L << 44 : 0) + ((long) goalValue << 32) + ((long) interest << 24) + focus.getUnlocks();
    }
}
