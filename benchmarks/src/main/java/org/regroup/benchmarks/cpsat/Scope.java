package org.regroup.benchmarks.cpsat;

/**
 * Which plans a model admits. Both score every plan they admit exactly as Timefold does; they differ in which plans
 * they admit and so in what their objective and bound mean.
 */
enum Scope {

    /**
     * Every plan that keeps the rules a plan can always keep: hard and medium penalties are priced, and the objective
     * is {@code hard × H + medium × M + soft}. The peer's model when it has no workable plan to start from.
     */
    ALL_PLANS,

    /**
     * Only workable plans (0 hard, 0 medium): every hard and medium penalty term is constrained to 0 and the
     * objective is the soft penalty alone. Used once a workable plan is known: then the lexicographic optimum is
     * workable, so this model keeps it, and its bound is a bound on the soft penalty of every workable plan. What a
     * workable plan can never do (a group below its modality's minimum size) lets {@link FocusCandidates} drop foci.
     */
    WORKABLE
}
