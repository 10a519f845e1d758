package org.regroup.solver.whatif;

import java.time.Duration;
import java.util.List;

/**
 * A scenario solved: the base and each variant side by side, each variant with its differences from the base, and
 * the fewest-resources answer when one was asked for.
 *
 * @param timeLimit each plan's solving time
 * @param wallTime  the base and the variants, solved in parallel (the fewest search has its own time)
 * @param cores     solves run at once
 */
public record Comparison(String scenarioId, String name, Duration timeLimit, Duration wallTime, int cores,
        VariantResult base, List<Row> variants, FewestResult fewest) {

    /** One variant and what it changes compared with the base. */
    public record Row(VariantResult result, VersusBase versusBase) {
    }
}
