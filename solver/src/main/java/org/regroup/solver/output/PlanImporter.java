package org.regroup.solver.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.plan.BlockPlan;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.SessionPlan;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * Puts a plan written in the documented format back onto a freshly built day: every session's modality and room,
 * every student's session. This is how a plan made elsewhere (a peer heuristic, yesterday's published plan, a plan
 * edited by hand) is scored by the same rules and KPIs as Regroup's own. Nothing is left half-applied: all errors
 * are collected first, each with its JSON path.
 */
public final class PlanImporter {

    private PlanImporter() {
    }

    /** Applies {@code plan} to {@code day} (built from the same day problem); throws with every mismatch. */
    public static DayPlan apply(Plan plan, DayPlan day, String source) {
        List<InputError> errors = new ArrayList<>(header(plan));
        if (errors.isEmpty()) {
            applyTo(plan, day, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(source, errors);
        }
        return day;
    }

    /** A plan of a format or version this Regroup does not know is rejected, not guessed at (docs/format.md). */
    private static List<InputError> header(Plan plan) {
        List<InputError> errors = new ArrayList<>();
        if (!Plan.FORMAT.equals(plan.format())) {
            errors.add(new InputError("$.format", "is \"" + plan.format() + "\", expected \"" + Plan.FORMAT + "\""));
        }
        if (!Plan.READABLE_VERSIONS.contains(plan.version())) {
            errors.add(new InputError("$.version", "version " + plan.version() + " is not supported; this Regroup "
                    + "reads plans of versions " + Plan.READABLE_VERSIONS.stream().sorted().map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(" and "))));
        }
        return errors;
    }

    /**
     * Applies what still fits of an earlier plan to a new day (yesterday's published plan onto today): sessions that
     * still exist keep their modality and room, students keep their session where they still can be in it; the rest is
     * left for the solver. Returns how many student-blocks were carried over.
     */
    public static int applyWhatFits(Plan plan, DayPlan day) {
        applyTo(plan, day, null);
        return (int) day.getPlacements().stream().filter(p -> p.getSession() != null).count();
    }

    /** With {@code errors} null, mismatches are skipped; else each is recorded and nothing is applied. */
    private static void applyTo(Plan plan, DayPlan day, List<InputError> errors) {
        boolean strict = errors != null;
        Map<String, Session> sessions = new HashMap<>();
        day.getSessions().forEach(s -> sessions.put(s.getId(), s));
        Map<String, Placement> placements = new HashMap<>();
        day.getPlacements().forEach(p -> placements.put(p.getLearner().getId() + "@" + p.getPeriod().getId(), p));
        Map<Session, Mode> modes = new HashMap<>();
        Map<Session, Room> rooms = new HashMap<>();
        Map<Placement, Session> seats = new HashMap<>();

        for (int b = 0; b < plan.blocks().size(); b++) {
            BlockPlan block = plan.blocks().get(b);
            for (int i = 0; i < block.sessions().size(); i++) {
                SessionPlan sp = block.sessions().get(i);
                String at = "$.blocks[" + b + "].sessions[" + i + "]";
                Session session = sessions.get(sp.id());
                if (session == null) {
                    report(errors, new InputError(at + ".id", "no session '" + sp.id() + "' in this day (an adult "
                            + "who is not working in block " + block.blockId() + ", or an unknown id)"));
                    continue;
                }
                Mode mode = session.getAllowedModes().stream().filter(m -> m.getId().equals(sp.modality()))
                        .findFirst().orElse(null);
                if (mode == null) {
                    report(errors, new InputError(at + ".modality", "session '" + sp.id() + "' cannot run '"
                            + sp.modality() + "'"));
                    continue;
                }
                Room room = sp.spaceId() == null ? null : session.getAllowedRooms().stream()
                        .filter(r -> r.getId().equals(sp.spaceId())).findFirst().orElse(null);
                if (sp.spaceId() != null && room == null) {
                    report(errors, new InputError(at + ".spaceId", "session '" + sp.id() + "' cannot use space '"
                            + sp.spaceId() + "' (unknown, closed in that block, or unsuitable for the adult)"));
                    continue;
                }
                modes.put(session, mode);
                rooms.put(session, room);
                for (int k = 0; k < sp.students().size(); k++) {
                    String student = sp.students().get(k).studentId();
                    Placement placement = placements.get(student + "@" + block.blockId());
                    String seatAt = at + ".students[" + k + "]";
                    if (placement == null) {
                        report(errors, new InputError(seatAt, "student '" + student + "' is not in school in block "
                                + block.blockId()));
                    } else if (!placement.getCandidates().contains(session)) {
                        report(errors, new InputError(seatAt, "student '" + student + "' cannot be in session '"
                                + sp.id() + "' (nothing they are ready for runs there)"));
                    } else if (seats.put(placement, session) != null) {
                        report(errors, new InputError(seatAt, "student '" + student + "' is in two sessions in block "
                                + block.blockId()));
                    }
                }
            }
        }
        if (strict && !errors.isEmpty()) {
            return;
        }
        // A slot the plan does not mention keeps no students; it still needs a modality to be a valid slot.
        for (Session s : day.getSessions()) {
            if (!s.isFixed()) {
                s.setMode(modes.getOrDefault(s, s.getMode() != null ? s.getMode() : s.getAllowedModes().get(0)));
                s.setRoom(rooms.getOrDefault(s, modes.containsKey(s) ? null : s.getRoom()));
            }
        }
        for (Placement p : day.getPlacements()) {
            if (!p.isPinned()) {
                p.setSession(seats.get(p));
            }
        }
    }

    private static void report(List<InputError> errors, InputError error) {
        if (errors != null) {
            errors.add(error);
        }
    }
}
