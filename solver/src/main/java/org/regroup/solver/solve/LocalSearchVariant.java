package org.regroup.solver.solve;

import java.util.List;

import ai.timefold.solver.core.config.localsearch.decider.acceptor.AcceptorType;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;

/**
 * The local-search metaheuristic after the day is built. Production uses {@link #TABU}; the others exist so the
 * benchmark suite can show, on the same moves and rules, why (docs/model.md, docs/benchmarks.md).
 */
public enum LocalSearchVariant {

    /** Entity tabu 7, best of 50 accepted moves per step: the production setting. */
    TABU("tabu") {
        @Override
        LocalSearchAcceptorConfig acceptor() {
            return new LocalSearchAcceptorConfig().withEntityTabuSize(7);
        }

        @Override
        LocalSearchForagerConfig forager() {
            return new LocalSearchForagerConfig().withAcceptedCountLimit(50);
        }
    },
    /** Late acceptance 400, first accepted move: Timefold's usual default. */
    LATE_ACCEPTANCE("late-acceptance") {
        @Override
        LocalSearchAcceptorConfig acceptor() {
            return new LocalSearchAcceptorConfig().withLateAcceptanceSize(400);
        }

        @Override
        LocalSearchForagerConfig forager() {
            return new LocalSearchForagerConfig().withAcceptedCountLimit(1);
        }
    },
    /** Great deluge with a rising water level of 1e-7 of the score per step, first accepted move. */
    GREAT_DELUGE("great-deluge") {
        @Override
        LocalSearchAcceptorConfig acceptor() {
            LocalSearchAcceptorConfig config = new LocalSearchAcceptorConfig()
                    .withAcceptorTypeList(List.of(AcceptorType.GREAT_DELUGE));
            config.setGreatDelugeWaterLevelIncrementRatio(1e-7);
            return config;
        }

        @Override
        LocalSearchForagerConfig forager() {
            return new LocalSearchForagerConfig().withAcceptedCountLimit(1);
        }
    };

    private final String id;

    LocalSearchVariant(String id) {
        this.id = id;
    }

    /** The name used in benchmark results and on the command line. */
    public String id() {
        return id;
    }

    abstract LocalSearchAcceptorConfig acceptor();

    abstract LocalSearchForagerConfig forager();
}
