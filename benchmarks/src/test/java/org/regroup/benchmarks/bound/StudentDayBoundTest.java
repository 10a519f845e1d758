package org.regroup.benchmarks.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.regroup.domain.BlockKind;
import org.regroup.domain.FocusKind;
import org.regroup.domain.Leadership;
import org.regroup.domain.RequestPriority;
import org.regroup.domain.StaffRole;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.Ask;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Option;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Session;

/** The whole-day rules of one student's day, each on a hand-made day of three skill blocks. */
public class StudentDayBoundTest {

    static final int[] DEFAULTS = defaults();

    static int[] defaults() {
        int[] w = new int[Term.COUNT];
        for (Term t : Term.values()) {
            w[t.ordinal()] = org.regroup.solver.constraints.RegroupConstraintProvider.DEFAULT_SOFT_WEIGHTS
                    .get(t.rule());
        }
        return w;
    }

    final Weights w = new Weights(DEFAULTS);
    final Period[] blocks = { period(0), period(1), period(2) };
    final Mode seminar = mode("seminar");
    final Mode online = mode("online");
    final Focus add = skill("add");
    final Focus sub = skill("sub");
    final Adult advisor = new Adult("adv", StaffRole.TEACHER, Set.of(seminar), f -> true, 6, 20, false, true);
    final Session withAdvisor = new Session("s-adv", blocks[1], advisor, List.of(seminar), List.of());
    final Learner learner = new Learner("L", 0, 5, advisor, 0, 0, false, false, Integer.MAX_VALUE, false, false,
            Set.of(), Set.of(), new Option[3][]);

    static Period period(int i) {
        return new Period("b" + i, i, LocalTime.of(8 + i, 0), LocalTime.of(8 + i, 50), BlockKind.SKILLS, "math",
                false, 10, 10);
    }

    static Mode mode(String id) {
        return new Mode(id, id, 1, 10, Leadership.TEACHER, 10, Set.of(), Set.of(), EnumSet.of(FocusKind.SKILL), true,
                false);
    }

    static Focus skill(String id) {
        return new Focus(id, 0, FocusKind.SKILL, id, 5, "NBT", 1, List.of(), Set.of());
    }

    static Choice choice(Session s, Mode m, Focus f, double cost, int mask) {
        double[] costs = new double[Term.COUNT];
        costs[Term.GOAL.ordinal()] = cost;
        return new Choice(s, m, f, costs, cost, mask, -1);
    }

    Session session(int block) {
        return new Session("s" + block, blocks[block], null, List.of(seminar, online), List.of());
    }

    StudentDayBound.Goals goals(boolean coupled, List<Ask> asks) {
        return new StudentDayBound.Goals(learner, asks, coupled);
    }

    List<StudentDayBound.Block> day(List<List<Choice>> choices) {
        return List.of(new StudentDayBound.Block(blocks[0], choices.get(0)),
                new StudentDayBound.Block(blocks[1], choices.get(1)),
                new StudentDayBound.Block(blocks[2], choices.get(2)));
    }

    @Test
    void sameSkillBackToBackIsChargedUnlessAnotherSkillIsCheaperOverall() {
        // add, add, sub in seminar then online: the only choices repeat "add" in blocks 0 and 1.
        var d = day(List.of(List.of(choice(session(0), seminar, add, 0, 0)),
                List.of(choice(session(1), online, add, 0, 0)),
                List.of(choice(session(2), seminar, sub, 0, 0), choice(session(2), seminar, add, 0, 0))));
        var best = new StudentDayBound(w, true).cheapest(goals(false, List.of()), d);
        assertThat(best.total()).isEqualTo(w.of(Term.SAME_SKILL));
        assertThat(best.byTerm()[Term.SAME_SKILL.ordinal()]).isEqualTo(w.of(Term.SAME_SKILL));
        // Priced block by block, the same day costs nothing.
        assertThat(new StudentDayBound(w, false).cheapest(goals(false, List.of()), d).total()).isZero();
    }

    @Test
    void sameModalityAllDayIsChargedWhenEveryPathKeepsOneModality() {
        var only = day(List.of(List.of(choice(session(0), seminar, add, 0, 0)),
                List.of(choice(session(1), seminar, sub, 0, 0)), List.of(choice(session(2), seminar, add, 0, 0))));
        assertThat(new StudentDayBound(w, true).cheapest(goals(false, List.of()), only).total())
                .isEqualTo(w.of(Term.SAME_MODALITY));
        // An online block costing less than the rule takes its place.
        var mixed = day(List.of(List.of(choice(session(0), seminar, add, 0, 0)),
                List.of(choice(session(1), seminar, sub, 0, 0)), List.of(choice(session(2), seminar, add, 0, 0),
                        choice(session(2), online, add, 5, 0))));
        assertThat(new StudentDayBound(w, true).cheapest(goals(false, List.of()), mixed).total()).isEqualTo(5);
    }

    @Test
    void advisorNotSeenIsChargedOnlyWhenSeeingThemCostsMore() {
        var g = goals(true, List.of());
        int met = g.met(blocks[1], withAdvisor, seminar, sub);
        assertThat(met).isEqualTo(1);
        var d = day(List.of(List.of(choice(session(0), seminar, add, 0, 0)),
                List.of(choice(session(1), online, sub, 0, 0), choice(withAdvisor, seminar, sub, 3, met)),
                List.of(choice(session(2), online, add, 0, 0))));
        assertThat(new StudentDayBound(w, true).cheapest(g, d).total()).isEqualTo(3);
        var never = day(List.of(List.of(choice(session(0), seminar, add, 0, 0)),
                List.of(choice(session(1), online, sub, 0, 0)), List.of(choice(session(2), online, add, 0, 0))));
        var best = new StudentDayBound(w, true).cheapest(g, never);
        assertThat(best.byTerm()[Term.ADVISOR.ordinal()]).isEqualTo(w.of(Term.ADVISOR));
    }

    @Test
    void requestsArePricedByPriorityAndAdminRequiredOnesMustBeMet() {
        Ask teacher = new Ask("r1", learner, null, null, sub, null, RequestPriority.TEACHER, "t");
        Ask admin = new Ask("r2", learner, blocks[2], null, null, online, RequestPriority.ADMIN_REQUIRED, "a");
        var g = new StudentDayBound.Goals(learner, List.of(teacher), true);
        var d = day(List.of(List.of(choice(session(0), seminar, add, 0, g.met(blocks[0], session(0), seminar, add))),
                List.of(choice(session(1), online, add, 0, 0)), List.of(choice(session(2), seminar, add, 0, 0))));
        var best = new StudentDayBound(w, true).cheapest(g, d);
        assertThat(best.byTerm()[Term.REQUEST.ordinal()]).isEqualTo(w.of(Term.REQUEST) * 3.0);
        var withAdmin = new StudentDayBound.Goals(learner, List.of(admin), true);
        assertThat(new StudentDayBound(w, true).cheapest(withAdmin, d)).as("no choice meets it: no workable day")
                .isNull();
    }
}
