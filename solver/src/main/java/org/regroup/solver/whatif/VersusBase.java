package org.regroup.solver.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.regroup.domain.Request;
import org.regroup.domain.RequestPriority;
import org.regroup.domain.plan.PlanDiff;

import org.regroup.solver.kpi.KpiCalculator.StudentOutcome;

/**
 * What a variant changes for people compared with the base plan: who loses staff-led time, whose accommodations
 * become unmet (or met), whose load changes, and how many student-blocks differ at all.
 *
 * @param movedStudentBlocks student-blocks of students in both days whose adult, focus, modality or space differs
 *                           from the base plan ({@link PlanDiff}); the variant starts from the base plan, so these
 *                           are what the change moved, not search noise
 * @param fromBasePlan       false when the variant was planned again from scratch because starting from the base
 *                           plan left it not workable (then {@code movedStudentBlocks} includes another search's
 *                           choices)
 */
public record VersusBase(List<StaffLedChange> loseStaffLedTime, List<Accommodation> newlyUnmet,
        List<Accommodation> newlyMet, List<LoadChange> adultLoads, List<DroppedRequest> droppedRequests,
        int movedStudentBlocks, boolean fromBasePlan) {

    /** Without the count of moved student-blocks (plans not at hand). */
    public VersusBase(List<StaffLedChange> loseStaffLedTime, List<Accommodation> newlyUnmet,
            List<Accommodation> newlyMet, List<LoadChange> adultLoads, List<DroppedRequest> droppedRequests) {
        this(loseStaffLedTime, newlyUnmet, newlyMet, adultLoads, droppedRequests, 0, true);
    }

    /** A variant started from the base plan. */
    public VersusBase(List<StaffLedChange> loseStaffLedTime, List<Accommodation> newlyUnmet,
            List<Accommodation> newlyMet, List<LoadChange> adultLoads, List<DroppedRequest> droppedRequests,
            int movedStudentBlocks) {
        this(loseStaffLedTime, newlyUnmet, newlyMet, adultLoads, droppedRequests, movedStudentBlocks, true);
    }

    /** A request of the base day the variant had to drop (it named an adult or a block the variant removes). */
    public record DroppedRequest(String id, String studentId, RequestPriority priority, String requestedBy) {
    }

    /**
     * A student with a staff-led need (an IEP, a 504 plan) who gets fewer staff-led blocks in the variant than in the
     * base plan, even if still as many as the need.
     */
    public record StaffLedChange(String studentId, int base, int variant, int need) {

        /** Fewer staff-led blocks than the student's accommodation asks for. */
        public boolean belowNeed() {
            return variant < need;
        }
    }

    /** A student and the accommodations in question, in words. */
    public record Accommodation(String studentId, List<String> what) {
    }

    /** An adult's blocks with a group in the base and the variant; null where they are not in that day. */
    public record LoadChange(String staffId, Integer base, Integer variant) {
    }

    public static VersusBase of(VariantResult base, VariantResult variant) {
        return of(base, variant, true);
    }

    public static VersusBase of(VariantResult base, VariantResult variant, boolean fromBasePlan) {
        List<StaffLedChange> lose = new ArrayList<>();
        List<Accommodation> unmet = new ArrayList<>();
        List<Accommodation> met = new ArrayList<>();
        for (StudentOutcome b : base.students().values()) {
            StudentOutcome v = variant.students().get(b.studentId());
            if (v == null) {
                continue; // not in the variant's day
            }
            if (b.staffLedNeed() > 0 && v.staffLedBlocks() < b.staffLedBlocks()) {
                lose.add(new StaffLedChange(b.studentId(), b.staffLedBlocks(), v.staffLedBlocks(), b.staffLedNeed()));
            }
            List<String> nowUnmet = new ArrayList<>(v.unmet());
            nowUnmet.removeAll(b.unmet());
            if (!nowUnmet.isEmpty()) {
                unmet.add(new Accommodation(b.studentId(), nowUnmet));
            }
            List<String> nowMet = new ArrayList<>(b.unmet());
            nowMet.removeAll(v.unmet());
            if (!nowMet.isEmpty()) {
                met.add(new Accommodation(b.studentId(), nowMet));
            }
        }
        List<LoadChange> loads = new ArrayList<>();
        TreeSet<String> adults = new TreeSet<>(base.adultLoads().keySet());
        adults.addAll(variant.adultLoads().keySet());
        for (String id : adults) {
            Integer before = base.adultLoads().get(id);
            Integer after = variant.adultLoads().get(id);
            if (before == null || !before.equals(after)) {
                loads.add(new LoadChange(id, before, after));
            }
        }
        Set<String> stillAsked = variant.problem().requests().stream().map(Request::id).collect(Collectors.toSet());
        List<DroppedRequest> dropped = base.problem().requests().stream().filter(q -> !stillAsked.contains(q.id()))
                .map(q -> new DroppedRequest(q.id(), q.studentId(), q.priorityOrDefault(), q.requestedBy())).toList();
        int moved = base.plan() == null || variant.plan() == null ? 0
                : PlanDiff.between(base.plan(), variant.plan()).moves().size();
        return new VersusBase(lose, unmet, met, loads, dropped, moved, fromBasePlan);
    }

    /** Students whose staff-led time a variant cuts, the number a principal asks for first. */
    public int studentsLosingStaffLedTime() {
        return loseStaffLedTime.size();
    }
}
