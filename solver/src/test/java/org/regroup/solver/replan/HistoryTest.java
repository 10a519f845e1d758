package org.regroup.solver.replan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.FocusKind;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.plan.Focus;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.StudentDay;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Learner;

class HistoryTest {

    private static final DayProblem SMALL = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);

    private static StudentDay.Entry on(String block, String skill, String modality) {
        return new StudentDay.Entry(block, StudentDay.Status.PLACED, "T1@" + block,
                new Focus(FocusKind.SKILL, skill, skill), modality, "T1", "R1", null);
    }

    private static Plan day(String student, StudentDay.Entry... entries) {
        return new Plan(Plan.FORMAT, Plan.VERSION, "p", null, null, true, true, null, List.of(),
                List.of(new StudentDay(student, List.of(entries))), List.of(), List.of());
    }

    @Test
    void onlyPairsOnBothOfTheLastTwoDaysAreMarked() {
        String s = SMALL.students().get(0).id();
        Plan yesterday = day(s, on("B2", "k1", "small-group"), on("B3", "k2", "online-practice"));
        Plan before = day(s, on("B4", "k1", "small-group"), on("B5", "k2", "seminar"));
        DayPlan today = DayPlanBuilder.build(SMALL, "small");

        assertThat(History.apply(today, List.of(yesterday, before))).isEqualTo(1);

        Learner l = today.getLearners().stream().filter(x -> x.getId().equals(s)).findFirst().orElseThrow();
        assertThat(l.hadTwoDaysRunning("k1", "small-group")).isTrue();
        assertThat(l.hadTwoDaysRunning("k2", "online-practice")).isFalse();
        assertThat(History.apply(DayPlanBuilder.build(SMALL, "small"), List.of(yesterday))).isZero();
    }
}
