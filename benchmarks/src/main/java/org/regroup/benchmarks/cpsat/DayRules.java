package org.regroup.benchmarks.cpsat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import org.regroup.benchmarks.cpsat.DayModel.Seat;
import org.regroup.domain.BlockKind;
import org.regroup.solver.constraints.Rules;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.Ask;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/** Rules over a student's or an adult's whole day, and the requests. */
final class DayRules {

    private final DayModel m;
    private final CpModel model;

    private DayRules(DayModel m) {
        this.m = m;
        this.model = m.model;
    }

    static void addTo(DayModel m) {
        DayRules d = new DayRules(m);
        m.dayOf.forEach(d::studentDay);
        m.adultSessions().forEach(d::adultDay);
        for (Ask ask : m.day.getAsks()) {
            if (!ask.isAdminRequired()) {
                m.score.add(Rules.REQUEST_IGNORED, Logic.not(Requests.honoured(m, ask)), ask.priority().softWeight());
            }
        }
        d.peers();
    }

    private void studentDay(Learner l, List<Placement> day) {
        unplaced(day);
        sameModalityAllDay(l, day);
        sameSkillTwice(day);
        if (l.getAdvisor() != null && l.getAdvisor().isPresentToday()) {
            List<LinearArgument> withAdvisor = day.stream().map(p -> (LinearArgument) m.withAdult(p, l.getAdvisor()))
                    .toList();
            m.score.add(Rules.ADVISOR_NOT_SEEN, Logic.not(m.logic.or(withAdvisor)));
        }
        for (Placement p : day) {
            movedFromPrevious(p);
            if (l.hasTwoDaysRunning()) {
                threeDaysRunning(p);
            }
        }
    }

    /** Student not placed, unless travel to or from an off-site session next door takes the block. */
    private void unplaced(List<Placement> day) {
        List<Room> sites = m.day.getRooms().stream().filter(r -> r.isOffSite() && r.getTravelMinutes() > 0).toList();
        for (Placement q : day) {
            List<LinearArgument> travelling = new ArrayList<>();
            for (Placement p : day) {
                for (Room site : sites) {
                    if (HardRules.travelTakes(p, site, q)) {
                        LinearExpr there = HardRules.at(m, p, site);
                        if (there != null) {
                            travelling.add(there);
                        }
                    }
                }
            }
            LinearExpr notPlaced = Logic.not(m.placed.get(q.getIndex()));
            m.score.add(Rules.UNPLACED, travelling.isEmpty() ? notPlaced
                    : m.logic.and(notPlaced, Logic.not(m.logic.or(travelling))));
        }
    }

    /** Same modality all day: three or more skill blocks, all in one modality. */
    private void sameModalityAllDay(Learner l, List<Placement> day) {
        List<Placement> skillBlocks = day.stream().filter(p -> p.getPeriod().getKind() == BlockKind.SKILLS).toList();
        if (skillBlocks.size() < 3) {
            return;
        }
        LinearExpr blocks = Logic.sum(skillBlocks.stream().map(p -> (LinearArgument) m.placed.get(p.getIndex()))
                .toList());
        BoolVar atLeastThree = model.newBoolVar("three_" + l.getId());
        model.addGreaterOrEqual(blocks, 3).onlyEnforceIf(atLeastThree);
        model.addLessOrEqual(blocks, 2).onlyEnforceIf(atLeastThree.not());
        Set<Mode> modes = new LinkedHashSet<>();
        skillBlocks.forEach(p -> modes.addAll(m.placedIn.get(p.getIndex()).keySet()));
        List<LinearArgument> allIn = new ArrayList<>();
        for (Mode mode : modes) {
            LinearExpr inMode = Logic.sum(skillBlocks.stream().map(p -> m.in(p, mode)).toList());
            BoolVar every = model.newBoolVar("every_" + l.getId() + "_" + mode.getId());
            // inMode ≤ blocks always; equal means every placed skill block is in this modality
            model.addGreaterOrEqual(inMode, blocks).onlyEnforceIf(every);
            model.addLessOrEqual(LinearExpr.newBuilder().add(inMode).addTerm(blocks, -1).build(), -1)
                    .onlyEnforceIf(every.not());
            allIn.add(every);
        }
        m.score.add(Rules.SAME_MODALITY_ALL_DAY, m.logic.and(atLeastThree, m.logic.or(allIn)));
    }

    /** Same skill twice in a row (not across a double block). */
    private void sameSkillTwice(List<Placement> day) {
        for (int i = 0; i + 1 < day.size(); i++) {
            Placement before = day.get(i);
            Placement after = day.get(i + 1);
            if (!DayModel.adjacent(before.getPeriod(), after.getPeriod()) || before.getPeriod().isDoubleWithNext()) {
                continue;
            }
            for (Map.Entry<Focus, BoolVar> e : m.worksOn.get(before.getIndex()).entrySet()) {
                BoolVar again = m.worksOn.get(after.getIndex()).get(e.getKey());
                if (e.getKey().isSkill() && again != null) {
                    m.score.add(Rules.SAME_SKILL_TWICE, m.logic.and(e.getValue(), again));
                }
            }
        }
    }

    /** Student moved from their previous group (re-plans only: another adult, or the same adult on another focus). */
    private void movedFromPrevious(Placement p) {
        if (p.getPreviousAdultId() == null) {
            return;
        }
        LinearExprBuilder withPrevious = LinearExpr.newBuilder();
        for (Seat seat : m.seatsOfPlacement.get(p.getIndex())) {
            Adult a = seat.session().getAdult();
            if (a != null && a.getId().equals(p.getPreviousAdultId())) {
                withPrevious.add(seat.var());
            }
        }
        LinearExpr stayed = withPrevious.build();
        m.score.add(Rules.MOVED_FROM_PREVIOUS, Logic.not(stayed));
        if (p.getPreviousFocusId() != null) {
            LinearArgument sameFocus = m.worksOn.get(p.getIndex()).entrySet().stream()
                    .filter(e -> e.getKey().getId().equals(p.getPreviousFocusId())).map(e -> (LinearArgument) e.getValue())
                    .findFirst().orElse(LinearExpr.constant(0));
            m.score.add(Rules.MOVED_FROM_PREVIOUS, m.logic.and(stayed, Logic.not(sameFocus)));
        }
    }

    /** Same skill in the same modality three days running (re-plans from the store only). */
    private void threeDaysRunning(Placement p) {
        Learner l = p.getLearner();
        for (Map.Entry<Focus, BoolVar> f : m.worksOn.get(p.getIndex()).entrySet()) {
            for (Map.Entry<Mode, BoolVar> mode : m.placedIn.get(p.getIndex()).entrySet()) {
                if (l.hadTwoDaysRunning(f.getKey().getId(), mode.getKey().getId())) {
                    m.score.add(Rules.THREE_DAYS_RUNNING, m.logic.and(f.getValue(), mode.getValue()));
                }
            }
        }
    }

    /** Staff load unbalanced (2 × blocks²) and Staff changes rooms between back-to-back blocks. */
    private void adultDay(Adult adult, List<Session> sessions) {
        List<LinearArgument> opens = sessions.stream().map(s -> (LinearArgument) m.open.get(s.getIndex())).toList();
        IntVar blocks = model.newIntVar(0, sessions.size(), "blocks_" + adult.getId());
        model.addEquality(blocks, Logic.sum(opens));
        IntVar squared = model.newIntVar(0, (long) sessions.size() * sessions.size(), "load_" + adult.getId());
        model.addMultiplicationEquality(squared, blocks, blocks);
        m.score.add(Rules.STAFF_LOAD, squared);
        for (int i = 0; i + 1 < sessions.size(); i++) {
            Session before = sessions.get(i);
            Session after = sessions.get(i + 1);
            if (!DayModel.adjacent(before.getPeriod(), after.getPeriod())) {
                continue;
            }
            List<LinearArgument> same = new ArrayList<>();
            for (Room k : before.getAllowedRooms()) {
                BoolVar there = m.roomVar(after, k);
                if (there != null) {
                    same.add(m.logic.and(m.roomVar(before, k), there));
                }
            }
            BoolVar both = m.logic.and(m.open.get(before.getIndex()), m.open.get(after.getIndex()));
            m.score.add(Rules.STAFF_ROOM_CHANGE, m.logic.and(both, Logic.not(Logic.sum(same))));
        }
    }

    /** Peers never together: a student with peers shares no session with any of them all day. */
    private void peers() {
        for (Map.Entry<Learner, List<Placement>> e : m.dayOf.entrySet()) {
            Learner l = e.getKey();
            if (l.getPeers().isEmpty()) {
                continue;
            }
            List<LinearArgument> together = new ArrayList<>();
            for (Placement p : e.getValue()) {
                for (Seat seat : m.seatsOfPlacement.get(p.getIndex())) {
                    for (Seat theirs : m.seatsOfSession.get(seat.session().getIndex())) {
                        if (l.getPeers().contains(theirs.placement().getLearner())) {
                            together.add(m.logic.and(seat.var(), theirs.var()));
                        }
                    }
                }
            }
            Literal any = m.logic.or(together);
            m.score.add(Rules.PEERS_APART, Logic.not(any));
        }
    }
}
