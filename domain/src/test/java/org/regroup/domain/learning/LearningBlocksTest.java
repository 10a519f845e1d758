package org.regroup.domain.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.regroup.domain.FocusKind;
import org.regroup.domain.SkillState;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.plan.BlockPlan;
import org.regroup.domain.plan.Focus;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.SessionPlan;

/** What the learning model sees of a plan: every seat on a standard, with its own standard in practice sessions. */
class LearningBlocksTest {

    private static Focus skill(String id) {
        return new Focus(FocusKind.SKILL, id, id);
    }

    @Test
    void practiceSeatsCountWithTheirOwnStandardAndOnlyLessonsAreAdultLed() {
        SessionPlan group = new SessionPlan("g", skill("3.NF.1"), ModalityCatalog.SMALL_GROUP, "T1", "R1", false,
                List.of(new SessionPlan.Seat("s1", null), new SessionPlan.Seat("s2", null)));
        SessionPlan lab = new SessionPlan("lab", null, ModalityCatalog.ONLINE_PRACTICE, "A1", "LAB", false,
                List.of(new SessionPlan.Seat("s3", skill("4.OA.1")), new SessionPlan.Seat("s4", skill("3.OA.1"))));
        SessionPlan advisory = new SessionPlan("adv", new Focus(FocusKind.ADVISORY, "adv", "Advisory"),
                ModalityCatalog.SEMINAR, "T2", "R2", false, List.of(new SessionPlan.Seat("s5", null)));
        Plan plan = new Plan(Plan.FORMAT, Plan.VERSION, "p", LocalDate.of(2026, 9, 7), "0hard/0medium/0soft", true,
                true, null, List.of(new BlockPlan("B2", LocalTime.of(9, 0), LocalTime.of(9, 45),
                        List.of(group, lab, advisory))), List.of(), List.of(), List.of());

        List<LearningModel.Block> blocks = LearningBlocks.of(plan, ModalityCatalog.defaults());

        Set<SkillState> instruction = Set.of(SkillState.NEW, SkillState.PRACTISING);
        Set<SkillState> practice = Set.of(SkillState.PRACTISING, SkillState.NEAR_MASTERY);

        assertThat(blocks).containsExactlyInAnyOrder(
                new LearningModel.Block("s1", "B2", "3.NF.1", ModalityCatalog.SMALL_GROUP, 45, 2, true, instruction),
                new LearningModel.Block("s2", "B2", "3.NF.1", ModalityCatalog.SMALL_GROUP, 45, 2, true, instruction),
                new LearningModel.Block("s3", "B2", "4.OA.1", ModalityCatalog.ONLINE_PRACTICE, 45, 2, false, practice),
                new LearningModel.Block("s4", "B2", "3.OA.1", ModalityCatalog.ONLINE_PRACTICE, 45, 2, false, practice));
    }
}
