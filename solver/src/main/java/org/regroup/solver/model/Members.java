package org.regroup.solver.model;

import java.util.ArrayList;

/**
 * A session's members, as Timefold keeps them (the inverse of {@link Placement#getSession()}), with a count of the
 * changes made to them. Timefold asks a session for its summary far more often than its members change (about two
 * calls in three on large.json find nothing changed): the count answers those at once, instead of looking every
 * member up in the summary.
 */
final class Members extends ArrayList<Placement> {

    Members() {
    }

    Members(int capacity) {
        super(capacity);
    }

    /** Changes so far: it moves on every add and remove (Java's own modification count). */
    int changes() {
        return modCount;
    }
}
