package org.regroup.rest.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.FocusKind;
import org.regroup.domain.Student;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.plan.Focus;

class WhyHereTest {

    /** Counting (mastered) before adding, adding before subtracting; one goal; a robotics club. */
    private static final DayProblem DAY = DayProblemReader.parseOnly("""
            {"format": "regroup/day-problem", "version": 1, "id": "why",
             "skills": [{"id": "count", "name": "Count", "strand": "math/CC", "grade": 0},
                        {"id": "add", "name": "Add", "strand": "math/OA", "grade": 1},
                        {"id": "sub", "name": "Subtract", "strand": "math/OA", "grade": 1}],
             "prerequisites": [{"prerequisite": "count", "skill": "add"}, {"prerequisite": "add", "skill": "sub"}],
             "activities": [{"id": "robots", "name": "Robots", "kind": "project", "tags": ["robotics"]}],
             "students": [{"id": "S1", "name": "Ana", "grade": 1, "mastery": {"count": 0.97, "add": 0.4},
                           "goals": [{"skill": "add"}], "interests": ["robotics"]}]}
            """.getBytes(StandardCharsets.UTF_8), "why.json");

    private final WhyHere why = new WhyHere(DAY);
    private final Student ana = DAY.students().get(0);

    @Test
    void aReadyGoalSkillSaysSoWithTheMastery() {
        assertThat(why.of(ana, new Focus(FocusKind.SKILL, "add", "Add")))
                .isEqualTo("one of their goals · ready: every prerequisite mastered · mastery 0.40");
    }

    @Test
    void aMasteredSkillIsReviewAndOneWhosePrerequisiteIsNotMasteredSaysThat() {
        assertThat(why.of(ana, new Focus(FocusKind.SKILL, "count", "Count"))).startsWith("review: already mastered");
        assertThat(why.of(ana, new Focus(FocusKind.SKILL, "sub", "Subtract")))
                .startsWith("not every prerequisite mastered yet");
    }

    @Test
    void anActivitySaysWhichInterestItMatchesAndNothingIsSaidOfWhatTheMapDoesNotKnow() {
        assertThat(why.of(ana, new Focus(FocusKind.ACTIVITY, "robots", "Robots")))
                .isEqualTo("matches their interest in robotics");
        assertThat(why.of(ana, new Focus(FocusKind.SKILL, "unknown", "?"))).isNull();
        assertThat(why.of(ana, null)).isNull();
    }
}
