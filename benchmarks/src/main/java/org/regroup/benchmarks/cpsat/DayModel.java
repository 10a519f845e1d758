package org.regroup.benchmarks.cpsat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Option;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * The decisions of a day as CP-SAT variables, on the same entities as Regroup's solver (so a solution maps one to
 * one onto a {@link DayPlan}), plus the derived facts every rule reads:
 *
 * <ul>
 * <li>{@code seat(p, s)}: placement p (student × block) is in candidate session s (at most one per placement);
 * <li>{@code mode(s, m)}, {@code room(s, k)}: how and where session s runs (one mode; a room exactly when open);
 * <li>{@code focus(s, f)}: the shared focus of an open session in a shared-focus modality (see
 * {@link FocusDerivation}: it is the focus Regroup's GroupSummary derives from the members);
 * <li>{@code placedIn(p, m)}: the student's modality in that block; {@code worksOn(p, f)}: what they work on there
 * (the group's focus, or their own best option in individual modalities).
 * </ul>
 *
 * The rules are added by {@link HardRules}, {@link GroupRules} and {@link DayRules}.
 */
final class DayModel {

    /** A placement's possible seat in a session. */
    record Seat(Placement placement, Session session, BoolVar var) {
    }

    final DayPlan day;
    final Scope scope;
    final CpModel model = new CpModel();
    final Logic logic = new Logic(model);
    final ScoreTerms score;

    final List<Placement> placements;
    final List<Session> sessions;
    /** Per placement (by index), its seats in candidate order. */
    final List<List<Seat>> seatsOfPlacement = new ArrayList<>();
    /** Per session (by index), the seats that may fill it. */
    final List<List<Seat>> seatsOfSession = new ArrayList<>();
    /** Per session, one variable per allowed modality (in allowed order). */
    final List<BoolVar[]> modeVars = new ArrayList<>();
    /** Per session, one variable per allowed room (in allowed order); all false when the session is not held. */
    final List<BoolVar[]> roomVars = new ArrayList<>();
    final List<BoolVar> open = new ArrayList<>();
    final List<LinearExpr> size = new ArrayList<>();
    /** The same sizes as variables, so that constraints over a session's size need not repeat every seat. */
    final List<IntVar> sizeVar = new ArrayList<>();
    final List<LinearExpr> placed = new ArrayList<>();
    /** Per session: 1 when it runs in a shared-focus modality (0 for catch-alls). */
    final List<LinearExpr> shared = new ArrayList<>();
    /** Per session: 1 when it runs in an individual modality (always for catch-alls). */
    final List<LinearExpr> individual = new ArrayList<>();
    /** Per session: held in a shared-focus modality, so it has exactly one focus (null when it never can). */
    final List<BoolVar> sharedOpen = new ArrayList<>();
    /** Per session: its possible shared foci. */
    final List<Map<Focus, BoolVar>> focusVars = new ArrayList<>();
    /** Per placement: its modality. */
    final List<Map<Mode, BoolVar>> placedIn = new ArrayList<>();
    /** Per placement: its focus, among the student's eligible options. */
    final List<Map<Focus, BoolVar>> worksOn = new ArrayList<>();
    /** Placement-in-room expressions built so far (travel rules ask for the same ones twice). */
    final Map<String, LinearExpr> atRoom = new HashMap<>();
    /** Interchangeable adults' days, per class, in the order {@link Symmetry} imposes (empty: none). */
    List<List<List<Session>>> symmetricDays = List.of();
    /** Placements per learner, in day order. */
    final Map<Learner, List<Placement>> dayOf = new LinkedHashMap<>();

    private final List<List<Option>> eligibleOptions = new ArrayList<>();
    private final List<Set<Focus>> eligibleFoci = new ArrayList<>();

    private DayModel(DayPlan day, Scope scope) {
        this.day = day;
        this.scope = scope;
        this.placements = day.getPlacements();
        this.sessions = day.getSessions();
        this.score = new ScoreTerms(day.getConstraintWeightOverrides(), scope, model);
        for (Placement p : placements) {
            List<Option> eligible = p.getLearner().options(p.getPeriod()).stream().filter(Option::eligible).toList();
            eligibleOptions.add(eligible);
            eligibleFoci.add(eligible.stream().map(Option::focus).collect(Collectors.toSet()));
        }
    }

    static DayModel of(DayPlan day) {
        return of(day, Scope.ALL_PLANS);
    }

    static DayModel of(DayPlan day, Scope scope) {
        return of(day, scope, true);
    }

    /** {@code breakSymmetry} false: without {@link Symmetry}'s ordering (tests compare both). */
    static DayModel of(DayPlan day, Scope scope, boolean breakSymmetry) {
        DayModel m = new DayModel(day, scope);
        m.seats();
        m.sessionsRunning();
        m.modalityOfEachStudent();
        FocusDerivation.addTo(m);
        m.focusOfEachStudent();
        HardRules.addTo(m);
        GroupRules.addTo(m);
        DayRules.addTo(m);
        if (breakSymmetry) {
            m.symmetricDays = Symmetry.addTo(m);
        }
        m.model.minimize(m.score.objective(m.model.model()));
        return m;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void seats() {
        for (int s = 0; s < sessions.size(); s++) {
            seatsOfSession.add(new ArrayList<>());
        }
        for (Placement p : placements) {
            List<Seat> seats = new ArrayList<>();
            for (Session s : p.getCandidates()) {
                Seat seat = new Seat(p, s, model.newBoolVar("x_" + p.getId() + "_" + s.getId()));
                seats.add(seat);
                seatsOfSession.get(s.getIndex()).add(seat);
            }
            seatsOfPlacement.add(seats);
            LinearExpr sum = Logic.sum(seats.stream().map(Seat::var).toList());
            model.addLessOrEqual(sum, 1);
            placed.add(sum);
            if (p.isPinned()) {
                // An admin-required pin: the importer keeps it, so the model must too.
                model.addEquality(seatIn(p, p.getSession()), 1);
            }

            dayOf.computeIfAbsent(p.getLearner(), l -> new ArrayList<>()).add(p);
        }
        dayOf.values().forEach(list -> list.sort((a, b) -> a.getPeriod().getIndex() - b.getPeriod().getIndex()));
    }

    private void sessionsRunning() {
        for (Session s : sessions) {
            List<Seat> seats = seatsOfSession.get(s.getIndex());
            BoolVar isOpen = model.newBoolVar("open_" + s.getId());
            LinearExpr members = Logic.sum(seats.stream().map(Seat::var).toList());
            for (Seat seat : seats) {
                model.addImplication(seat.var(), isOpen);
            }
            model.addLessOrEqual(isOpen, members);
            open.add(isOpen);
            size.add(members);
            IntVar sized = model.newIntVar(0, seats.size(), "size_" + s.getId());
            model.addEquality(sized, members);
            sizeVar.add(sized);

            List<Mode> modes = s.getAllowedModes();
            BoolVar[] z = new BoolVar[modes.size()];
            for (int i = 0; i < z.length; i++) {
                z[i] = model.newBoolVar("mode_" + s.getId() + "_" + modes.get(i).getId());
            }
            model.addExactlyOne(z);
            modeVars.add(z);

            List<Room> rooms = s.getAllowedRooms();
            BoolVar[] r = new BoolVar[rooms.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = model.newBoolVar("room_" + s.getId() + "_" + rooms.get(i).getId());
            }
            // An empty slot needs no room; a held one exactly one (Session without a space: hard).
            model.addEquality(Logic.sum(List.of(r)), isOpen);
            roomVars.add(r);

            List<LinearArgument> sharedModes = new ArrayList<>();
            List<LinearArgument> individualModes = new ArrayList<>();
            for (int i = 0; i < z.length; i++) {
                (isShared(s, modes.get(i)) ? sharedModes : individualModes).add(z[i]);
            }
            shared.add(Logic.sum(sharedModes));
            individual.add(Logic.sum(individualModes));
        }
    }

    /** The student's modality in each block: exact, since a placement has one session and a session one mode. */
    private void modalityOfEachStudent() {
        for (Placement p : placements) {
            Map<Mode, BoolVar> u = new LinkedHashMap<>();
            for (Seat seat : seatsOfPlacement.get(p.getIndex())) {
                Session s = seat.session();
                for (int i = 0; i < s.getAllowedModes().size(); i++) {
                    Mode m = s.getAllowedModes().get(i);
                    BoolVar in = u.computeIfAbsent(m, k -> model.newBoolVar("in_" + p.getId() + "_" + k.getId()));
                    model.addGreaterOrEqual(LinearExpr.newBuilder().add(in).addTerm(seat.var(), -1)
                            .addTerm(modeVars.get(s.getIndex())[i], -1), -1);
                }
            }
            model.addEquality(Logic.sum(new ArrayList<>(u.values())), placed.get(p.getIndex()));
            placedIn.add(u);
        }
    }

    /**
     * What each student works on. In a shared-focus session they must be eligible for the group's focus (Skill not in
     * student's ready set, Skill more than a grade above: hard), in an individual one for their own best option.
     */
    private void focusOfEachStudent() {
        for (Placement p : placements) {
            Map<Focus, BoolVar> works = new LinkedHashMap<>();
            for (Option o : eligible(p)) {
                works.put(o.focus(), model.newBoolVar("works_" + p.getId() + "_" + o.focus().getId()));
            }
            model.addEquality(Logic.sum(new ArrayList<>(works.values())), placed.get(p.getIndex()));
            Option best = p.getLearner().best(p.getPeriod());
            boolean bestEligible = best != null && best.eligible();
            for (Seat seat : seatsOfPlacement.get(p.getIndex())) {
                int s = seat.session().getIndex();
                Map<Focus, BoolVar> y = focusVars.get(s);
                // shared: the group's focus must be one of the student's eligible options
                List<LinearArgument> mine = new ArrayList<>();
                for (Map.Entry<Focus, BoolVar> e : y.entrySet()) {
                    BoolVar w = works.get(e.getKey());
                    if (w != null) {
                        mine.add(e.getValue());
                        model.addGreaterOrEqual(LinearExpr.newBuilder().add(w).addTerm(seat.var(), -1)
                                .addTerm(e.getValue(), -1), -1);
                    }
                }
                model.addGreaterOrEqual(Logic.sum(mine), LinearExpr.newBuilder().add(seat.var())
                        .add(shared.get(s)).add(-1).build());
                // individual: the student works on their own best option, which must be eligible
                if (bestEligible) {
                    model.addGreaterOrEqual(LinearExpr.newBuilder().add(works.get(best.focus()))
                            .addTerm(seat.var(), -1).addTerm(individual.get(s), -1), -1);
                } else {
                    model.addLessOrEqual(LinearExpr.newBuilder().add(seat.var()).add(individual.get(s)), 1);
                }
            }
            worksOn.add(works);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Shared lookups

    static boolean isShared(Session s, Mode m) {
        return m.isSharedFocus() && !s.isCatchAll();
    }

    /** The student's options in the block they are eligible for (ready, within grade reach). */
    List<Option> eligible(Placement p) {
        return eligibleOptions.get(p.getIndex());
    }

    Set<Focus> eligibleFoci(Placement p) {
        return eligibleFoci.get(p.getIndex());
    }

    /** The seat variable of placement p in session s, or null when s is not a candidate. */
    BoolVar seatIn(Placement p, Session s) {
        for (Seat seat : seatsOfPlacement.get(p.getIndex())) {
            if (seat.session() == s) {
                return seat.var();
            }
        }
        return null;
    }

    /** 1 when the placement's session is led by this adult (0/1 expression). */
    LinearExpr withAdult(Placement p, org.regroup.solver.model.Adult adult) {
        return Logic.sum(seatsOfPlacement.get(p.getIndex()).stream()
                .filter(seat -> seat.session().getAdult() == adult).map(Seat::var).toList());
    }

    /** 1 when the placement is in modality m. */
    LinearArgument in(Placement p, Mode m) {
        BoolVar u = placedIn.get(p.getIndex()).get(m);
        return u == null ? LinearExpr.constant(0) : u;
    }

    /** 1 when the student works on focus f in this placement. */
    LinearArgument works(Placement p, Focus f) {
        BoolVar w = worksOn.get(p.getIndex()).get(f);
        return w == null ? LinearExpr.constant(0) : w;
    }

    BoolVar roomVar(Session s, Room k) {
        int i = s.getAllowedRooms().indexOf(k);
        return i < 0 ? null : roomVars.get(s.getIndex())[i];
    }

    BoolVar modeVar(Session s, Mode m) {
        int i = s.getAllowedModes().indexOf(m);
        return i < 0 ? null : modeVars.get(s.getIndex())[i];
    }

    /** Adults' own sessions (catch-alls are the school's), per adult, in day order. */
    Map<org.regroup.solver.model.Adult, List<Session>> adultSessions() {
        Map<org.regroup.solver.model.Adult, List<Session>> result = new HashMap<>();
        for (Session s : sessions) {
            if (s.getAdult() != null && !s.isCatchAll()) {
                result.computeIfAbsent(s.getAdult(), a -> new ArrayList<>()).add(s);
            }
        }
        result.values().forEach(list -> list.sort((a, b) -> a.getPeriod().getIndex() - b.getPeriod().getIndex()));
        return result;
    }

    static boolean adjacent(Period before, Period after) {
        return after.getIndex() == before.getIndex() + 1;
    }

    Literal trueLiteral() {
        return model.trueLiteral();
    }
}
