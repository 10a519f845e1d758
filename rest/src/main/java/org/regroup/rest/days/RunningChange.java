package org.regroup.rest.days;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.solver.change.ProblemChange;
import ai.timefold.solver.core.api.solver.change.ProblemChangeDirector;
import org.regroup.domain.plan.PlanDiff;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Space;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * A mid-day change taken by a solve that is still running, as a Timefold problem change. {@code after} is the day
 * with the change applied — the same day problem {@link SchoolDays} makes to re-plan a finished plan — and the
 * working plan is made to agree with it: an adult no longer there in a block loses that block's session (its
 * students are unplaced and no student may join it), a closed space is taken out of its block's sessions (a group
 * meeting there loses its room), and a student gone home loses their placements (taken out of the day). What is
 * pinned or frozen (blocks that already happened) is left alone. The solve then places the freed students.
 */
final class RunningChange implements ProblemChange<DayPlan> {

    private final DayProblem after;
    private final List<PlanDiff.Move> moves = Collections.synchronizedList(new ArrayList<>());

    RunningChange(DayProblem after) {
        this.after = after;
    }

    @Override
    public void doChange(DayPlan plan, ProblemChangeDirector director) {
        Map<String, Staff> staff = byId(after.staff(), Staff::id);
        Map<String, Space> spaces = byId(after.spaces(), Space::id);
        Map<String, Student> students = byId(after.students(), Student::id);
        Set<Session> withdrawn = new HashSet<>();
        for (Session s : plan.getSessions()) {
            Staff adult = s.getAdult() == null ? null : staff.get(s.getAdult().getId());
            if (!s.isFixed() && !s.isCatchAll() && adult != null && !adult.availableIn(s.getPeriod().getId())) {
                withdrawn.add(s);
            }
        }
        List<Placement> gone = plan.getPlacements().stream().filter(p -> !p.isPinned())
                .filter(p -> !students.get(p.getLearner().getId()).availableIn(p.getPeriod().getId())).toList();
        Set<Placement> goneSet = new HashSet<>(gone);
        for (Placement p : plan.getPlacements()) {
            if (!p.isPinned() && p.getSession() != null && (goneSet.contains(p) || withdrawn.contains(p.getSession()))) {
                moves.add(move(p, p.getSession().getRoom() == null ? null : p.getSession().getRoom().getId(),
                        false));
                director.changeVariable(p, "session", x -> x.setSession(null));
            }
        }
        for (Placement p : plan.getPlacements()) {
            if (!p.isPinned() && !goneSet.contains(p) && p.getCandidates().stream().anyMatch(withdrawn::contains)) {
                // A value range, read by no rule: no score to update, and the restart rebuilds the solver's ranges.
                p.restrictCandidates(s -> !withdrawn.contains(s));
            }
        }
        for (Session s : plan.getSessions()) {
            if (s.isFixed() || s.getAllowedRooms().stream().allMatch(r -> open(r, s, spaces))) {
                continue;
            }
            if (s.getRoom() != null && !open(s.getRoom(), s, spaces)) {
                String closed = s.getRoom().getId();
                s.getPlacements().forEach(p -> moves.add(move(p, closed, true)));
                director.changeVariable(s, "room", x -> x.setRoom(null));
            }
            director.changeProblemProperty(s, x -> x.restrictRooms(r -> open(r, x, spaces)));
        }
        for (Placement p : gone) {
            director.removeEntity(p, plan::removePlacement);
        }
        director.updateShadowVariables();
    }

    private static boolean open(Room room, Session s, Map<String, Space> spaces) {
        Space space = spaces.get(room.getId());
        return space == null || space.availableIn(s.getPeriod().getId());
    }

    /** A student-block the change moved: out of their session, or (only the space lost) in it without a room. */
    private static PlanDiff.Move move(Placement p, String spaceBefore, boolean staysInSession) {
        Session s = p.getSession();
        Focus focus = s.focusOf(p.getLearner());
        String staff = s.getAdult() == null ? null : s.getAdult().getId();
        String focusId = focus == null ? null : focus.getId();
        return new PlanDiff.Move(p.getLearner().getId(), p.getPeriod().getId(), staff,
                staysInSession ? staff : null, focusId, staysInSession ? focusId : null, spaceBefore, null);
    }

    /** What the change itself moved in the plan the solve had, as a diff of the version with itself. */
    SchoolDays.Diff diff(int version) {
        List<PlanDiff.Move> all;
        synchronized (moves) {
            all = List.copyOf(moves);
        }
        Set<String> rosters = new TreeSet<>();
        for (PlanDiff.Move m : all) {
            if (m.staffBefore() != null) {
                rosters.add(m.staffBefore());
            }
        }
        return new SchoolDays.Diff(version, version, all, List.copyOf(rosters));
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, x -> x));
    }
}
