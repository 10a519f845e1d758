package org.regroup.solver.solve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import org.regroup.domain.BlockKind;
import org.regroup.domain.StaffRole;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * First phase: gives every adult's slot a sensible modality for their role and a room of its own, spreading the
 * school's rooms so that any slot can open without a clash. Placements are then constructed by Timefold, and local
 * search revises both. Without this, all empty slots would start in the same room (nothing penalises sharing a room
 * between empty slots) and placing students would clash at every step.
 */
public final class SessionSeeder implements PhaseCommand<DayPlan> {

    @Override
    public void changeWorkingSolution(ScoreDirector<DayPlan> director, BooleanSupplier isPhaseTerminated) {
        DayPlan plan = director.getWorkingSolution();
        Map<Period, List<Session>> byPeriod = new HashMap<>();
        plan.getSessions().stream().filter(s -> !s.isFixed())
                .forEach(s -> byPeriod.computeIfAbsent(s.getPeriod(), p -> new ArrayList<>()).add(s));
        Map<Adult, Room> lastRoom = new HashMap<>();
        for (Period period : plan.getPeriods()) {
            Map<Room, Integer> groups = new HashMap<>();
            // Fixed sessions (catch-alls) hold their room first.
            plan.getSessions().stream().filter(s -> s.isFixed() && s.getPeriod() == period && s.getRoom() != null)
                    .forEach(s -> groups.merge(s.getRoom(), 1, Integer::sum));
            List<Session> sessions = new ArrayList<>(byPeriod.getOrDefault(period, List.of()));
            // Sessions whose preferred modality needs special rooms choose first.
            sessions.sort(Comparator.comparingInt((Session s) -> preferredMode(s).getRequiredFeatures().isEmpty() ? 1 : 0)
                    .thenComparing(Session::getId));
            for (Session session : sessions) {
                seed(director, session, groups, lastRoom);
            }
        }
        director.triggerVariableListeners();
    }

    private static void seed(ScoreDirector<DayPlan> director, Session session, Map<Room, Integer> groups,
            Map<Adult, Room> lastRoom) {
        List<Mode> modes = new ArrayList<>(session.getAllowedModes());
        Mode preferred = preferredMode(session);
        modes.remove(preferred);
        modes.add(0, preferred);
        for (Mode mode : modes) {
            Room room = pickRoom(session, mode, groups, lastRoom.get(session.getAdult()));
            if (room != null) {
                assign(director, session, mode, room);
                groups.merge(room, 1, Integer::sum);
                lastRoom.put(session.getAdult(), room);
                return;
            }
        }
        assign(director, session, preferred, null);
    }

    private static void assign(ScoreDirector<DayPlan> director, Session session, Mode mode, Room room) {
        director.beforeVariableChanged(session, "mode");
        session.setMode(mode);
        director.afterVariableChanged(session, "mode");
        director.beforeVariableChanged(session, "room");
        session.setRoom(room);
        director.afterVariableChanged(session, "room");
    }

    /** A free room that suits the modality: the adult's previous room if possible, else the tightest fit. */
    private static Room pickRoom(Session session, Mode mode, Map<Room, Integer> groups, Room previous) {
        List<Room> suitable = session.getAllowedRooms().stream()
                .filter(r -> r.hasAll(mode.getRequiredFeatures()) && r.isOffSite() == mode.isOffSite())
                .filter(r -> groups.getOrDefault(r, 0) < r.getMaxGroups())
                .toList();
        if (previous != null && suitable.contains(previous)) {
            return previous;
        }
        int wanted = Math.min(mode.getMaxSize(), mode.getStudentsPerAdult());
        return suitable.stream()
                .min(Comparator.comparingInt((Room r) -> r.getCapacity() / r.getMaxGroups() >= wanted ? 0 : 1)
                        .thenComparingInt(r -> Math.abs(r.getCapacity() / r.getMaxGroups() - wanted))
                        .thenComparing(Room::getId))
                .orElse(null);
    }

    /** What an adult of this role would usually run in a block of this kind. */
    static Mode preferredMode(Session session) {
        List<String> wishes = wishes(session.getAdult().getRole(), session.getPeriod().getKind());
        for (String id : wishes) {
            for (Mode mode : session.getAllowedModes()) {
                if (mode.getId().equals(id)) {
                    return mode;
                }
            }
        }
        return session.getAllowedModes().get(0);
    }

    private static List<String> wishes(StaffRole role, BlockKind kind) {
        if (kind == BlockKind.ADVISORY) {
            return List.of(ModalityCatalog.SEMINAR, ModalityCatalog.COLLABORATIVE_PROJECT);
        }
        if (kind == BlockKind.ACTIVITIES) {
            return List.of(ModalityCatalog.COLLABORATIVE_PROJECT, ModalityCatalog.SEMINAR, ModalityCatalog.OFF_SITE);
        }
        return switch (role) {
            case TEACHER, SPECIALIST -> List.of(ModalityCatalog.SMALL_GROUP, ModalityCatalog.SEMINAR);
            case TUTOR -> List.of(ModalityCatalog.ONE_TO_ONE, ModalityCatalog.PEER_TUTORING);
            case AIDE -> List.of(ModalityCatalog.ONLINE_PRACTICE, ModalityCatalog.INDEPENDENT_PRACTICE);
            case COUNSELOR -> List.of(ModalityCatalog.INDEPENDENT_PRACTICE, ModalityCatalog.SEMINAR);
        };
    }
}
