package org.regroup.solver.solve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.placer.QueuedEntityPlacerConfig;
import ai.timefold.solver.core.config.heuristic.selector.common.SelectionCacheType;
import ai.timefold.solver.core.config.heuristic.selector.common.SelectionOrder;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySorterManner;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.CartesianProductMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.value.ValueSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.regroup.solver.constraints.RegroupConstraintProvider;
import org.regroup.solver.construct.DayConstructor;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;
import org.regroup.solver.search.GroupMoves;
import org.regroup.solver.search.KeepsSeats;

/**
 * The production solver configuration, written out in full. Timefold's default configuration cannot be used here:
 * with two entity classes whose value ranges come from the entities themselves it fails at the start of local search
 * ("no basic variable found"), so each phase names its entity class and moves explicitly.
 *
 * <p>Phases: (1) {@link DayConstructor} builds a sensible day block by block, seating everyone a seat can be found
 * for; (2) tabu search moves students (change, swap) and revises slots (modality, room, both at once). No generic
 * construction heuristic in between: on every bundled day and school shape it placed nobody the day builder had left
 * unplaced, and Timefold rebuilds the whole working solution after every phase but the last (0.3 s on large before
 * local search could start; docs/model.md, "Phases").
 */
public final class RegroupSolverConfig {

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(30);

    private RegroupSolverConfig() {
    }

    public static SolverConfig create(SolveOptions options) {
        return create(options, LocalSearchVariant.TABU);
    }

    /** As {@link #create(SolveOptions)} with another local-search metaheuristic (benchmarks compare them). */
    public static SolverConfig create(SolveOptions options, LocalSearchVariant variant) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(DayPlan.class)
                .withEntityClasses(DayPlan.ENTITY_CLASSES)
                .withConstraintProviderClass(RegroupConstraintProvider.class)
                .withPhases(phases(options, variant).toArray(PhaseConfig[]::new))
                .withTerminationConfig(termination(options));
        if (options.seed() != null) {
            config.withRandomSeed(options.seed()).withEnvironmentMode(EnvironmentMode.PHASE_ASSERT);
        } else {
            config.withEnvironmentMode(EnvironmentMode.NON_REPRODUCIBLE);
        }
        if (options.environmentMode() != null) {
            config.withEnvironmentMode(options.environmentMode());
        }
        return config;
    }

    /**
     * The configuration behind score analysis and assignment recommendations (Timefold's SolutionManager): same
     * model and rules, and a construction heuristic as first phase, which the recommendation API requires.
     */
    public static SolverConfig forAnalysis() {
        return new SolverConfig()
                .withSolutionClass(DayPlan.class)
                .withEntityClasses(DayPlan.ENTITY_CLASSES)
                .withConstraintProviderClass(RegroupConstraintProvider.class)
                .withPhases(placementConstruction())
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(1)));
    }

    private static TerminationConfig termination(SolveOptions options) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(options.timeLimit());
        if (options.unimprovedTimeLimit() != null) {
            termination.withUnimprovedSpentLimit(options.unimprovedTimeLimit());
        }
        return termination;
    }

    private static List<PhaseConfig> phases(SolveOptions options, LocalSearchVariant variant) {
        List<PhaseConfig> phases = new ArrayList<>();
        phases.add(new CustomPhaseConfig().withCustomPhaseCommands(new DayConstructor()));
        LocalSearchPhaseConfig localSearch = localSearch(variant);
        if (options.stepCountLimit() != null) {
            localSearch.withTerminationConfig(new TerminationConfig().withStepCountLimit(options.stepCountLimit()));
        }
        phases.add(localSearch);
        return phases;
    }

    /** Students with the fewest possible sessions (and most accommodations) are placed first. */
    private static ConstructionHeuristicPhaseConfig placementConstruction() {
        EntitySelectorConfig placements = new EntitySelectorConfig()
                .withId("placementsToConstruct")
                .withEntityClass(Placement.class)
                .withCacheType(SelectionCacheType.PHASE)
                .withSelectionOrder(SelectionOrder.SORTED)
                .withSorterManner(EntitySorterManner.DECREASING_DIFFICULTY_IF_AVAILABLE);
        return new ConstructionHeuristicPhaseConfig()
                .withEntityPlacerConfig(new QueuedEntityPlacerConfig()
                        .withEntitySelectorConfig(placements)
                        .withMoveSelectorConfigs(new ChangeMoveSelectorConfig()
                                .withEntitySelectorConfig(new EntitySelectorConfig()
                                        .withMimicSelectorRef("placementsToConstruct"))
                                .withValueSelectorConfig(new ValueSelectorConfig().withVariableName("session"))));
    }

    private static LocalSearchPhaseConfig localSearch(LocalSearchVariant variant) {
        List<MoveSelectorConfig> moves = List.of(
                placementChange().withFilterClass(KeepsSeats.class).withFixedProbabilityWeight(10.0),
                new SwapMoveSelectorConfig()
                        .withEntitySelectorConfig(new EntitySelectorConfig().withEntityClass(Placement.class))
                        .withSecondaryEntitySelectorConfig(new EntitySelectorConfig().withEntityClass(Placement.class))
                        .withFixedProbabilityWeight(4.0),
                sessionChange("mode").withFixedProbabilityWeight(1.0),
                sessionChange("room").withFixedProbabilityWeight(1.0),
                modeAndRoomTogether().withFixedProbabilityWeight(1.0),
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(GroupMoves.class)
                        .withFixedProbabilityWeight(1.0));
        // Entity tabu, picking the best of 50 accepted moves per step: on the bundled days it beat late acceptance
        // (400, 50, 20), great deluge and other tabu settings at 30 s (docs/model.md). Late acceptance drifted: once
        // the medium level improved, every soft change within the window was accepted and the plan degraded.
        return new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectorList(moves))
                .withAcceptorConfig(variant.acceptor())
                .withForagerConfig(variant.forager());
    }

    private static ChangeMoveSelectorConfig placementChange() {
        return new ChangeMoveSelectorConfig()
                .withEntitySelectorConfig(new EntitySelectorConfig().withEntityClass(Placement.class))
                .withValueSelectorConfig(new ValueSelectorConfig().withVariableName("session"));
    }

    private static ChangeMoveSelectorConfig sessionChange(String variable) {
        return new ChangeMoveSelectorConfig()
                .withEntitySelectorConfig(new EntitySelectorConfig().withEntityClass(Session.class))
                .withValueSelectorConfig(new ValueSelectorConfig().withVariableName(variable));
    }

    /** Online practice needs a lab: switching modality often needs another room in the same step. */
    private static CartesianProductMoveSelectorConfig modeAndRoomTogether() {
        return new CartesianProductMoveSelectorConfig().withMoveSelectors(
                new ChangeMoveSelectorConfig()
                        .withEntitySelectorConfig(new EntitySelectorConfig().withId("sessionForBoth")
                                .withEntityClass(Session.class))
                        .withValueSelectorConfig(new ValueSelectorConfig().withVariableName("mode")),
                new ChangeMoveSelectorConfig()
                        .withEntitySelectorConfig(new EntitySelectorConfig().withMimicSelectorRef("sessionForBoth"))
                        .withValueSelectorConfig(new ValueSelectorConfig().withVariableName("room")));
    }
}
