package org.regroup.solver;

import java.util.List;

import org.regroup.domain.Accommodations;
import org.regroup.domain.Commitment;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Goal;
import org.regroup.domain.School;
import org.regroup.domain.Space;
import org.regroup.domain.SpaceKind;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * {@link TestDays#tiny()} with every decision made by hand, so that KPIs, plan output and explanations can be checked
 * against numbers worked out on paper. Changes to the tiny day:
 * <ul>
 * <li>S04's goal is NF3, which S04 is not ready for (S04 has a goal but never works on it);</li>
 * <li>S10 needs 3 staff-led blocks (and gets 1);</li>
 * <li>S24 is absent; S23 has speech therapy with U1 in B3 (so U1 has no slot in B3);</li>
 * <li>a catch-all in HALL (capacity 30) covers B4;</li>
 * <li>everyone has a pseudonym (see {@link ProblemEditor#pseudonyms()}).</li>
 * </ul>
 *
 * <p>The plan ({@code -} = unplaced; S07 needs quiet and is always in Q1):
 *
 * <pre>
 * B1 advisory  T1 seminar R1: S02 S04 S06 S08 S10 S12 S14 S16 S18 S20 S22          (11)
 *              T2 seminar R2: S01 S03 S05 S09 S13 S15 S17 S19 S21 S23              (10)
 *              A1 collaborative-project Q1: S07                                    (1)
 *              S11 unplaced
 * B2 skills    T1 small-group R1: S01-S06 S08 S09                                  (8)
 *              T2 small-group R2: S11-S22                                          (12)
 *              A1 independent-practice Q1: S07 S10                                 (2)
 *              U1 online-practice LAB: S23                                         (1)
 * B3 skills    T1 small-group R1: S01-S06 S08 S09 S11-S14                          (12)
 *              T2 seminar R2: S15-S22                                              (8)
 *              A1 independent-practice Q1: S07 S10                                 (2)
 *              (S23 at speech therapy; U1 with S23)
 * B4 skills    T1 small-group R1: S01-S06 S08 S09                                  (8)
 *              T2 small-group R2: S13-S23                                          (11)
 *              A1 independent-practice Q1: S07                                     (1)
 *              catch-all HALL: S10 S11 S12                                         (3)
 * </pre>
 *
 * Every shared-focus group works on OA1 (everyone is ready for it, so it always has the most eligible members).
 */
public final class HandMadeDay {

    public static final String THERAPY = "Speech therapy";
    public static final String CATCH_ALL_B4 = "catch-all:HALL@B4";

    private HandMadeDay() {
    }

    public static DayProblem problem() {
        return ProblemEditor.of(TestDays.tiny())
                .student("S04", s -> s.goals = List.of(new Goal("NF3", null, 1)))
                .student("S10", s -> s.accommodations = new Accommodations(3, null, false, false, null))
                .student("S24", s -> s.absent = true)
                .student("S23", s -> s.commitments = List.of(new Commitment("B3", THERAPY, "U1", null)))
                .space(new Space("HALL", "Hall", SpaceKind.LIBRARY, 40, List.of(), null, 1, null))
                .catchAll(new School.CatchAll("HALL", List.of("B4"), 30, null))
                .pseudonyms()
                .build();
    }

    /** The plan above, with shadow variables and score brought up to date. */
    public static DayPlan plan() {
        DayPlan plan = DayPlanBuilder.build(problem(), "hand-made");
        assign(plan, "T1@B1", "seminar", "R1", "S02 S04 S06 S08 S10 S12 S14 S16 S18 S20 S22");
        assign(plan, "T2@B1", "seminar", "R2", "S01 S03 S05 S09 S13 S15 S17 S19 S21 S23");
        assign(plan, "A1@B1", "collaborative-project", "Q1", "S07");
        assign(plan, "T1@B2", "small-group", "R1", "S01 S02 S03 S04 S05 S06 S08 S09");
        assign(plan, "T2@B2", "small-group", "R2", "S11 S12 S13 S14 S15 S16 S17 S18 S19 S20 S21 S22");
        assign(plan, "A1@B2", "independent-practice", "Q1", "S07 S10");
        assign(plan, "U1@B2", "online-practice", "LAB", "S23");
        assign(plan, "T1@B3", "small-group", "R1", "S01 S02 S03 S04 S05 S06 S08 S09 S11 S12 S13 S14");
        assign(plan, "T2@B3", "seminar", "R2", "S15 S16 S17 S18 S19 S20 S21 S22");
        assign(plan, "A1@B3", "independent-practice", "Q1", "S07 S10");
        assign(plan, "T1@B4", "small-group", "R1", "S01 S02 S03 S04 S05 S06 S08 S09");
        assign(plan, "T2@B4", "small-group", "R2", "S13 S14 S15 S16 S17 S18 S19 S20 S21 S22 S23");
        assign(plan, "A1@B4", "independent-practice", "Q1", "S07");
        assign(plan, CATCH_ALL_B4, null, null, "S10 S11 S12");
        // Slots nobody is in still run in some modality (a session's modality is never unassigned).
        for (Session s : plan.getSessions()) {
            if (s.getMode() == null) {
                s.setMode(s.getAllowedModes().get(0));
            }
        }
        Explainer.solutionManager().update(plan);
        return plan;
    }

    /** Sets a session's modality and room (null: leave as is) and puts these students in it. */
    public static void assign(DayPlan plan, String sessionId, String modeId, String roomId, String students) {
        Session session = session(plan, sessionId);
        if (modeId != null) {
            Mode mode = plan.getModes().stream().filter(m -> m.getId().equals(modeId)).findFirst().orElseThrow();
            session.setMode(mode);
        }
        if (roomId != null) {
            Room room = plan.getRooms().stream().filter(r -> r.getId().equals(roomId)).findFirst().orElseThrow();
            session.setRoom(room);
        }
        for (String student : students.split(" ")) {
            placement(plan, student + "@" + session.getPeriod().getId()).setSession(session);
        }
    }

    public static Session session(DayPlan plan, String id) {
        return plan.getSessions().stream().filter(s -> s.getId().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no session " + id));
    }

    public static Placement placement(DayPlan plan, String id) {
        return plan.getPlacements().stream().filter(p -> p.getId().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no placement " + id));
    }
}
