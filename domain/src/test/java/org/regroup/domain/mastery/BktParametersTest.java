package org.regroup.domain.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Parameter validation and the documented defaults. */
class BktParametersTest {

    @Test
    void defaultsAreTheDocumentedValues() {
        assertThat(BktParameters.DEFAULTS).isEqualTo(new BktParameters(0.2, 0.1, 0.2, 0.1));
    }

    @Test
    void acceptsTheEdgesOfTheRange() {
        assertThat(new BktParameters(0, 0, 0, 0).pInit()).isZero();
        assertThat(new BktParameters(1, 1, 0.5, 0.4999).pLearn()).isEqualTo(1);
    }

    @Test
    void eachParameterMustBeAProbability() {
        assertThatThrownBy(() -> new BktParameters(-0.1, 0.1, 0.2, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pInit must be a probability in [0, 1], got -0.1");
        assertThatThrownBy(() -> new BktParameters(0.2, 1.5, 0.2, 0.1))
                .hasMessage("pLearn must be a probability in [0, 1], got 1.5");
        assertThatThrownBy(() -> new BktParameters(0.2, 0.1, Double.NaN, 0.1))
                .hasMessage("pGuess must be a probability in [0, 1], got NaN");
        assertThatThrownBy(() -> new BktParameters(0.2, 0.1, 0.2, 2))
                .hasMessage("pSlip must be a probability in [0, 1], got 2.0");
    }

    @Test
    void guessPlusSlipMustBeBelowOne() {
        assertThatThrownBy(() -> new BktParameters(0.2, 0.1, 0.6, 0.4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("pGuess + pSlip must be below 1, got 0.6 + 0.4");
        assertThatThrownBy(() -> new BktParameters(0.2, 0.1, 0.7, 0.5)).hasMessageContaining("below 1");
    }
}
