package org.regroup.domain.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The BKT update and prediction: hand-computed cases, monotonicity, bounds, and the score/items form. */
class BktTest {

    private static final BktParameters P = new BktParameters(0.2, 0.1, 0.2, 0.1);
    private static final BktParameters NO_LEARNING = new BktParameters(0.2, 0, 0.2, 0.1);
    private static final double[] MASTERIES = {0, 0.001, 0.1, 0.2, 0.5, 0.8, 0.999, 1};

    @Test
    void correctAnswerByHand() {
        // posterior = 0.2*0.9 / (0.2*0.9 + 0.8*0.2) = 0.18 / 0.34; then + (1 - posterior) * 0.1
        double posterior = 0.18 / 0.34;
        assertThat(Bkt.update(0.2, true, P)).isCloseTo(posterior + (1 - posterior) * 0.1, within(1e-12));
        assertThat(Bkt.update(0.2, true, P)).isCloseTo(0.576470588235, within(1e-12));
    }

    @Test
    void wrongAnswerByHand() {
        // posterior = 0.5*0.1 / (0.5*0.1 + 0.5*0.8) = 0.05 / 0.45 = 1/9; then + (8/9) * 0.1
        assertThat(Bkt.update(0.5, false, P)).isCloseTo(1.0 / 9 + 8.0 / 9 * 0.1, within(1e-12));
    }

    @Test
    void twoCorrectAnswersFromTheDefaultPriorReachTheDefaultThresholdButOneDoesNot() {
        BktParameters d = BktParameters.DEFAULTS;
        double once = Bkt.update(d.pInit(), true, d);
        assertThat(once).isLessThan(0.8);
        // once = 0.196 / 0.34; posterior = once*0.9 / (once*0.9 + (1 - once)*0.2) = 0.1764 / 0.2052
        double posterior = 0.1764 / 0.2052;
        assertThat(once).isCloseTo(0.196 / 0.34, within(1e-12));
        assertThat(Bkt.update(once, true, d)).isCloseTo(posterior + (1 - posterior) * 0.1, within(1e-12))
                .isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void pCorrectByHand() {
        assertThat(Bkt.pCorrect(0.5, P)).isCloseTo(0.5 * 0.9 + 0.5 * 0.2, within(1e-12));
        assertThat(Bkt.pCorrect(0, P)).isEqualTo(0.2);
        assertThat(Bkt.pCorrect(1, P)).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void aCorrectAnswerNeverLowersMasteryAndAWrongOneNeverRaisesItBeforeLearning() {
        for (double m : MASTERIES) {
            assertThat(Bkt.update(m, true, NO_LEARNING)).as("correct at %s", m).isGreaterThanOrEqualTo(m);
            assertThat(Bkt.update(m, false, NO_LEARNING)).as("wrong at %s", m).isLessThanOrEqualTo(m);
            assertThat(Bkt.update(m, true, P)).as("correct with learning at %s", m).isGreaterThanOrEqualTo(m);
            for (double score = 0; score <= 1; score += 0.125) {
                double after = Bkt.update(m, score, 8, NO_LEARNING);
                double higher = Bkt.update(m, Math.min(1, score + 0.125), 8, NO_LEARNING);
                assertThat(higher).as("a higher score at %s", m).isGreaterThanOrEqualTo(after);
            }
        }
    }

    @Test
    void staysAProbabilityEvenWithExtremeParameters() {
        BktParameters[] extremes = {new BktParameters(0, 0, 0, 0), new BktParameters(1, 1, 0.999, 0),
                new BktParameters(0.5, 0, 0, 0.999), new BktParameters(0.5, 0.5, 0.3, 0.1)};
        for (BktParameters p : extremes) {
            for (double m : MASTERIES) {
                for (boolean correct : new boolean[] {true, false}) {
                    assertThat(Bkt.update(m, correct, p)).as("%s %s %s", p, m, correct).isBetween(0.0, 1.0);
                }
                assertThat(Bkt.update(m, 0.3, 10_000, p)).as("%s %s long test", p, m).isBetween(0.0, 1.0);
                assertThat(Bkt.pCorrect(m, p)).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void impossibleEvidenceLeavesTheEstimateAsItWas() {
        BktParameters noGuessNoSlip = new BktParameters(0.5, 0, 0, 0);
        assertThat(Bkt.update(0, true, noGuessNoSlip)).isEqualTo(0);
        assertThat(Bkt.update(1, false, noGuessNoSlip)).isEqualTo(1);
        assertThat(Bkt.update(0, 1.0, 3, noGuessNoSlip)).isEqualTo(0);
    }

    @Test
    void oneItemScoreEqualsOneAnswer() {
        for (double m : MASTERIES) {
            assertThat(Bkt.update(m, 1.0, 1, P)).isCloseTo(Bkt.update(m, true, P), within(1e-12));
            assertThat(Bkt.update(m, 0.0, 1, P)).isCloseTo(Bkt.update(m, false, P), within(1e-12));
        }
    }

    @Test
    void wholeScoreIsTheAnswersInAnyOrderWithOneLearningStep() {
        // 3 of 4 correct: the posterior after the four answers (no learning in between), then one learning step.
        double m = 0.3;
        for (boolean answer : new boolean[] {true, false, true, true}) {
            m = Bkt.update(m, answer, NO_LEARNING);
        }
        double expected = m + (1 - m) * P.pLearn();
        assertThat(Bkt.update(0.3, 0.75, 4, P)).isCloseTo(expected, within(1e-12));
        // By hand: odds 0.3/0.7 * (0.9^3*0.1)/(0.2^3*0.8) = 0.3/0.7 * 0.0729/0.0064
        double odds = 0.3 / 0.7 * (0.0729 / 0.0064);
        assertThat(m).isCloseTo(odds / (1 + odds), within(1e-12));
    }

    @Test
    void fractionalScoreLiesBetweenTheWholeScoresAroundIt() {
        double low = Bkt.update(0.4, 2.0 / 3, 3, P);
        double mid = Bkt.update(0.4, 0.85, 3, P);
        double high = Bkt.update(0.4, 1.0, 3, P);
        assertThat(mid).isStrictlyBetween(low, high);
    }

    @Test
    void manyItemsAreStrongEvidence() {
        assertThat(Bkt.update(0.2, 1.0, 10, P)).isGreaterThan(0.999);
        assertThat(Bkt.update(0.2, 0.5, 10, NO_LEARNING)).isLessThan(0.02);
        assertThat(Bkt.update(0.2, 0.9, 1000, P)).isBetween(0.0, 1.0);
    }

    @Test
    void rejectsInputsOutsideTheirRange() {
        assertThatThrownBy(() -> Bkt.update(1.2, true, P)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pMastery must be a probability in [0, 1], got 1.2");
        assertThatThrownBy(() -> Bkt.update(Double.NaN, 0.5, 2, P)).hasMessageContaining("pMastery")
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> Bkt.update(0.5, 1.5, 2, P)).hasMessage(
                "score must be a probability in [0, 1], got 1.5");
        assertThatThrownBy(() -> Bkt.update(0.5, 0.5, 0, P)).hasMessage("items must be at least 1, got 0");
        assertThatThrownBy(() -> Bkt.pCorrect(-0.1, P)).hasMessageContaining("pMastery");
        assertThatThrownBy(() -> Bkt.update(0.5, true, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("parameters");
    }
}
