package org.regroup.solver.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Request;
import org.regroup.domain.RequestPriority;
import org.regroup.solver.ProblemEditor;
import org.regroup.solver.StepBounded;
import org.regroup.solver.TestDays;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.constraints.Rules;
import org.regroup.solver.solve.DaySolver;

/**
 * The hand-written cloner: Timefold relies on a clone being a deep copy of the planning entities (and nothing else),
 * so that the best plan it keeps is never changed by the moves that follow.
 */
class DayPlanClonerTest {

    private static DayPlan solved;
    private static DayPlan clone;

    /** The tiny day solved briefly, with one admin pin (S03 with U1 in B2) and a soft weight override. */
    @BeforeAll
    static void solveAndClone() {
        DayProblem problem = ProblemEditor.of(TestDays.tiny())
                .request(new Request("R1", "S03", "B2", "U1", null, null, RequestPriority.ADMIN_REQUIRED, "admin",
                        null))
                .weight(Rules.CATCH_ALL_USED, 12)
                .build();
        solved = DaySolver.solve(DayPlanBuilder.build(problem, "tiny"),
                StepBounded.steps(1, 200), p -> { }).plan();
        clone = new DayPlanCloner().cloneSolution(solved);
    }

    @Test
    void theSolvedDayHasSomethingToClone() {
        assertThat(solved.getPlacements()).anyMatch(p -> p.getSession() != null);
        assertThat(solved.getSessions()).anyMatch(Session::isOpen);
        assertThat(solved.getPlacements()).anyMatch(Placement::isPinned);
    }

    @Test
    void theCloneHasItsOwnSessionsAndPlacements() {
        assertThat(clone).isNotSameAs(solved);
        assertThat(clone.getSessions()).isNotSameAs(solved.getSessions()).hasSameSizeAs(solved.getSessions());
        assertThat(clone.getPlacements()).isNotSameAs(solved.getPlacements()).hasSameSizeAs(solved.getPlacements());
        Set<Object> originals = identitySet(solved.getSessions(), solved.getPlacements());
        assertThat(clone.getSessions()).noneMatch(originals::contains);
        assertThat(clone.getPlacements()).noneMatch(originals::contains);
        for (int i = 0; i < solved.getSessions().size(); i++) {
            Session o = solved.getSessions().get(i);
            Session c = clone.getSessions().get(i);
            assertThat(c.getId()).isEqualTo(o.getId());
            assertThat(c.getIndex()).isEqualTo(o.getIndex()).isEqualTo(i);
            assertThat(c.getPlacements()).isNotSameAs(o.getPlacements());
        }
        for (int i = 0; i < solved.getPlacements().size(); i++) {
            assertThat(clone.getPlacements().get(i).getId()).isEqualTo(solved.getPlacements().get(i).getId());
            assertThat(clone.getPlacements().get(i).getIndex()).isEqualTo(i);
        }
    }

    @Test
    void theCloneMakesTheSameDecisions() {
        assertThat(snapshot(clone)).isEqualTo(snapshot(solved));
        for (int i = 0; i < solved.getSessions().size(); i++) {
            Session o = solved.getSessions().get(i);
            Session c = clone.getSessions().get(i);
            assertThat(c.getMode()).isSameAs(o.getMode());
            assertThat(c.getRoom()).isSameAs(o.getRoom());
            assertThat(c.isCatchAll()).isEqualTo(o.isCatchAll());
            assertThat(c.isFixed()).isEqualTo(o.isFixed());
            assertThat(c.getSizeCap()).isEqualTo(o.getSizeCap());
            assertThat(c.getSummary()).isEqualTo(o.getSummary());
            // Inverse lists keep their order (assertion modes compare them with freshly computed ones).
            assertThat(ids(c.getPlacements())).containsExactlyElementsOf(ids(o.getPlacements()));
        }
        for (int i = 0; i < solved.getPlacements().size(); i++) {
            assertThat(clone.getPlacements().get(i).isPinned()).isEqualTo(solved.getPlacements().get(i).isPinned());
        }
        assertThat(clone.getScore()).isEqualTo(solved.getScore());
        assertThat(clone.getSolverStatus()).isEqualTo(solved.getSolverStatus());
    }

    @Test
    void noPartOfTheCloneRefersToAnOriginalEntity() {
        Set<Object> clones = identitySet(clone.getSessions(), clone.getPlacements());
        for (Placement p : clone.getPlacements()) {
            assertThat(p.getCandidates()).isNotEmpty().allMatch(clones::contains);
            if (p.getSession() != null) {
                assertThat(clones).contains(p.getSession());
                assertThat(p.getSession().getPlacements()).contains(p);
            }
        }
        for (Session s : clone.getSessions()) {
            assertThat(s.getPlacements()).allMatch(clones::contains).allMatch(p -> p.getSession() == s);
        }
        for (int i = 0; i < solved.getPlacements().size(); i++) {
            assertThat(ids(clone.getPlacements().get(i).getCandidates()))
                    .containsExactlyElementsOf(ids(solved.getPlacements().get(i).getCandidates()));
        }
    }

    @Test
    void candidateListsSharedInTheOriginalAreSharedInTheClone() {
        Map<List<Session>, List<Session>> pairs = new IdentityHashMap<>();
        for (int i = 0; i < solved.getPlacements().size(); i++) {
            List<Session> original = solved.getPlacements().get(i).getCandidates();
            List<Session> copy = clone.getPlacements().get(i).getCandidates();
            assertThat(copy).isNotSameAs(original);
            List<Session> seen = pairs.putIfAbsent(original, copy);
            if (seen != null) {
                assertThat(copy).isSameAs(seen);
            }
        }
        assertThat(pairs.size()).as("distinct candidate lists").isLessThan(solved.getPlacements().size());
        assertThat(identitySet(List.copyOf(pairs.values()))).as("distinct lists in the clone").hasSize(pairs.size());
    }

    @Test
    void factsAreShared() {
        assertThat(clone.getProblem()).isSameAs(solved.getProblem());
        assertThat(clone.getPeriods()).isSameAs(solved.getPeriods());
        assertThat(clone.getModes()).isSameAs(solved.getModes());
        assertThat(clone.getAdults()).isSameAs(solved.getAdults());
        assertThat(clone.getRooms()).isSameAs(solved.getRooms());
        assertThat(clone.getFoci()).isSameAs(solved.getFoci());
        assertThat(clone.getLearners()).isSameAs(solved.getLearners());
        assertThat(clone.getAsks()).isSameAs(solved.getAsks());
        assertThat(clone.getConstraintWeightOverrides()).isSameAs(solved.getConstraintWeightOverrides());
        for (int i = 0; i < solved.getSessions().size(); i++) {
            Session o = solved.getSessions().get(i);
            Session c = clone.getSessions().get(i);
            assertThat(c.getPeriod()).isSameAs(o.getPeriod());
            assertThat(c.getAdult()).isSameAs(o.getAdult());
            assertThat(c.getAllowedModes()).isSameAs(o.getAllowedModes());
            assertThat(c.getAllowedRooms()).isSameAs(o.getAllowedRooms());
        }
        for (int i = 0; i < solved.getPlacements().size(); i++) {
            assertThat(clone.getPlacements().get(i).getLearner()).isSameAs(solved.getPlacements().get(i).getLearner());
            assertThat(clone.getPlacements().get(i).getPeriod()).isSameAs(solved.getPlacements().get(i).getPeriod());
        }
    }

    @Test
    void changingACloneLeavesTheOriginalAsItWas() {
        DayPlan copy = new DayPlanCloner().cloneSolution(solved);
        Map<String, String> before = snapshot(solved);
        var score = solved.getScore();

        Placement moved = copy.getPlacements().stream()
                .filter(p -> p.getSession() != null && !p.isPinned() && p.getCandidates().size() > 1)
                .findFirst().orElseThrow();
        Session from = moved.getSession();
        Session to = moved.getCandidates().stream().filter(s -> s != from).findFirst().orElseThrow();
        from.getPlacements().remove(moved);
        to.getPlacements().add(moved);
        moved.setSession(to);
        Session revised = copy.getSessions().stream().filter(s -> !s.isFixed() && s.getAllowedModes().size() > 1)
                .findFirst().orElseThrow();
        revised.setMode(revised.getAllowedModes().stream().filter(m -> m != revised.getMode()).findFirst()
                .orElseThrow());
        revised.setRoom(null);
        copy.getPlacements().forEach(p -> p.setPinned(false));
        copy.setScore(null);

        assertThat(snapshot(solved)).isEqualTo(before);
        assertThat(solved.getScore()).isEqualTo(score);
        assertThat(snapshot(copy)).isNotEqualTo(before);
    }

    @Test
    void aDayNobodyIsPlacedInClonesToo() {
        DayPlan unsolved = DayPlanBuilder.build(TestDays.tiny(), "tiny");
        DayPlan copy = new DayPlanCloner().cloneSolution(unsolved);
        assertThat(snapshot(copy)).isEqualTo(snapshot(unsolved));
        assertThat(copy.getPlacements()).allSatisfy(p -> assertThat(p.getSession()).isNull());
        assertThat(copy.getSessions()).allSatisfy(s -> assertThat(s.getPlacements()).isEmpty());
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Every decision of a day by id: each placement's session, each session's modality, room and members. */
    private static Map<String, String> snapshot(DayPlan plan) {
        Map<String, String> decisions = new LinkedHashMap<>();
        for (Placement p : plan.getPlacements()) {
            decisions.put(p.getId(), (p.getSession() == null ? "-" : p.getSession().getId())
                    + (p.isPinned() ? " pinned" : ""));
        }
        for (Session s : plan.getSessions()) {
            decisions.put(s.getId(), s.getMode() + " " + s.getRoom() + " " + ids(s.getPlacements()));
        }
        return decisions;
    }

    private static List<String> ids(List<?> entities) {
        return entities.stream().map(Object::toString).toList();
    }

    private static Set<Object> identitySet(List<?>... lists) {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        for (List<?> list : lists) {
            set.addAll(list);
        }
        return set;
    }
}
