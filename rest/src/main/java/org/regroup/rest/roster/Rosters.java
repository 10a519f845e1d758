package org.regroup.rest.roster;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.regroup.domain.Accommodations;
import org.regroup.domain.Commitment;
import org.regroup.domain.DayProblem;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.School;
import org.regroup.domain.Space;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.plan.BlockPlan;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.SessionPlan;
import org.regroup.rest.roster.Roster.BlockRoster;
import org.regroup.rest.roster.Roster.Group;
import org.regroup.rest.roster.Roster.Member;
import org.regroup.rest.roster.Roster.Place;
import org.regroup.rest.roster.Roster.Status;

/** Cuts one adult's roster out of a plan and the day problem it was planned from. */
public final class Rosters {

    private Rosters() {
    }

    /** The roster of {@code staffId}, named by the plan's problem id. */
    public static Roster of(Plan plan, DayProblem problem, String staffId) {
        return of(plan.problemId(), plan, problem, staffId);
    }

    /**
     * The roster of {@code staffId} in the plan {@code planId}.
     *
     * @throws IllegalArgumentException when the day problem has no such adult
     */
    public static Roster of(String planId, Plan plan, DayProblem problem, String staffId) {
        Staff staff = problem.staff().stream().filter(s -> s.id().equals(staffId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no staff '" + staffId + "' in the day"));
        Map<String, Student> students = byId(problem.students(), Student::id);
        Map<String, Space> spaces = byId(problem.spaces(), Space::id);
        ModalityCatalog modalities = ModalityCatalog.of(problem.modalities());
        WhyHere why = new WhyHere(problem);
        List<BlockPlan> day = plan.blocks();

        List<BlockRoster> blocks = new ArrayList<>();
        for (int i = 0; i < day.size(); i++) {
            BlockPlan block = day.get(i);
            List<SessionPlan> groups = groupsOf(block, staffId);
            for (SessionPlan s : groups) {
                List<Member> members = s.students().stream()
                        .map(seat -> member(students.get(seat.studentId()), seat.studentId(),
                                seat.focus() != null ? seat.focus() : s.focus(), why))
                        .toList();
                ModalitySpec spec = modalities.contains(s.modality()) ? modalities.get(s.modality()) : null;
                String modalityName = spec == null || spec.name() == null ? s.modality() : spec.name();
                blocks.add(new BlockRoster(block.blockId(), block.start(), block.end(), Status.GROUP,
                        new Group(s.id(), s.modality(), modalityName, s.focus(), s.catchAll()),
                        place(spaces, s.spaceId()), members, null));
            }
            if (groups.isEmpty()) {
                blocks.add(withoutGroup(problem, staff, day, i, students, spaces));
            }
        }
        School school = problem.school();
        String schoolName = school == null ? null : school.name() != null ? school.name() : school.id();
        return new Roster(planId, problem.id(), plan.date() != null ? plan.date() : problem.date(), schoolName,
                new Roster.StaffMember(staff.id(), staff.name(), staff.role()), blocks, null, List.of());
    }

    /**
     * Accommodations in the words a roster uses, in a fixed order: "quiet space", "needs 2 staff-led blocks",
     * "45 min 1:1", "no off-site", "max 1 online block". Empty when there are none.
     */
    public static List<String> describe(Accommodations a) {
        List<String> words = new ArrayList<>();
        if (a == null) {
            return words;
        }
        if (a.quietSpace()) {
            words.add("quiet space");
        }
        int staffLed = a.minStaffLedBlocksOrZero();
        if (staffLed > 0) {
            words.add("needs " + staffLed + " staff-led block" + (staffLed == 1 ? "" : "s"));
        }
        if (a.oneToOneMinutesOrZero() > 0) {
            words.add(a.oneToOneMinutesOrZero() + " min 1:1");
        }
        if (a.noOffSite()) {
            words.add("no off-site");
        }
        if (a.maxOnlineBlocks() != null) {
            int n = a.maxOnlineBlocks();
            words.add(n == 0 ? "no online practice" : "max " + n + " online block" + (n == 1 ? "" : "s"));
        }
        return words;
    }

    private static List<SessionPlan> groupsOf(BlockPlan block, String staffId) {
        return block.sessions() == null ? List.of()
                : block.sessions().stream().filter(s -> staffId.equals(s.staffId())).toList();
    }

    private static Member member(Student student, String id, org.regroup.domain.plan.Focus focus, WhyHere why) {
        return student == null ? new Member(id, null, focus, List.of())
                : new Member(id, student.name(), focus, describe(student.accommodations()), why.of(student, focus));
    }

    /** A block without a group: away, on a commitment, on catch-all duty, travelling, or free, in that order. */
    private static BlockRoster withoutGroup(DayProblem problem, Staff staff, List<BlockPlan> day, int index,
            Map<String, Student> students, Map<String, Space> spaces) {
        BlockPlan block = day.get(index);
        String blockId = block.blockId();
        if (!staff.availableIn(blockId)) {
            return bare(block, Status.AWAY, null, null);
        }
        List<Member> committed = new ArrayList<>();
        List<Commitment> commitments = new ArrayList<>();
        for (Student s : problem.students()) {
            for (Commitment c : s.commitments()) {
                if (staff.id().equals(c.staffId()) && blockId.equals(c.blockId()) && !s.absent()) {
                    committed.add(new Member(s.id(), s.name(), null, describe(s.accommodations())));
                    commitments.add(c);
                }
            }
        }
        if (!commitments.isEmpty()) {
            String note = commitments.stream().map(Commitment::description).filter(d -> d != null && !d.isBlank())
                    .distinct().collect(Collectors.joining("; "));
            String spaceId = commitments.stream().map(Commitment::spaceId).filter(id -> id != null).findFirst()
                    .orElse(null);
            return new BlockRoster(blockId, block.start(), block.end(), Status.COMMITMENT, null,
                    place(spaces, spaceId), committed, note.isEmpty() ? null : note);
        }
        School school = problem.school();
        if (school != null) {
            for (School.CatchAll c : school.catchAll()) {
                if (staff.id().equals(c.supervisorId()) && c.coversBlock(blockId)) {
                    return bare(block, Status.CATCH_ALL, place(spaces, c.spaceId()), null);
                }
            }
        }
        BlockRoster travel = travel(staff.id(), day, index, spaces);
        return travel != null ? travel : bare(block, Status.FREE, null, null);
    }

    /**
     * Travel to or from the adult's off-site group next door, when it does not fit in the gap between the blocks
     * (the same test the solver's travel rule makes).
     */
    private static BlockRoster travel(String staffId, List<BlockPlan> day, int index, Map<String, Space> spaces) {
        BlockPlan block = day.get(index);
        if (index > 0) {
            BlockPlan before = day.get(index - 1);
            Space site = offSiteOf(before, staffId, spaces);
            if (site != null && site.travelMinutesOrZero() > minutesBetween(before.end(), block.start())) {
                return bare(block, Status.TRAVEL, place(spaces, site.id()), "back from " + name(site));
            }
        }
        if (index + 1 < day.size()) {
            BlockPlan after = day.get(index + 1);
            Space site = offSiteOf(after, staffId, spaces);
            if (site != null && site.travelMinutesOrZero() > minutesBetween(block.end(), after.start())) {
                return bare(block, Status.TRAVEL, place(spaces, site.id()), "to " + name(site));
            }
        }
        return null;
    }

    private static Space offSiteOf(BlockPlan block, String staffId, Map<String, Space> spaces) {
        return groupsOf(block, staffId).stream().map(s -> spaces.get(s.spaceId()))
                .filter(s -> s != null && s.offSite()).findFirst().orElse(null);
    }

    private static long minutesBetween(LocalTime end, LocalTime start) {
        return end == null || start == null ? Long.MAX_VALUE : Duration.between(end, start).toMinutes();
    }

    private static BlockRoster bare(BlockPlan block, Status status, Place space, String note) {
        return new BlockRoster(block.blockId(), block.start(), block.end(), status, null, space, List.of(), note);
    }

    private static Place place(Map<String, Space> spaces, String id) {
        if (id == null) {
            return null;
        }
        Space space = spaces.get(id);
        return space == null ? new Place(id, id, false) : new Place(id, name(space), space.offSite());
    }

    private static String name(Space space) {
        return space.name() == null || space.name().isBlank() ? space.id() : space.name();
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new HashMap<>();
        items.forEach(item -> map.putIfAbsent(id.apply(item), item));
        return map;
    }
}
