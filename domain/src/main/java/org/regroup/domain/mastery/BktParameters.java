package org.regroup.domain.mastery;

/**
 * Per-skill Bayesian Knowledge Tracing parameters (Corbett &amp; Anderson 1995), each a probability in [0, 1].
 *
 * @param pInit  prior mastery of a skill that has no estimate yet
 * @param pLearn chance that a student who had not mastered the skill has mastered it after one opportunity (one
 *               assessment result)
 * @param pGuess chance of a correct answer without mastery
 * @param pSlip  chance of a wrong answer despite mastery
 */
public record BktParameters(double pInit, double pLearn, double pGuess, double pSlip) {

    /**
     * The parameters of a skill nobody has calibrated: pInit 0.2, pLearn 0.1, pGuess 0.2, pSlip 0.1 (docs/mastery.md).
     * <ul>
     * <li>pGuess 0.2 is what the fraction-subtraction calibration measured (0.19-0.21 in every fold), and below the
     * 0.3 commonly used as guess's upper bound against model degeneracy (Baker, Corbett &amp; Aleven 2008).</li>
     * <li>pSlip 0.1 is the upper bound commonly used for slip. The calibration fitted 0.05, but on test items taken
     * in one sitting; a classroom result is noisier, and 0.1 keeps one wrong answer from toppling a mastered skill
     * (0.9 falls to 0.58, not 0.42).</li>
     * <li>pInit 0.2 is a product choice, not a fit: the calibration's 0.84 describes students tested on fractions they
     * had been taught, whereas a skill without an estimate is usually one not yet taught (the day format counts it as
     * 0). Below the default {@code practisingFrom} 0.3 so it reads "new"; two correct answers in a row reach the
     * default mastery threshold 0.8, one does not.</li>
     * <li>pLearn 0.1 is a conventional starting value, not a fit: the calibration data has no teaching between
     * answers, so it cannot measure learning.</li>
     * </ul>
     */
    public static final BktParameters DEFAULTS = new BktParameters(0.2, 0.1, 0.2, 0.1);

    public BktParameters {
        requireProbability("pInit", pInit);
        requireProbability("pLearn", pLearn);
        requireProbability("pGuess", pGuess);
        requireProbability("pSlip", pSlip);
        if (!(pGuess + pSlip < 1)) {
            throw new IllegalArgumentException("pGuess + pSlip must be below 1, got " + pGuess + " + " + pSlip
                    + ": otherwise a correct answer would be no more likely with mastery than without it");
        }
    }

    static void requireProbability(String name, double value) {
        // Written so that NaN fails too.
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1], got " + value);
        }
    }
}
