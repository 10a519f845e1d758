package org.regroup.solver.constraints;

import java.util.List;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * Why a rule matched, in plain words a scheduler or teacher can read, naming people by id only (student data is
 * sensitive: no names). {@link #studentIds()} and {@link #blockId()} let an explanation find the matches that touch
 * one student in one block.
 */
public interface Reason extends ConstraintJustification {

    String describe();

    /** The students the match concerns (empty when it concerns staff or spaces only). */
    List<String> studentIds();

    /** The block the match is in; null for whole-day rules. */
    String blockId();
}
