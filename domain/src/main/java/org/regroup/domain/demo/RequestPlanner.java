package org.regroup.domain.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.regroup.domain.Activity;
import org.regroup.domain.BlockKind;
import org.regroup.domain.Request;
import org.regroup.domain.RequestPriority;
import org.regroup.domain.Skill;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.graph.SkillGraph;

/** A handful of requests on every rung of the priority ladder: admin-required, teacher, student. */
public final class RequestPlanner {

    /** Below this mastery a ready skill is new or practising: the states 1:1 tutoring suits. */
    private static final double ONE_TO_ONE_SUITS_BELOW = 0.6;
    private static final int MAX_TRIES = 200;

    private final List<TimeBlock> skillBlocks;
    private final List<Staff> staff;
    private final List<Activity> activities;
    private final SkillGraph graph;
    private final Draw draw;
    private final List<Request> requests = new ArrayList<>();
    private final Set<String> taken = new HashSet<>(); // "block/staff" pinned by an admin request

    public RequestPlanner(List<TimeBlock> blocks, List<Staff> staff, List<Activity> activities, SkillGraph graph,
            Draw draw) {
        this.skillBlocks = blocks.stream().filter(b -> b.kindOrDefault() == BlockKind.SKILLS).toList();
        this.staff = staff;
        this.activities = activities;
        this.graph = graph;
        this.draw = draw;
    }

    public List<Request> plan(List<StudentDraft> drafts, int admin, int teacher, int student) {
        List<StudentDraft> plain = drafts.stream().filter(StudentDraft::plain).toList();
        for (int tries = 0; count(RequestPriority.ADMIN_REQUIRED) < admin && tries < MAX_TRIES; tries++) {
            adminRequired(draw.oneOf(plain));
        }
        List<StudentDraft> present = drafts.stream().filter(d -> !d.absent).toList();
        for (int tries = 0; count(RequestPriority.TEACHER) < teacher && tries < MAX_TRIES; tries++) {
            teacherRequest(draw.oneOf(present));
        }
        for (int i = 0; i < student; i++) {
            studentChoice(draw.oneOf(present));
        }
        return requests;
    }

    /**
     * Pins a student to a tutor or specialist in a skill block, in a way no plan can fail: the student is in all
     * day with nothing else to honour, the adult works that block and may lead 1:1 tutoring (one student, any
     * size is fine), and is qualified for one of the student's ready skills that 1:1 tutoring suits.
     */
    private void adminRequired(StudentDraft s) {
        if (s.avoids.contains(ModalityCatalog.ONE_TO_ONE)) {
            return;
        }
        TimeBlock block = draw.oneOf(skillBlocks);
        List<Skill> suited = s.ready.stream().filter(id -> s.mastery.getOrDefault(id, 0.0) < ONE_TO_ONE_SUITS_BELOW)
                .map(graph::skill).toList();
        List<Staff> adults = staff.stream()
                .filter(a -> a.role() == StaffRole.TUTOR || a.role() == StaffRole.SPECIALIST)
                .filter(a -> a.availableIn(block.id()) && !taken.contains(block.id() + "/" + a.id()))
                .filter(a -> suited.stream().anyMatch(a::qualifiedFor)).toList();
        boolean studentAlreadyPinned = requests.stream().anyMatch(r -> r.studentId().equals(s.id));
        if (adults.isEmpty() || studentAlreadyPinned) {
            return;
        }
        Staff adult = draw.oneOf(adults);
        taken.add(block.id() + "/" + adult.id());
        add(s.id, block.id(), adult.id(), null, null, RequestPriority.ADMIN_REQUIRED, "admin",
                "Support plan: daily check-in with " + adult.id());
    }

    /** A teacher asks for a student in their group in a block, being qualified for something the student is ready for. */
    private void teacherRequest(StudentDraft s) {
        List<TimeBlock> open = skillBlocks.stream().filter(b -> s.presentIn(b.id())).toList();
        if (open.isEmpty()) {
            return;
        }
        TimeBlock block = draw.oneOf(open);
        List<Staff> teachers = staff.stream().filter(a -> a.role() == StaffRole.TEACHER && a.availableIn(block.id()))
                .filter(a -> s.ready.stream().map(graph::skill).anyMatch(a::qualifiedFor)).toList();
        if (teachers.isEmpty()) {
            return;
        }
        Staff t = draw.oneOf(teachers);
        add(s.id, block.id(), t.id(), null, null, RequestPriority.TEACHER, t.id(), "Reteach in my group");
    }

    /**
     * A field trip: for each off-site-only activity, a teacher cleared for off-site supervision organises it for up
     * to {@code seats} students who share one of its interests, may leave the school and are in that block. The
     * school approved it (permission slips signed), so it is admin-required: the plan must honour it.
     */
    List<Request> fieldTrips(List<StudentDraft> drafts, List<TimeBlock> blocks, int seats) {
        List<TimeBlock> activityBlocks = blocks.stream().filter(b -> b.kindOrDefault() == BlockKind.ACTIVITIES).toList();
        List<Staff> chaperones = staff.stream().filter(a -> a.role() == StaffRole.TEACHER && a.maySuperviseOffSite())
                .toList();
        for (Activity trip : activities) {
            if (!trip.modalities().equals(List.of(ModalityCatalog.OFF_SITE)) || chaperones.isEmpty()) {
                continue;
            }
            for (TimeBlock block : activityBlocks) {
                if (!trip.offeredIn(block.id())) {
                    continue;
                }
                Staff teacher = draw.oneOf(chaperones);
                drafts.stream()
                        .filter(d -> d.presentIn(block.id()) && d.interests.stream().anyMatch(trip.tags()::contains))
                        .filter(d -> d.accommodations == null || !d.accommodations.noOffSite())
                        .limit(seats)
                        .forEach(d -> add(d.id, block.id(), null, trip.id(), null, RequestPriority.ADMIN_REQUIRED,
                                teacher.id(), "Field trip: " + trip.name()));
            }
        }
        return requests;
    }

    /**
     * Asks for a trip that the school has not made compulsory: the chaperone asks for {@code byTeacher} students
     * (teacher priority) and {@code byStudents} students ask themselves (student priority), all present in the trip's
     * block, free to leave the school, and without another request yet; those sharing an interest with the trip
     * first. More may ask than the trip takes: the plan chooses.
     */
    public List<Request> tripRequests(List<StudentDraft> drafts, Activity trip, String blockId, Staff chaperone,
            int byTeacher, int byStudents) {
        Set<String> asked = new HashSet<>();
        requests.forEach(r -> asked.add(r.studentId()));
        List<StudentDraft> free = drafts.stream().filter(d -> d.presentIn(blockId) && !asked.contains(d.id))
                .filter(d -> d.accommodations == null || !d.accommodations.noOffSite()).toList();
        List<StudentDraft> keen = draw.shuffled(free.stream()
                .filter(d -> d.interests.stream().anyMatch(trip.tags()::contains)).toList());
        List<StudentDraft> others = draw.shuffled(free.stream()
                .filter(d -> d.interests.stream().noneMatch(trip.tags()::contains)).toList());
        List<StudentDraft> queue = new ArrayList<>(keen);
        queue.addAll(others);
        int at = 0;
        for (int i = 0; i < byTeacher && at < queue.size(); i++, at++) {
            add(queue.get(at).id, blockId, null, trip.id(), null, RequestPriority.TEACHER, chaperone.id(),
                    "Trip: " + trip.name());
        }
        for (int i = 0; i < byStudents && at < queue.size(); i++, at++) {
            add(queue.get(at).id, blockId, null, trip.id(), null, RequestPriority.STUDENT, "student",
                    "Wants to go: " + trip.name());
        }
        return requests;
    }

    /** A student asks for a project that matches an interest, or for a way of working they like. */
    private void studentChoice(StudentDraft s) {
        List<Activity> liked = activities.stream().filter(a -> a.tags().stream().anyMatch(s.interests::contains))
                .toList();
        if (!liked.isEmpty() && draw.chance(0.6)) {
            Activity a = draw.oneOf(liked);
            add(s.id, null, null, a.id(), null, RequestPriority.STUDENT, "student", "Wants to join " + a.name());
        } else {
            String usual = s.avoids.contains(ModalityCatalog.COLLABORATIVE_PROJECT) ? ModalityCatalog.SMALL_GROUP
                    : ModalityCatalog.COLLABORATIVE_PROJECT;
            String modality = s.prefers.isEmpty() ? usual : draw.oneOf(s.prefers);
            add(s.id, null, null, null, modality, RequestPriority.STUDENT, "student", "Asked to work in " + modality);
        }
    }

    private void add(String studentId, String blockId, String staffId, String focus, String modality,
            RequestPriority priority, String requestedBy, String note) {
        requests.add(new Request(String.format("R%03d", requests.size() + 1), studentId, blockId, staffId, focus,
                modality, priority, requestedBy, note));
    }

    private long count(RequestPriority priority) {
        return requests.stream().filter(r -> r.priority() == priority).count();
    }
}
