package org.regroup.benchmarks.cpsat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import org.regroup.benchmarks.cpsat.DayModel.Seat;
import org.regroup.solver.constraints.Rules;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.Ask;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * The hard rules. Those a plan can always keep (by leaving students unplaced) are constraints; those the data can
 * make impossible (accommodation minimums, admin requests) are penalties at hard level, so that the model is never
 * infeasible where Regroup would return a plan with a negative hard score. The ready-set, grade-reach and
 * qualification rules are in {@link DayModel#focusOfEachStudent} and {@link FocusDerivation}.
 */
final class HardRules {

    private final DayModel m;
    private final CpModel model;

    private HardRules(DayModel m) {
        this.m = m;
        this.model = m.model;
    }

    static void addTo(DayModel m) {
        HardRules h = new HardRules(m);
        h.sizeCaps();
        h.spaces();
        h.studentsAndSpaces();
        h.staff();
        h.travel();
        h.keepApart();
        h.accommodations();
        h.adminRequests();
    }

    /** Group over size cap; Staff over student cap (both: the group never exceeds either cap). */
    private void sizeCaps() {
        for (Session s : m.sessions) {
            LinearExpr size = m.size.get(s.getIndex());
            if (s.isCatchAll()) {
                if (s.getSizeCap() != Integer.MAX_VALUE) {
                    model.addLessOrEqual(size, s.getSizeCap());
                }
                continue;
            }
            LinearExprBuilder cap = LinearExpr.newBuilder();
            BoolVar[] z = m.modeVars.get(s.getIndex());
            for (int i = 0; i < z.length; i++) {
                Mode mode = s.getAllowedModes().get(i);
                long c = Math.min(mode.getMaxSize(), mode.getStudentsPerAdult());
                if (s.getAdult() != null) {
                    c = Math.min(c, s.getAdult().getMaxStudents());
                }
                cap.addTerm(z[i], Math.min(c, m.seatsOfSession.get(s.getIndex()).size()));
            }
            model.addLessOrEqual(size, cap);
        }
    }

    /**
     * Space over capacity, Space hosts too many groups, Space lacks what the modality needs, Activity away from its
     * place, Off-site without an off-site supervisor. (Space used when unavailable holds by construction: a session's
     * allowed rooms are open in its block.)
     */
    private void spaces() {
        for (var period : m.day.getPeriods()) {
            for (Room k : m.day.getRooms()) {
                List<LinearArgument> groups = new ArrayList<>();
                List<LinearArgument> students = new ArrayList<>();
                for (Session s : m.sessions) {
                    BoolVar r = s.getPeriod() == period ? m.roomVar(s, k) : null;
                    if (r == null) {
                        continue;
                    }
                    groups.add(r);
                    int most = m.seatsOfSession.get(s.getIndex()).size();
                    if (k.getMaxGroups() == 1) {
                        if (most > k.getCapacity()) {
                            model.addLessOrEqual(m.size.get(s.getIndex()), k.getCapacity()).onlyEnforceIf(r);
                        }
                    } else {
                        IntVar occupancy = model.newIntVar(0, most, "occupancy_" + s.getId() + "_" + k.getId());
                        model.addEquality(occupancy, m.size.get(s.getIndex())).onlyEnforceIf(r);
                        model.addEquality(occupancy, 0).onlyEnforceIf(r.not());
                        students.add(occupancy);
                    }
                }
                if (groups.size() > k.getMaxGroups()) {
                    model.addLessOrEqual(Logic.sum(groups), k.getMaxGroups());
                }
                if (!students.isEmpty()) {
                    model.addLessOrEqual(Logic.sum(students), k.getCapacity());
                }
            }
        }
        for (Session s : m.sessions) {
            for (Room k : s.getAllowedRooms()) {
                BoolVar r = m.roomVar(s, k);
                if (k.isOffSite() && s.getAdult() != null && !s.isCatchAll() && !s.getAdult().isMaySuperviseOffSite()) {
                    model.addEquality(r, 0);
                }
                for (Mode mode : s.getAllowedModes()) {
                    if (!k.hasAll(mode.getRequiredFeatures()) || k.isOffSite() != mode.isOffSite()) {
                        model.addBoolOr(new Literal[] { r.not(), m.modeVar(s, mode).not() });
                    }
                }
                for (Map.Entry<Focus, BoolVar> y : m.focusVars.get(s.getIndex()).entrySet()) {
                    if (!y.getKey().canHappenIn(k)) {
                        model.addBoolOr(new Literal[] { r.not(), y.getValue().not() });
                    }
                }
            }
        }
    }

    /** Quiet space not provided; Off-site for a student who must stay on site. */
    private void studentsAndSpaces() {
        for (Placement p : m.placements) {
            Learner l = p.getLearner();
            if (!l.isQuietSpace() && !l.isNoOffSite()) {
                continue;
            }
            for (Seat seat : m.seatsOfPlacement.get(p.getIndex())) {
                Session s = seat.session();
                List<LinearArgument> allowed = new ArrayList<>();
                for (Room k : s.getAllowedRooms()) {
                    boolean ok = (!l.isQuietSpace() || k.isQuiet()) && (!l.isNoOffSite() || !k.isOffSite());
                    if (ok) {
                        allowed.add(m.roomVar(s, k));
                    }
                }
                model.addLessOrEqual(seat.var(), Logic.sum(allowed));
            }
        }
    }

    /**
     * Staff over max teaching blocks. (Staff may not lead the modality and Modality does not fit the block hold by
     * construction: a session's allowed modalities are those its adult may lead in its block.)
     */
    private void staff() {
        for (Map.Entry<Adult, List<Session>> e : m.adultSessions().entrySet()) {
            int max = e.getKey().getMaxTeachingBlocks();
            if (max < e.getValue().size()) {
                model.addLessOrEqual(Logic.sum(e.getValue().stream().map(s -> m.open.get(s.getIndex())).toList()), max);
            }
        }
    }

    /**
     * Student travel time not covered; Staff travel time not covered. A block next to an off-site session whose
     * travel does not fit in the gap is spent at that site or travelling (unplaced; the medium rule excuses it).
     */
    private void travel() {
        for (List<Placement> dayOf : m.dayOf.values()) {
            for (int i = 0; i < dayOf.size(); i++) {
                Placement p = dayOf.get(i);
                for (int j : new int[] { i - 1, i + 1 }) {
                    if (j < 0 || j >= dayOf.size()) {
                        continue;
                    }
                    Placement q = dayOf.get(j);
                    for (Room site : travelSites()) {
                        if (!DayModel.adjacent(p.getPeriod(), q.getPeriod())
                                && !DayModel.adjacent(q.getPeriod(), p.getPeriod())) {
                            continue;
                        }
                        if (!travelTakes(p, site, q)) {
                            continue;
                        }
                        LinearExpr there = atRoom(p, site);
                        if (there == null) {
                            continue;
                        }
                        LinearExpr neighbourThere = atRoom(q, site);
                        // there ⇒ q unplaced or at the same site
                        model.addLessOrEqual(LinearExpr.newBuilder().add(there).add(m.placed.get(q.getIndex()))
                                .addTerm(neighbourThere == null ? LinearExpr.constant(0) : neighbourThere, -1), 1);
                    }
                }
            }
        }
        for (List<Session> sessions : m.adultSessions().values()) {
            for (int i = 0; i + 1 < sessions.size(); i++) {
                Session before = sessions.get(i);
                Session after = sessions.get(i + 1);
                if (!DayModel.adjacent(before.getPeriod(), after.getPeriod())) {
                    continue;
                }
                for (Room site : travelSites()) {
                    BoolVar atAfter = m.roomVar(after, site);
                    BoolVar atBefore = m.roomVar(before, site);
                    if (atAfter != null && site.getTravelMinutes() > after.getPeriod().getGapBeforeMinutes()) {
                        model.addLessOrEqual(LinearExpr.newBuilder().add(atAfter).add(m.open.get(before.getIndex()))
                                .addTerm(atBefore == null ? LinearExpr.constant(0) : atBefore, -1), 1);
                    }
                    if (atBefore != null && site.getTravelMinutes() > before.getPeriod().getGapAfterMinutes()) {
                        model.addLessOrEqual(LinearExpr.newBuilder().add(atBefore).add(m.open.get(after.getIndex()))
                                .addTerm(atAfter == null ? LinearExpr.constant(0) : atAfter, -1), 1);
                    }
                }
            }
        }
    }

    List<Room> travelSites() {
        return m.day.getRooms().stream().filter(r -> r.isOffSite() && r.getTravelMinutes() > 0).toList();
    }

    /** DayEntry.travelTakes: travel to the site at p's block does not fit in the gap next to q's block. */
    static boolean travelTakes(Placement p, Room site, Placement q) {
        int at = p.getPeriod().getIndex();
        int neighbour = q.getPeriod().getIndex();
        if (neighbour == at - 1) {
            return site.getTravelMinutes() > p.getPeriod().getGapBeforeMinutes();
        }
        return neighbour == at + 1 && site.getTravelMinutes() > p.getPeriod().getGapAfterMinutes();
    }

    /** 1 when the placement's session is in room k (null when it cannot be). */
    LinearExpr atRoom(Placement p, Room k) {
        return at(m, p, k);
    }

    static LinearExpr at(DayModel m, Placement p, Room k) {
        return m.atRoom.computeIfAbsent(p.getId() + "@" + k.getId(), key -> placementInRoom(m, p, k));
    }

    private static LinearExpr placementInRoom(DayModel m, Placement p, Room k) {
        List<LinearArgument> terms = new ArrayList<>();
        for (Seat seat : m.seatsOfPlacement.get(p.getIndex())) {
            BoolVar r = m.roomVar(seat.session(), k);
            if (r != null) {
                terms.add(m.logic.and(seat.var(), r));
            }
        }
        return terms.isEmpty() ? null : Logic.sum(terms);
    }

    /** Keep-apart students together: never in the same session. */
    private void keepApart() {
        for (Placement p : m.placements) {
            for (Learner other : p.getLearner().getKeepApart()) {
                if (other.getIndex() < p.getLearner().getIndex()) {
                    continue;
                }
                for (Seat seat : m.seatsOfPlacement.get(p.getIndex())) {
                    for (Seat theirs : m.seatsOfSession.get(seat.session().getIndex())) {
                        if (theirs.placement().getLearner() == other) {
                            model.addBoolOr(new Literal[] { seat.var().not(), theirs.var().not() });
                        }
                    }
                }
            }
        }
    }

    /** Too few staff-led blocks; Too little 1:1 time (per block short); Too many online blocks. */
    private void accommodations() {
        for (Map.Entry<Learner, List<Placement>> e : m.dayOf.entrySet()) {
            Learner l = e.getKey();
            List<Placement> day = e.getValue();
            if (l.getMinStaffLedBlocks() > 0) {
                // Staff-led time: a staff-led modality with an adult of ours (a catch-all never counts).
                LinearExprBuilder staffLed = LinearExpr.newBuilder();
                for (Placement p : day) {
                    m.placedIn.get(p.getIndex()).forEach((mode, in) -> {
                        if (mode.isStaffLed()) {
                            staffLed.add(in);
                        }
                    });
                    for (Seat seat : m.seatsOfPlacement.get(p.getIndex())) {
                        Session s = seat.session();
                        if ((s.isCatchAll() || s.getAdult() == null) && s.getAllowedModes().get(0).isStaffLed()) {
                            staffLed.addTerm(seat.var(), -1);
                        }
                    }
                }
                shortfall(Rules.STAFF_LED_MINIMUM, l.getMinStaffLedBlocks(), staffLed.build());
            }
            if (l.getOneToOneMinutes() > 0) {
                LinearExprBuilder minutes = LinearExpr.newBuilder();
                for (Placement p : day) {
                    for (Mode mode : m.placedIn.get(p.getIndex()).keySet()) {
                        if (mode.isOneToOne()) {
                            minutes.addTerm(m.in(p, mode), p.getPeriod().getMinutes());
                        }
                    }
                }
                oneToOneShortfall(l, minutes.build());
            }
            if (l.getMaxOnlineBlocks() != Integer.MAX_VALUE) {
                LinearExprBuilder online = LinearExpr.newBuilder();
                for (Placement p : day) {
                    for (Mode mode : m.placedIn.get(p.getIndex()).keySet()) {
                        if (mode.isOnline()) {
                            online.add(m.in(p, mode));
                        }
                    }
                }
                model.addLessOrEqual(online, l.getMaxOnlineBlocks());
            }
        }
    }

    /**
     * Too little 1:1 time, per block short as Regroup counts it ({@code Learner.oneToOneBlocksShort}): the minutes
     * short, max(0, required − delivered), divided by the student's longest block and rounded up.
     */
    private void oneToOneShortfall(Learner l, LinearExpr minutes) {
        int required = l.getOneToOneMinutes();
        IntVar minutesShort = model.newIntVar(0, required, "short_minutes_" + l.getIndex());
        model.addMaxEquality(minutesShort, new LinearArgument[] { LinearExpr.constant(0),
                LinearExpr.newBuilder().add(required).addTerm(minutes, -1).build() });
        int block = l.getLongestBlockMinutes();
        IntVar blocksShort = model.newIntVar(0, l.oneToOneBlocksShort(0), "short_blocks_" + l.getIndex());
        model.addDivisionEquality(blocksShort, LinearExpr.newBuilder().add(minutesShort).add(block - 1).build(),
                LinearExpr.constant(block));
        m.score.add(Rules.ONE_TO_ONE_MINUTES, blocksShort);
    }

    /** Penalised at hard level per unit short: max(0, required − delivered). */
    private void shortfall(String rule, int required, LinearExpr delivered) {
        IntVar shortBy = model.newIntVar(0, required, "short_" + rule.hashCode());
        model.addMaxEquality(shortBy, new LinearArgument[] { LinearExpr.constant(0),
                LinearExpr.newBuilder().add(required).addTerm(delivered, -1).build() });
        m.score.add(rule, shortBy);
    }

    /** Admin-required request not honoured (1 hard each); pinned ones hold by the pin. */
    private void adminRequests() {
        for (Ask ask : m.day.getAsks()) {
            if (ask.isAdminRequired()) {
                m.score.add(Rules.ADMIN_REQUEST, Logic.not(Requests.honoured(m, ask)));
            }
        }
    }
}
