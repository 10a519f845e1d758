package org.regroup.solver.model;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.domain.solution.cloner.SolutionCloner;

/**
 * Clones a day for Timefold (every new best plan is cloned). Facts are shared; sessions and placements are copied
 * with their references remapped. Written by hand because the generic cloner walks every placement's list of
 * candidate sessions element by element: on a 1,200-student day that was a fifth of local search time
 * (docs/model.md). Candidate lists are shared between placements with the same options, so each distinct list is
 * remapped once.
 */
public final class DayPlanCloner implements SolutionCloner<DayPlan> {

    @Override
    public DayPlan cloneSolution(DayPlan original) {
        List<Session> sessions = original.getSessions();
        Session[] sessionClones = new Session[sessions.size()];
        for (int i = 0; i < sessionClones.length; i++) {
            sessionClones[i] = sessions.get(i).copyWithoutPlacements();
        }
        Map<List<Session>, List<Session>> remappedRanges = new IdentityHashMap<>();
        List<Placement> placements = original.getPlacements();
        List<Placement> placementClones = new ArrayList<>(placements.size());
        for (Placement p : placements) {
            List<Session> candidates = remappedRanges.computeIfAbsent(p.getCandidates(),
                    range -> remap(range, sessionClones));
            Session session = p.getSession() == null ? null : sessionClones[p.getSession().getIndex()];
            placementClones.add(p.copyWith(candidates, session));
        }
        // Inverse lists keep their order: assertion modes compare them with freshly computed ones.
        for (Session s : sessions) {
            List<Placement> members = new Members(s.getPlacements().size());
            sessionClones[s.getIndex()].setPlacements(members);
            for (Placement member : s.getPlacements()) {
                members.add(placementClones.get(member.getIndex()));
            }
        }
        return original.copyWith(new ArrayList<>(List.of(sessionClones)), placementClones);
    }

    private static List<Session> remap(List<Session> range, Session[] clones) {
        List<Session> mapped = new ArrayList<>(range.size());
        for (Session s : range) {
            mapped.add(clones[s.getIndex()]);
        }
        return List.copyOf(mapped);
    }
}
