package org.regroup.solver.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.regroup.domain.Commitment;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;
import org.regroup.domain.plan.BlockPlan;
import org.regroup.domain.plan.Focus;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.SessionPlan;
import org.regroup.domain.plan.StudentDay;
import org.regroup.domain.plan.StudentDay.Status;
import org.regroup.domain.plan.Unplaced;
import org.regroup.solver.constraints.Feasibility;
import org.regroup.solver.explain.RuleBreaks;
import org.regroup.solver.explain.UnplacedReasons;
import org.regroup.solver.kpi.KpiCalculator;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.MemberFit;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;

/** Writes a solved day in the plan format: per block the sessions, per student the day, who was not placed and why. */
public final class PlanAssembler {

    private PlanAssembler() {
    }

    public static Plan assemble(DayPlan plan) {
        return assemble(plan, RuleBreaks.of(plan));
    }

    /** The plan, with the rules it breaks already read ({@link RuleBreaks#of}). */
    public static Plan assemble(DayPlan plan, RuleBreaks breaks) {
        DayProblem problem = plan.getProblem();
        Map<org.regroup.solver.model.Learner, org.regroup.solver.constraints.StudentDay> days =
                KpiCalculator.studentDays(plan);
        Map<String, Placement> placementByKey = new HashMap<>();
        plan.getPlacements().forEach(p -> placementByKey.put(key(p.getLearner().getId(), p.getPeriod().getId()), p));

        List<BlockPlan> blocks = new ArrayList<>();
        for (Period period : plan.getPeriods()) {
            List<SessionPlan> sessions = plan.getSessions().stream()
                    .filter(s -> s.getPeriod() == period && s.isOpen())
                    .map(PlanAssembler::session).toList();
            blocks.add(new BlockPlan(period.getId(), period.getStart(), period.getEnd(), sessions));
        }

        List<StudentDay> students = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        for (Student student : problem.students()) {
            List<StudentDay.Entry> entries = new ArrayList<>();
            for (Period period : plan.getPeriods()) {
                Placement p = placementByKey.get(key(student.id(), period.getId()));
                entries.add(entry(student, period, p, days, unplaced));
            }
            students.add(new StudentDay(student.id(), entries));
        }
        HardMediumSoftScore score = plan.getScore();
        return new Plan(Plan.FORMAT, Plan.VERSION, problem.id(), problem.date(),
                score == null ? null : score.toString(), Feasibility.feasible(score), Feasibility.workable(score),
                KpiCalculator.compute(plan, breaks), blocks, students, unplaced, breaks.violations());
    }

    private static StudentDay.Entry entry(Student student, Period period, Placement p,
            Map<Learner, org.regroup.solver.constraints.StudentDay> days, List<Unplaced> unplaced) {
        String block = period.getId();
        if (p == null) {
            Commitment commitment = student.commitments().stream().filter(c -> block.equals(c.blockId()))
                    .findFirst().orElse(null);
            if (commitment != null && !student.absent()) {
                return new StudentDay.Entry(block, Status.COMMITMENT, null, null, null, commitment.staffId(),
                        commitment.spaceId(), commitment.description());
            }
            return new StudentDay.Entry(block, Status.ABSENT, null, null, null, null, null, null);
        }
        Session s = p.getSession();
        if (s == null) {
            if (KpiCalculator.isTravelling(p, days)) {
                return new StudentDay.Entry(block, Status.TRAVEL, null, null, null, null, null,
                        "travelling to or from an off-site session");
            }
            List<String> reasons = UnplacedReasons.of(p);
            unplaced.add(new Unplaced(student.id(), block, reasons));
            return new StudentDay.Entry(block, Status.UNPLACED, null, null, null, null, null,
                    String.join("; ", reasons));
        }
        return new StudentDay.Entry(block, s.isCatchAll() ? Status.CATCH_ALL : Status.PLACED, s.getId(),
                focus(s.focusOf(p.getLearner())), s.getMode().getId(), s.getAdult() == null ? null
                        : s.getAdult().getId(), s.getRoom() == null ? null : s.getRoom().getId(), null);
    }

    private static SessionPlan session(Session s) {
        boolean shared = s.getSummary().getFocus() != null;
        List<SessionPlan.Seat> seats = new ArrayList<>();
        for (MemberFit m : s.getSummary().getMembers()) {
            seats.add(new SessionPlan.Seat(m.learner().getId(), shared ? null : focus(m.focus())));
        }
        return new SessionPlan(s.getId(), shared ? focus(s.getSummary().getFocus()) : null, s.getMode().getId(),
                s.getAdult() == null ? null : s.getAdult().getId(), s.getRoom() == null ? null : s.getRoom().getId(),
                s.isCatchAll(), seats);
    }

    /** The plan format's focus (kind, id, name) of a session's or student's focus in the solver's model. */
    public static Focus focus(org.regroup.solver.model.Focus f) {
        return f == null ? null : new Focus(f.getKind(), f.getId(), f.getName());
    }

    private static String key(String student, String block) {
        return student + "\u0000" + block;
    }
}
