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
 * @param costUnit  the unit of the adults' cost per day, as the scenario gives it (null: none given)
 */
public record Comparison(String scenarioId, String name, Duration timeLimit, Duration wallTime, int cores,
        VariantResult base, List<Row> variants, FewestResult fewest, String costUnit) {

    /** A comparison whose scenario gives no cost unit. */
    public Comparison(String scenarioId, String name, Duration timeLimit, Duration wallTime, int cores,
            VariantResult base, List<Row> variants, FewestResult fewest) {
        this(scenarioId, name, timeLimit, wallTime, cores, base, variants, fewest, null);
    }

    /** One variant and what it changes compared with the base. */
    public record Row(VariantResult result, VersusBase versusBase) {
    }
}
