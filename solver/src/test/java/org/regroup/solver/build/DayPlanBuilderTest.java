package org.regroup.solver.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.regroup.domain.BlockKind;
import org.regroup.domain.Commitment;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Goal;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.Qualification;
import org.regroup.domain.Request;
import org.regroup.domain.RequestPriority;
import org.regroup.domain.School;
import org.regroup.domain.Skill;
import org.regroup.domain.Space;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.io.DayProblemValidator;
import org.regroup.solver.ProblemEditor;
import org.regroup.solver.TestDays;
import org.regroup.solver.constraints.Rules;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Option;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;

/**
 * The rules that hold by construction (see the class comment of {@link DayPlanBuilder}): who has a slot in which
 * block, who needs placing where, what each placement may choose from, pins and weights, and what each student could
 * work on.
 *
 * <p>Tiny day ({@link TestDays#tiny()}): B1 advisory, B2-B4 math; T1, T2 teachers (math 0-6), A1 aide, U1 tutor
 * (math); rooms R1, R2, LAB, Q1; S01-S24 in grade 3, band {@code i % 3}: 0 ready for NF1, 1 for NF2, 2 for NF3; all
 * ready for OA1 and G5 (grade 5: too advanced).
 */
class DayPlanBuilderTest {

    private static DayPlan tiny;
    private static DayPlan medium;

    @BeforeAll
    static void buildDays() {
        tiny = build(TestDays.tiny());
        medium = build(DatasetGenerator.generate(DatasetGenerator.Preset.MEDIUM, 1));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Sessions: one per adult per block they are available and not busy
    // ------------------------------------------------------------------------------------------------------------

    @Nested
    class Sessions {

        @Test
        void everyAdultHasOneSessionInEachBlockTheyCanRunSomethingIn() {
            // U1 (tutor) may lead no modality that serves advisory: no slot in B1.
            assertThat(ids(tiny.getSessions())).containsExactlyInAnyOrder(
                    "T1@B1", "T2@B1", "A1@B1",
                    "T1@B2", "T2@B2", "A1@B2", "U1@B2",
                    "T1@B3", "T2@B3", "A1@B3", "U1@B3",
                    "T1@B4", "T2@B4", "A1@B4", "U1@B4");
            assertThat(tiny.getSessions()).allSatisfy(s -> {
                assertThat(s.isCatchAll()).isFalse();
                assertThat(s.getAllowedModes()).isNotEmpty()
                        .allSatisfy(m -> assertThat(s.getAdult().mayLead(m)).isTrue())
                        .allSatisfy(m -> assertThat(m.serves(s.getPeriod().getKind().focusKind())).isTrue());
            });
        }

        @Test
        void noAdultIsInTwoPlacesAtOnceOnAGeneratedDay() {
            Map<String, Long> perAdultAndBlock = medium.getSessions().stream().filter(s -> !s.isCatchAll())
                    .collect(Collectors.groupingBy(s -> s.getAdult().getId() + "@" + s.getPeriod().getId(),
                            Collectors.counting()));
            assertThat(perAdultAndBlock).isNotEmpty().allSatisfy((slot, count) -> assertThat(count).isOne());
        }

        @Test
        void staffAwayFromABlockHaveNoSessionThere() {
            DayPlan plan = build(ProblemEditor.of(TestDays.tiny())
                    .staff("T1", t -> t.availableBlocks = List.of("B1", "B2", "B4"))
                    .build());
            assertThat(ids(plan.getSessions())).doesNotContain("T1@B3").contains("T1@B1", "T1@B2", "T1@B4");
            assertThat(adult(plan, "T1").isPresentToday()).isTrue();
        }

        @Test
        void staffAwayAllDayHaveNoSessionAndDoNotCountAsPresent() {
            DayPlan plan = build(ProblemEditor.of(TestDays.tiny()).staff("T2", t -> t.availableBlocks = List.of())
                    .build());
            assertThat(ids(plan.getSessions())).noneMatch(id -> id.startsWith("T2@"));
            assertThat(adult(plan, "T2").isPresentToday()).isFalse();
        }

        @Test
        void staffNamedOnAStudentsCommitmentHaveNoSessionInThatBlock() {
            DayPlan plan = build(ProblemEditor.of(TestDays.tiny())
                    .student("S03", s -> s.commitments = List.of(new Commitment("B3", "Speech therapy", "U1", null)))
                    .build());
            assertThat(ids(plan.getSessions())).doesNotContain("U1@B3").contains("U1@B2", "U1@B4");
        }

        @Test
        void aCatchAllSupervisorHasNoSessionOfTheirOwnInTheBlocksTheySupervise() {
            DayPlan plan = build(ProblemEditor.of(TestDays.tiny())
                    .space(new Space("HALL", "Hall", SpaceKind.LIBRARY, 40, List.of(), null, 1, null))
                    .catchAll(new School.CatchAll("HALL", List.of("B2", "B3"), 30, "A1"))
                    .build());
            assertThat(ids(plan.getSessions())).doesNotContain("A1@B2", "A1@B3").contains("A1@B1", "A1@B4")
                    .contains("catch-all:HALL@B2", "catch-all:HALL@B3")
                    .doesNotContain("catch-all:HALL@B1", "catch-all:HALL@B4");
            Session catchAll = session(plan, "catch-all:HALL@B2");
            assertThat(catchAll.isCatchAll()).isTrue();
            assertThat(catchAll.isFixed()).isTrue();
            assertThat(catchAll.getAdult()).isSameAs(adult(plan, "A1"));
            assertThat(catchAll.getSizeCap()).isEqualTo(30);
            assertThat(catchAll.getMode().getId()).isEqualTo(DayPlanBuilder.CATCH_ALL_MODE);
            assertThat(catchAll.getRoom().getId()).isEqualTo("HALL");
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Placements: one per present student per block they are in school and not on a commitment
    // ------------------------------------------------------------------------------------------------------------

    @Nested
    class Placements {

        @Test
        void everyStudentPresentAllDayHasOnePlacementPerBlock() {
            assertThat(tiny.getPlacements()).hasSize(24 * 4);
            assertThat(ids(tiny.getPlacements())).doesNotHaveDuplicates().contains("S01@B1", "S24@B4");
        }

        @Test
        void anAbsentStudentHasNoPlacementAndIsNoLearner() {
            DayPlan plan = build(ProblemEditor.of(TestDays.tiny()).student("S05", s -> s.absent = true).build());
            assertThat(plan.getPlacements()).hasSize(23 * 4)
                    .noneMatch(p -> p.getLearner().getId().equals("S05"));
            assertThat(plan.getLearners()).extracting(Learner::getId).doesNotContain("S05");
        }

        @Test
        void aStudentPresentForPartOfTheDayIsPlacedOnlyInThoseBlocks() {
            DayPlan plan = build(ProblemEditor.of(TestDays.tiny())
                    .student("S02", s -> s.presentBlocks = List.of("B1", "B2")).build());
            assertThat(placementIdsOf(plan, "S02")).containsExactly("S02@B1", "S02@B2");
            Learner s02 = learner(plan, "S02");
            assertThat(s02.isIn(period(plan, "B3"))).isFalse();
            assertThat(s02.options(period(plan, "B3"))).isEmpty();
        }

        @Test
        void aStudentOnACommitmentHasNoPlacementInThatBlock() {
            DayPlan plan = build(ProblemEditor.of(TestDays.tiny())
                    .student("S03", s -> s.commitments = List.of(new Commitment("B3", "Speech therapy", null, null)))
                    .build());
            assertThat(placementIdsOf(plan, "S03")).containsExactly("S03@B1", "S03@B2", "S03@B4");
            assertThat(learner(plan, "S03").isIn(period(plan, "B3"))).isFalse();
        }

        @Test
        void candidatesAreSessionsOfThePlacementsOwnBlockOnly() {
            for (DayPlan plan : List.of(tiny, medium)) {
                assertThat(plan.getPlacements()).allSatisfy(p -> {
                    assertThat(p.getCandidates()).isNotEmpty().doesNotHaveDuplicates()
                            .allSatisfy(s -> assertThat(s.getPeriod()).isSameAs(p.getPeriod()));
                    assertThat(plan.getSessions()).containsAll(p.getCandidates());
                });
            }
        }

        @Test
        void aTeacherQualifiedForNothingTheStudentIsReadyForIsNoCandidateWhenTheyRunSharedFocusOnly() {
            // T2 runs only small groups and seminars, and is qualified for geometry only: nobody in grade 3 is
            // eligible for G5 (two grades up), so T2 can never suit them in a skill block. S01's goal names G5.
            DayPlan plan = build(ProblemEditor.of(TestDays.tiny())
                    .staff("T2", t -> {
                        t.modalities = List.of(ModalityCatalog.SMALL_GROUP, ModalityCatalog.SEMINAR);
                        t.qualifications = List.of(new Qualification("math/G", 0, 8));
                    })
                    .student("S01", s -> s.goals = List.of(new Goal("G5", null, 1)))
                    .build());
            for (String block : List.of("B2", "B3", "B4")) {
                assertThat(ids(placement(plan, "S02@" + block).getCandidates()))
                        .doesNotContain("T2@" + block).contains("T1@" + block, "A1@" + block, "U1@" + block);
                assertThat(ids(placement(plan, "S01@" + block).getCandidates())).contains("T2@" + block);
            }
            // Advisory needs no content qualification.
            assertThat(ids(placement(plan, "S02@B1").getCandidates())).contains("T2@B1");
        }

        @Test
        void placementsStartUnassignedAndUnpinned() {
            assertThat(tiny.getPlacements()).allSatisfy(p -> {
                assertThat(p.getSession()).isNull();
                assertThat(p.isPinned()).isFalse();
            });
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Relations, pins, weights
    // ------------------------------------------------------------------------------------------------------------

    @Nested
    class RelationsPinsAndWeights {

        @Test
        void keepApartBindsBothWaysEvenWhenOnlyOneSideListsIt() {
            DayPlan plan = build(ProblemEditor.of(TestDays.tiny()).student("S01", s -> s.keepApart = List.of("S02"))
                    .build());
            Learner s01 = learner(plan, "S01");
            Learner s02 = learner(plan, "S02");
            assertThat(s01.getKeepApart()).containsExactly(s02);
            assertThat(s02.getKeepApart()).containsExactly(s01);
            assertThat(learner(plan, "S03").getKeepApart()).isEmpty();
        }

        @Test
        void keepApartWithAnAbsentStudentIsDropped() {
            DayPlan plan = build(ProblemEditor.of(TestDays.tiny())
                    .student("S01", s -> s.keepApart = List.of("S02"))
                    .student("S02", s -> s.absent = true).build());
            assertThat(learner(plan, "S01").getKeepApart()).isEmpty();
        }

        @Test
        void anAdminRequiredRequestWithBlockAndStaffPinsThePlacementToThatStaffMembersSession() {
            DayPlan plan = build(ProblemEditor.of(TestDays.tiny())
                    .request(new Request("R1", "S03", "B2", "U1", null, null, RequestPriority.ADMIN_REQUIRED,
                            "admin", null))
                    .build());
            Placement pinned = placement(plan, "S03@B2");
            assertThat(pinned.isPinned()).isTrue();
            assertThat(pinned.getSession()).isSameAs(session(plan, "U1@B2"));
            assertThat(pinned.getCandidates()).contains(pinned.getSession());
            assertThat(plan.getPlacements()).filteredOn(Placement::isPinned).containsExactly(pinned);
            assertThat(plan.getAsks()).singleElement().satisfies(ask -> {
                assertThat(ask.isAdminRequired()).isTrue();
                assertThat(ask.learner()).isSameAs(pinned.getLearner());
                assertThat(ask.adult()).isSameAs(adult(plan, "U1"));
            });
        }

        @Test
        void aTeachersRequestForBlockAndStaffIsAskedNotPinned() {
            DayPlan plan = build(ProblemEditor.of(TestDays.tiny())
                    .request(new Request("R1", "S03", "B2", "U1", null, null, RequestPriority.TEACHER, "T1", null))
                    .build());
            assertThat(placement(plan, "S03@B2").isPinned()).isFalse();
            assertThat(placement(plan, "S03@B2").getSession()).isNull();
            assertThat(plan.getAsks()).hasSize(1);
        }

        @Test
        void anAdminPinToStaffAwayInThatBlockIsAnInputErrorNamingTheRequest() {
            DayProblem problem = ProblemEditor.of(TestDays.tiny())
                    .staff("U1", t -> t.availableBlocks = List.of("B2", "B4"))
                    .request(new Request("R1", "S01", null, null, "OA1", null, RequestPriority.STUDENT, "student",
                            null))
                    .request(new Request("R2", "S03", "B3", "U1", null, null, RequestPriority.ADMIN_REQUIRED,
                            "admin", null))
                    .build();
            assertThatThrownBy(() -> build(problem)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.path()).isEqualTo("$.requests[1]");
                    assertThat(error.message()).contains("R2", "S03", "U1", "B3");
                });
                assertThat(e.source()).isEqualTo("test");
            });
        }

        @Test
        void anAdminPinToStaffWhoCouldNeverSuitTheStudentIsAnInputErrorOrInTheValueRange() {
            DayProblem problem = ProblemEditor.of(TestDays.tiny())
                    .staff("T2", t -> {
                        t.modalities = List.of(ModalityCatalog.SMALL_GROUP, ModalityCatalog.SEMINAR);
                        t.qualifications = List.of(new Qualification("math/G", 0, 8));
                    })
                    .request(new Request("R1", "S03", "B2", "T2", null, null, RequestPriority.ADMIN_REQUIRED,
                            "admin", null))
                    .build();
            assertThat(DayProblemValidator.validate(problem)).isEmpty();
            DayPlan plan;
            try {
                plan = build(problem);
            } catch (InvalidInputException e) {
                assertThat(e.errors()).extracting(InputError::path).containsExactly("$.requests[0]");
                return;
            }
            Placement pinned = placement(plan, "S03@B2");
            assertThat(pinned.isPinned()).isTrue();
            assertThat(pinned.getCandidates()).contains(pinned.getSession());
        }

        @Test
        void anAdminPinToStaffBusyWithAnotherStudentsCommitmentIsAnInputError() {
            DayProblem problem = ProblemEditor.of(TestDays.tiny())
                    .student("S05", s -> s.commitments = List.of(new Commitment("B3", "Reading recovery", "U1",
                            null)))
                    .request(new Request("R1", "S03", "B3", "U1", null, null, RequestPriority.ADMIN_REQUIRED,
                            "admin", null))
                    .build();
            assertThatThrownBy(() -> build(problem)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.errors()).extracting(InputError::path).containsExactly("$.requests[0]"));
        }

        @Test
        void anUnknownWeightIsAnInputErrorThatListsTheSoftRules() {
            DayProblem problem = ProblemEditor.of(TestDays.tiny()).weight("Be kind", 3).build();
            assertThatThrownBy(() -> build(problem)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.path()).isEqualTo("$.weights[\"Be kind\"]");
                        assertThat(error.message()).contains("'Be kind'").contains(Rules.SOFT);
                    }));
        }

        @Test
        void hardAndMediumRulesCannotBeWeightedAndEveryOneIsReported() {
            DayProblem problem = ProblemEditor.of(TestDays.tiny())
                    .weight(Rules.KEEP_APART, 1)
                    .weight(Rules.CATCH_ALL_USED, 5)
                    .weight(Rules.UNPLACED, 2)
                    .build();
            assertThatThrownBy(() -> build(problem)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                    assertThat(e.errors()).extracting(InputError::path).containsExactlyInAnyOrder(
                            "$.weights[\"" + Rules.KEEP_APART + "\"]", "$.weights[\"" + Rules.UNPLACED + "\"]"));
        }

        @Test
        void aSoftWeightBecomesAConstraintWeightOverride() {
            DayPlan plan = build(ProblemEditor.of(TestDays.tiny())
                    .weight(Rules.CATCH_ALL_USED, 7)
                    .weight(Rules.PEERS_APART, 0)
                    .build());
            var overrides = plan.getConstraintWeightOverrides();
            assertThat(overrides.getKnownConstraintNames())
                    .containsExactlyInAnyOrder(Rules.CATCH_ALL_USED, Rules.PEERS_APART);
            assertThat(overrides.getConstraintWeight(Rules.CATCH_ALL_USED)).isEqualTo(HardMediumSoftScore.ofSoft(7));
            assertThat(overrides.getConstraintWeight(Rules.PEERS_APART)).isEqualTo(HardMediumSoftScore.ZERO);
            assertThat(overrides.getConstraintWeight(Rules.GOAL_MISSED)).isNull();
        }

        @Test
        void withoutWeightsThereIsNoOverride() {
            assertThat(tiny.getConstraintWeightOverrides().getKnownConstraintNames()).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Ready sets and options
    // ------------------------------------------------------------------------------------------------------------

    @Nested
    class ReadySetsAndOptions {

        /** A reading skill without prerequisites: in everyone's ready set, but not a math block's business. */
        private final Skill reading = new Skill("RL1", "Reading 1", "ela/RL", 3);

        @Test
        void aStudentsOptionsAreTheReadySkillsOfTheBlocksSubject() {
            DayPlan plan = build(ProblemEditor.of(TestDays.tiny()).skill(reading).build());
            Period b2 = period(plan, "B2");
            // band 0: nothing mastered; band 1: NF1 mastered; band 2: NF1 and NF2 mastered
            assertThat(optionIds(plan, "S03", b2)).containsExactlyInAnyOrder("NF1", "OA1", "G5");
            assertThat(optionIds(plan, "S01", b2)).containsExactlyInAnyOrder("NF2", "OA1", "G5");
            assertThat(optionIds(plan, "S02", b2)).containsExactlyInAnyOrder("NF3", "OA1", "G5");
            assertThat(learner(plan, "S03").options(b2)).allSatisfy(o -> assertThat(o.ready()).isTrue());
        }

        @Test
        void aSkillBlockWithoutASubjectOffersEverySubject() {
            ProblemEditor edit = ProblemEditor.of(TestDays.tiny()).skill(reading);
            edit.blocks.set(3, new TimeBlock("B4", LocalTime.of(10, 45), LocalTime.of(11, 30), 4, BlockKind.SKILLS,
                    null, false));
            DayPlan plan = build(edit.build());
            assertThat(optionIds(plan, "S03", period(plan, "B4"))).containsExactlyInAnyOrder("NF1", "OA1", "G5",
                    "RL1");
            assertThat(optionIds(plan, "S03", period(plan, "B3"))).doesNotContain("RL1");
        }

        @Test
        void anAdvisoryBlockOffersAdvisoryOnly() {
            assertThat(optionIds(tiny, "S03", period(tiny, "B1"))).containsExactly("advisory");
        }

        @Test
        void aSkillMoreThanOneGradeAboveIsAnOptionFlaggedNotWithinGrade() {
            Option g5 = option(tiny, "S03", "B2", "G5");
            assertThat(g5.ready()).isTrue();
            assertThat(g5.withinGrade()).isFalse();
            assertThat(g5.eligible()).isFalse();
            assertThat(option(tiny, "S03", "B2", "NF1").withinGrade()).isTrue();
        }

        @Test
        void aStudentWhoMasteredEverythingWithinReachMayWorkOnTheNearestSkillsAbove() {
            // S03 (grade 3) has mastered every grade-3 skill: only G5 is left, two grades above
            DayPlan plan = build(ProblemEditor.of(TestDays.tiny()).student("S03", s -> {
                s.mastery.put("NF1", 0.95);
                s.mastery.put("NF2", 0.95);
                s.mastery.put("NF3", 0.95);
                s.mastery.put("OA1", 0.95);
            }).build());
            assertThat(optionIds(plan, "S03", period(plan, "B2"))).containsExactly("G5");
            assertThat(option(plan, "S03", "B2", "G5").eligible()).isTrue();
            // everyone else keeps the limit
            assertThat(option(plan, "S01", "B2", "G5").eligible()).isFalse();
        }

        @Test
        void aSkillOneGradeAboveIsWithinGrade() {
            DayPlan plan = build(ProblemEditor.of(TestDays.tiny())
                    .skill(new Skill("MD4", "Measurement 4", "math/MD", 4)).build());
            assertThat(option(plan, "S03", "B2", "MD4").eligible()).isTrue();
        }

        @Test
        void aSkillGoalNamingTheAdvancedSkillMakesItWithinGrade() {
            DayPlan plan = build(ProblemEditor.of(TestDays.tiny())
                    .student("S03", s -> s.goals = List.of(new Goal("G5", null, 1))).build());
            Option g5 = option(plan, "S03", "B2", "G5");
            assertThat(g5.withinGrade()).isTrue();
            assertThat(g5.eligible()).isTrue();
            assertThat(g5.goalValue()).isEqualTo(3);
            assertThat(learner(plan, "S03").best(period(plan, "B2")).focus().getId()).isEqualTo("G5");
        }

        @Test
        void aStrandGoalDoesNotLiftTheGradeLimit() {
            DayPlan plan = build(ProblemEditor.of(TestDays.tiny())
                    .student("S03", s -> s.goals = List.of(new Goal(null, "math/G", 2))).build());
            Option g5 = option(plan, "S03", "B2", "G5");
            assertThat(g5.goalValue()).isEqualTo(2);
            assertThat(g5.withinGrade()).isFalse();
        }

        @Test
        void optionsCarryMasteryStateAndGoalValue() {
            // S04: band 1 (ready for NF2), OA1 mastery 0.4 (practising), goal OA1 priority 1
            assertThat(List.of(option(tiny, "S04", "B2", "OA1"), option(tiny, "S04", "B2", "NF2")))
                    .extracting(o -> o.focus().getId(), Option::mastery, Option::state, Option::goalValue)
                    .containsExactly(
                            tuple("OA1", 0.4, org.regroup.domain.SkillState.PRACTISING, 3),
                            tuple("NF2", 0.0, org.regroup.domain.SkillState.NEW, 0));
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private static DayPlan build(DayProblem problem) {
        return DayPlanBuilder.build(problem, "test");
    }

    private static List<String> ids(List<?> entities) {
        Function<Object, String> id = o -> o instanceof Session s ? s.getId() : ((Placement) o).getId();
        return entities.stream().map(id).toList();
    }

    private static List<String> placementIdsOf(DayPlan plan, String studentId) {
        return plan.getPlacements().stream().filter(p -> p.getLearner().getId().equals(studentId))
                .map(Placement::getId).toList();
    }

    private static Set<String> optionIds(DayPlan plan, String studentId, Period period) {
        return learner(plan, studentId).options(period).stream().map(o -> o.focus().getId())
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static Option option(DayPlan plan, String studentId, String blockId, String focusId) {
        return learner(plan, studentId).options(period(plan, blockId)).stream()
                .filter(o -> o.focus().getId().equals(focusId)).findFirst()
                .orElseThrow(() -> new AssertionError(studentId + " has no option " + focusId + " in " + blockId));
    }

    private static Session session(DayPlan plan, String id) {
        return plan.getSessions().stream().filter(s -> s.getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no session " + id));
    }

    private static Placement placement(DayPlan plan, String id) {
        return plan.getPlacements().stream().filter(p -> p.getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no placement " + id));
    }

    private static Learner learner(DayPlan plan, String id) {
        return plan.getLearners().stream().filter(l -> l.getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no learner " + id));
    }

    private static Adult adult(DayPlan plan, String id) {
        return plan.getAdults().stream().filter(a -> a.getId().equals(id)).findFirst().orElseThrow();
    }

    private static Period period(DayPlan plan, String id) {
        return plan.getPeriods().stream().filter(p -> p.getId().equals(id)).findFirst().orElseThrow();
    }
}
