package org.regroup.solver.constraints;

import java.util.List;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * Why a rule matched, in plain words a scheduler or teacher can read, naming people by id only (student data is
 * sensitive: no names). {@link #studentIds()} and {@link #blockId()} let an explanation find the matches that touch
 * one student in one block; {@link #sessionIds()} say which sessions the match is about, so that a report can name
 * their blocks, adults and spaces too.
 */
public interface Reason extends ConstraintJustification {

    String describe();

    /** The students the match concerns (empty when it concerns staff or spaces only). */
    List<String> studentIds();

    /** The block the match is in; null for whole-day rules. */
    String blockId();

    /**
     * The sessions the match is about: those of its students in them are in a session that breaks the rule. Empty
     * for rules about a student's whole day (an accommodation's total, a request).
     */
    default List<String> sessionIds() {
        return List.of();
    }
}
