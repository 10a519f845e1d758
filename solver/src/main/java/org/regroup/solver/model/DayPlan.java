package org.regroup.solver.model;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolverStatus;
import org.regroup.domain.DayProblem;

/**
 * The planning solution: one school day. Sessions (adult × block slots) and placements (student × block) are the
 * planning entities; their counts are fixed for the whole solve.
 */
@PlanningSolution(solutionCloner = DayPlanCloner.class)
public class DayPlan {

    /** The input this plan was built from (read-only, shared between clones). */
    private DayProblem problem;

    @ProblemFactCollectionProperty
    private List<Period> periods;
    @ProblemFactCollectionProperty
    private List<Mode> modes;
    @ProblemFactCollectionProperty
    private List<Adult> adults;
    @ProblemFactCollectionProperty
    private List<Room> rooms;
    @ProblemFactCollectionProperty
    private List<Focus> foci;
    @ProblemFactCollectionProperty
    private List<Learner> learners;
    @ProblemFactCollectionProperty
    private List<Ask> asks;

    /** Every planning entity class of a day, for solver configurations and constraint tests. */
    public static final Class<?>[] ENTITY_CLASSES = { Session.class, Placement.class, SessionOutline.class };

    @PlanningEntityCollectionProperty
    private List<Session> sessions;
    @PlanningEntityCollectionProperty
    private List<Placement> placements;
    /** One per session: what the whole-day rules read of it ({@link SessionOutline}). */
    @PlanningEntityCollectionProperty
    private List<SessionOutline> outlines;

    @PlanningScore
    private HardMediumSoftScore score;

    private ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides;

    private SolverStatus solverStatus;

    public DayPlan() {
    }

    public DayPlan(DayProblem problem, List<Period> periods, List<Mode> modes, List<Adult> adults, List<Room> rooms,
            List<Focus> foci, List<Learner> learners, List<Ask> asks, List<Session> sessions,
            List<Placement> placements, ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides) {
        this.problem = problem;
        this.periods = periods;
        this.modes = modes;
        this.adults = adults;
        this.rooms = rooms;
        this.foci = foci;
        this.learners = learners;
        this.asks = asks;
        this.sessions = sessions;
        this.placements = placements;
        this.constraintWeightOverrides = constraintWeightOverrides;
        for (int i = 0; i < sessions.size(); i++) {
            sessions.get(i).setIndex(i);
        }
        for (int i = 0; i < modes.size(); i++) {
            modes.get(i).setIndex(i);
        }
        learners.forEach(l -> l.indexModes(modes));
        adults.forEach(a -> a.indexQualifications(foci)); // again: a day assembled by hand (tests)
        for (int i = 0; i < placements.size(); i++) {
            placements.get(i).setIndex(i);
        }
        boolean[] travelSite = new boolean[sessions.size()];
        for (Session s : sessions) {
            travelSite[s.getIndex()] = s.hasTravelSite();
        }
        for (Placement p : placements) {
            if (p.getLearner().mayTravel()) {
                continue;
            }
            boolean may = p.getSession() != null && travelSite[p.getSession().getIndex()];
            for (int i = 0; !may && i < p.getCandidates().size(); i++) {
                may = travelSite[p.getCandidates().get(i).getIndex()];
            }
            if (may) {
                p.getLearner().markMayTravel();
            }
        }
        this.outlines = new java.util.ArrayList<>(sessions.stream().map(SessionOutline::of).toList());
    }

    /**
     * Takes a placement out of the day (its student went home during a running solve), renumbering the rest for the
     * cloner. Only inside a Timefold problem change ({@code removeEntity}), with the placement unassigned first.
     */
    public void removePlacement(Placement placement) {
        placements.remove(placement);
        for (int i = 0; i < placements.size(); i++) {
            placements.get(i).setIndex(i);
        }
    }

    /** A copy sharing the facts, with these (already remapped) entities: used by {@link DayPlanCloner}. */
    DayPlan copyWith(List<Session> sessionClones, List<Placement> placementClones) {
        DayPlan copy = new DayPlan();
        copy.problem = problem;
        copy.periods = periods;
        copy.modes = modes;
        copy.adults = adults;
        copy.rooms = rooms;
        copy.foci = foci;
        copy.learners = learners;
        copy.asks = asks;
        copy.sessions = sessionClones;
        copy.placements = placementClones;
        // The looks refer to facts only; each clone outlines its own session.
        copy.outlines = new java.util.ArrayList<>(outlines.size());
        for (SessionOutline o : outlines) {
            copy.outlines.add(new SessionOutline(sessionClones.get(o.getSession().getIndex()), o.getLook()));
        }
        copy.score = score;
        copy.constraintWeightOverrides = constraintWeightOverrides;
        copy.solverStatus = solverStatus;
        return copy;
    }

    public DayProblem getProblem() {
        return problem;
    }

    public List<Period> getPeriods() {
        return periods;
    }

    public List<Mode> getModes() {
        return modes;
    }

    public List<Adult> getAdults() {
        return adults;
    }

    public List<Room> getRooms() {
        return rooms;
    }

    public List<Focus> getFoci() {
        return foci;
    }

    public List<Learner> getLearners() {
        return learners;
    }

    public List<Ask> getAsks() {
        return asks;
    }


    public List<Session> getSessions() {
        return sessions;
    }

    public List<SessionOutline> getOutlines() {
        return outlines;
    }

    public List<Placement> getPlacements() {
        return placements;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }

    public ConstraintWeightOverrides<HardMediumSoftScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardMediumSoftScore> overrides) {
        this.constraintWeightOverrides = overrides;
    }

    public SolverStatus getSolverStatus() {
        return solverStatus;
    }

    public void setSolverStatus(SolverStatus solverStatus) {
        this.solverStatus = solverStatus;
    }
}
