package org.regroup.solver.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractSimplifiedMove;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * A change to one group (or two) and the students it moves, made in one step: a slot opened with its modality, room
 * and members; a group dissolved into the groups around it; a group turned into another modality, its extra members
 * reseated; two adults trading their groups. Local search made of single-student moves cannot take these steps:
 * every intermediate state (a group of one below its minimum, an adult still holding a group in the block they must
 * travel, a student who needs quiet in the lab) is worse than both ends.
 *
 * <p>The move records the values it sets, decided when it was made ({@link GroupMoves}); Timefold undoes it by the
 * variable changes it announces.
 */
final class GroupMove extends AbstractSimplifiedMove<DayPlan> {

    private final String kind;
    private final List<Slot> slots;
    private final List<Placement> students;
    private final List<Session> targets;

    /** A slot the move sets: its modality and room become {@code mode} and {@code room}. */
    record Slot(Session session, Mode mode, Room room) {
    }

    /**
     * @param session  the group's slot; its modality and room become {@code mode} and {@code room}
     * @param students students to move, each to the session at the same position of {@code targets} (null: unseated)
     */
    GroupMove(String kind, Session session, Mode mode, Room room, List<Placement> students, List<Session> targets) {
        this(kind, List.of(new Slot(session, mode, room)), students, targets);
    }

    /** As above, setting several slots of the block at once (two adults trading their groups). */
    GroupMove(String kind, List<Slot> slots, List<Placement> students, List<Session> targets) {
        if (students.size() != targets.size()) {
            throw new IllegalArgumentException("one target per student");
        }
        this.kind = kind;
        this.slots = List.copyOf(slots);
        this.students = List.copyOf(students);
        this.targets = new ArrayList<>(targets); // may hold nulls
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<DayPlan> director) {
        for (Slot slot : slots) {
            if (slot.session().getMode() != slot.mode() || slot.session().getRoom() != slot.room()) {
                return true;
            }
        }
        for (int i = 0; i < students.size(); i++) {
            if (students.get(i).getSession() != targets.get(i)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<DayPlan> director) {
        for (Slot slot : slots) {
            Session session = slot.session();
            if (session.getMode() != slot.mode()) {
                director.beforeVariableChanged(session, "mode");
                session.setMode(slot.mode());
                director.afterVariableChanged(session, "mode");
            }
            if (session.getRoom() != slot.room()) {
                director.beforeVariableChanged(session, "room");
                session.setRoom(slot.room());
                director.afterVariableChanged(session, "room");
            }
        }
        for (int i = 0; i < students.size(); i++) {
            Placement p = students.get(i);
            Session target = targets.get(i);
            if (p.getSession() != target) {
                director.beforeVariableChanged(p, "session");
                p.setSession(target);
                director.afterVariableChanged(p, "session");
            }
        }
    }

    @Override
    public Collection<?> getPlanningEntities() {
        List<Object> entities = new ArrayList<>(students.size() + slots.size());
        slots.forEach(slot -> entities.add(slot.session()));
        entities.addAll(students);
        return entities;
    }

    @Override
    public Collection<?> getPlanningValues() {
        LinkedHashSet<Object> values = new LinkedHashSet<>();
        for (Slot slot : slots) {
            values.add(slot.mode());
            if (slot.room() != null) {
                values.add(slot.room());
            }
        }
        targets.stream().filter(Objects::nonNull).forEach(values::add);
        return values;
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "GroupMove(" + kind + ")";
    }

    @Override
    public String toString() {
        return kind + " " + slots + ": " + students + " -> " + targets;
    }
}
