package org.regroup.benchmarks.witness;

import org.regroup.domain.FocusKind;

/**
 * A focus a student may work on in a block (a ready skill within reach, an activity offered then, advisory), with the
 * preference that decides which focus a group works on (docs/model.md): requests, then goal value, then interests,
 * then how much of the skill graph it unlocks — packed in that order so that sums compare the same way.
 */
record Option(String id, FocusKind kind, int goalValue, long preference) {

    static long preference(boolean requested, int goalValue, int interest, int unlocks) {
        return (requested ? 1L << 44 : 0) + ((long) goalValue << 32) + ((long) interest << 24) + unlocks;
    }
}
