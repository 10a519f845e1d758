package org.regroup.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.regroup.domain.FocusKind;

class PerturbationsTest {

    private static StudentDay.Entry placed(String block, String staff, String skill) {
        return new StudentDay.Entry(block, StudentDay.Status.PLACED, staff + "@" + block,
                new Focus(FocusKind.SKILL, skill, skill), "small-group", staff, "R1", null);
    }

    private static Plan plan(StudentDay... students) {
        return new Plan(Plan.FORMAT, Plan.VERSION, "p", null, null, false, false, null, List.of(), List.of(students), List.of(),
                List.of());
    }

    @Test
    void anUnchangedPlanHasNoPerturbations() {
        Plan p = plan(new StudentDay("S1", List.of(placed("B1", "T1", "k1"), placed("B2", "T2", "k2"))));

        assertThat(Perturbations.between(p, p, Set.of(), Set.of())).isEqualTo(new Perturbations(2, 0, 0));
    }

    @Test
    void changesAreForcedByANewReadySetOrAnAbsentAdultAndOtherwiseAdditional() {
        Plan before = plan(new StudentDay("S1", List.of(placed("B1", "T1", "k1"))),
                new StudentDay("S2", List.of(placed("B1", "T2", "k1"))),
                new StudentDay("S3", List.of(placed("B1", "T3", "k1"))));
        Plan after = plan(new StudentDay("S1", List.of(placed("B1", "T1", "k9"))),
                new StudentDay("S2", List.of(placed("B1", "T4", "k1"))),
                new StudentDay("S3", List.of(placed("B1", "T4", "k1"))));

        Perturbations p = Perturbations.between(before, after, Set.of("S1"), Set.of("T2"));

        assertThat(p).isEqualTo(new Perturbations(3, 2, 1)); // S1 ready set, S2 adult absent; S3 moved for nothing
        assertThat(p.additionalShare()).isEqualTo(1.0 / 3);
    }
}
