package org.regroup.domain.mastery;

import java.util.Objects;

/**
 * Bayesian Knowledge Tracing for one student and one skill: mastery is the probability that the student has mastered
 * the skill. Each observation updates it by Bayes' rule (guess and slip being the chances of a correct answer without
 * mastery and of a wrong one with it), then the learning transition adds pLearn of what remains unmastered. There is
 * no forgetting: without evidence, mastery never falls.
 */
public final class Bkt {

    private Bkt() {
    }

    /** Posterior mastery after one observed answer, then the learning transition. */
    public static double update(double pMastery, boolean correct, BktParameters p) {
        BktParameters.requireProbability("pMastery", pMastery);
        Objects.requireNonNull(p, "parameters");
        double known = pMastery * (correct ? 1 - p.pSlip() : p.pSlip());
        double unknown = (1 - pMastery) * (correct ? p.pGuess() : 1 - p.pGuess());
        // Only an answer the parameters call impossible (guess or slip 0) gives 0/0; it then tells us nothing.
        double posterior = known + unknown == 0 ? pMastery : known / (known + unknown);
        return learn(posterior, p);
    }

    /**
     * A result with a score in [0, 1] over {@code items} items, taken as one opportunity: {@code score * items}
     * correct and the rest wrong, the items conditionally independent given mastery, then ONE learning transition.
     * <ul>
     * <li>One transition, not one per item: the items of one quiz are answered without teaching in between, and
     * {@code items} transitions would credit a 10-item quiz with 1 - 0.9^10 = 65% learning at pLearn 0.1.</li>
     * <li>The count of correct answers may be fractional (0.85 of 3 items is 2.55), used as an exponent in the
     * likelihood {@code (1-slip)^k slip^(n-k)} against {@code guess^k (1-guess)^(n-k)} rather than rounded: rounding
     * would turn half credit on one item into a full right or wrong answer. For whole counts this is exactly the
     * posterior after those answers in any order; {@code update(m, 1.0, 1, p)} equals {@code update(m, true, p)}.</li>
     * <li>Computed with logarithms so that long tests do not underflow.</li>
     * </ul>
     * Many items are strong evidence (that is the independence assumption): 10 of 10 correct all but settles mastery.
     */
    public static double update(double pMastery, double score, int items, BktParameters p) {
        BktParameters.requireProbability("pMastery", pMastery);
        BktParameters.requireProbability("score", score);
        if (items < 1) {
            throw new IllegalArgumentException("items must be at least 1, got " + items);
        }
        Objects.requireNonNull(p, "parameters");
        double right = score * items;
        double wrong = Math.max(0, items - right);
        double logKnown = Math.log(pMastery) + xLogY(right, 1 - p.pSlip()) + xLogY(wrong, p.pSlip());
        double logUnknown = Math.log(1 - pMastery) + xLogY(right, p.pGuess()) + xLogY(wrong, 1 - p.pGuess());
        double posterior;
        if (logKnown == Double.NEGATIVE_INFINITY && logUnknown == Double.NEGATIVE_INFINITY) {
            posterior = pMastery; // impossible evidence, as above
        } else {
            posterior = 1 / (1 + Math.exp(logUnknown - logKnown));
        }
        return learn(posterior, p);
    }

    /** P(next answer correct) given mastery: mastery * (1 - slip) + (1 - mastery) * guess. */
    public static double pCorrect(double pMastery, BktParameters p) {
        BktParameters.requireProbability("pMastery", pMastery);
        return pMastery * (1 - p.pSlip()) + (1 - pMastery) * p.pGuess();
    }

    private static double learn(double posterior, BktParameters p) {
        return posterior + (1 - posterior) * p.pLearn();
    }

    /** x * log(y), with 0 * log(0) = 0: no answers of a kind carry no evidence, even if that kind is impossible. */
    private static double xLogY(double x, double y) {
        return x == 0 ? 0 : x * Math.log(y);
    }
}
