package org.regroup.solver.search;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.ChangeMove;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Placement;

/**
 * Local search never takes a seated student's seat away. The score ranks a broken hard rule above a student without
 * a seat, so on a day whose accommodations cannot all be met, search traded seats for them: 86 student-blocks left
 * with nowhere to be for three staff-led blocks (a studio day, docs/model.md). A school's first rule is that every
 * student is somewhere every block; accommodations are met within the seats there are, and the plan says which are
 * not. Students move between sessions freely (change to another session, swaps, group moves that reseat everyone
 * they move); only a move to "unseated" is refused. Travel blocks are planned by the day builder.
 */
public final class KeepsSeats implements SelectionFilter<DayPlan, ChangeMove<DayPlan>> {

    @Override
    public boolean accept(ScoreDirector<DayPlan> director, ChangeMove<DayPlan> move) {
        return move.getToPlanningValue() != null || !(move.getEntity() instanceof Placement p)
                || p.getSession() == null;
    }
}
