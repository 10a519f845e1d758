package org.regroup.domain.demo.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.regroup.domain.Activity;
import org.regroup.domain.BlockKind;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Request;
import org.regroup.domain.School;
import org.regroup.domain.Space;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.demo.AccommodationPlanner;
import org.regroup.domain.demo.AttendancePlanner;
import org.regroup.domain.demo.CcssGraph;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.demo.Draw;
import org.regroup.domain.demo.MasteryModel;
import org.regroup.domain.demo.Projects;
import org.regroup.domain.demo.RequestPlanner;
import org.regroup.domain.demo.SpacePlanner;
import org.regroup.domain.demo.StaffPlanner;
import org.regroup.domain.demo.StudentDraft;
import org.regroup.domain.demo.StudentPlanner;
import org.regroup.domain.graph.SkillGraph;

/**
 * A school day of any shape on the real Common Core math K-8 graph, from {@link ShapeParameters} and a seed. The same
 * parameters and seed give the same day, byte for byte once written with {@link org.regroup.domain.io.Json#mapper()}.
 */
public final class ShapeGenerator {

    private ShapeGenerator() {
    }

    public static DayProblem generate(ShapeParameters shape, long seed) {
        return generate(shape, seed, shape.name() + "-seed-" + seed);
    }

    public static DayProblem generate(ShapeParameters shape, long seed, String id) {
        Draw root = new Draw(seed);
        // one stream per part, so that changing how one part draws leaves the others as they were
        Draw profileDraw = root.split();
        Draw staffDraw = root.split();
        Draw dayDraw = root.split();
        Draw requestDraw = root.split();

        List<TimeBlock> blocks = shape.bell().blocks();
        CcssGraph skills = CcssGraph.load().slice(sliceMin(shape), sliceMax(shape));
        SkillGraph graph = SkillGraph.of(skills.skills(), skills.prerequisites());
        MasteryModel model = new MasteryModel(skills);

        StudentPlanner studentPlanner = new StudentPlanner(shape.cohort(), model, graph, profileDraw);
        List<StudentDraft> drafts = studentPlanner.profiles();
        List<Staff> staff = new StaffPlanner(shape.staffing().groups(), blocks, model.minLevel(), model.maxLevel(),
                staffDraw).staff(drafts.stream().map(StudentDraft::level).toList());
        TimeBlock tripBlock = shape.trip() == null ? null : first(blocks, BlockKind.ACTIVITIES);
        staff = OffSiteClearance.clear(staff, shape.trip(), staffDraw);
        List<Space> spaces = ShapeRooms.spaces(shape.rooms(), shape.trip());
        List<Activity> activities = activities(shape, tripBlock);
        School school = new School("regroup-" + shape.name(), shape.schoolName(), School.DEFAULT_MASTERY_THRESHOLD,
                null, null, shape.catchAll() ? SpacePlanner.catchAll(spaces, shape.students()) : List.of(), null);

        new AttendancePlanner(blocks, staff, spaces, dayDraw).plan(drafts, shape.attendance());
        new AccommodationPlanner(blocks, staff, spaces, school, shape.trip() != null, dayDraw)
                .plan(drafts, shape.accommodations());
        studentPlanner.relations(drafts, shape.keepApartShare());
        TimeBlock advisory = first(blocks, BlockKind.ADVISORY);
        if (advisory != null) {
            checkAdvisors(staff, advisory, shape.students());
            StudentPlanner.advisors(drafts, staff, advisory.id());
        }
        staff = StaffOut.apply(staff, shape.staffing().outShare(), dayDraw);

        RequestPlanner requestPlanner = new RequestPlanner(blocks, staff, activities, graph, requestDraw);
        ShapeParameters.Requests asked = shape.requests();
        List<Request> requests = requestPlanner.plan(drafts, asked.adminRequired(), asked.teacher(), asked.student());
        if (shape.trip() != null) {
            Staff chaperone = staff.stream().filter(Staff::maySuperviseOffSite).findFirst().orElseThrow();
            Activity visit = activities.stream().filter(a -> a.id().equals(shape.trip().activityId())).findFirst()
                    .orElseThrow();
            requests = requestPlanner.tripRequests(drafts, visit, tripBlock.id(), chaperone,
                    shape.trip().teacherRequests(), shape.trip().studentRequests());
        }
        List<Student> students = drafts.stream().map(StudentDraft::toStudent).toList();
        return new DayProblem(DayProblem.FORMAT, DayProblem.VERSION, id, DatasetGenerator.DATE, school, blocks,
                skills.skills(), skills.prerequisites(), shape.modalities().specs(), activities, staff, spaces,
                students, requests, Map.of());
    }

    /** Advisory runs as seminars of at most 20, each led by the students' advisor. */
    private static void checkAdvisors(List<Staff> staff, TimeBlock advisory, int students) {
        long advisors = staff.stream().filter(s -> s.role() != StaffRole.AIDE && s.role() != StaffRole.TUTOR)
                .filter(s -> s.availableIn(advisory.id())).count();
        int needed = (students + StudentPlanner.MAX_ADVISEES - 1) / StudentPlanner.MAX_ADVISEES;
        if (advisors < needed) {
            throw new IllegalArgumentException("an advisory block needs an advisor (a teacher, specialist or "
                    + "counselor in for it) for every " + StudentPlanner.MAX_ADVISEES + " students: " + students
                    + " students need " + needed + ", this school has " + advisors);
        }
    }

    /** The graph from a grade below the lowest working level to a grade above the highest, within K-8. */
    private static int sliceMin(ShapeParameters shape) {
        return Math.max(0, shape.cohort().lowestLevel() - 1);
    }

    private static int sliceMax(ShapeParameters shape) {
        return Math.min(8, shape.cohort().highestLevel() + 1);
    }

    /** Projects only when there is an activities block to do them in; the trip's visit with them. */
    private static List<Activity> activities(ShapeParameters shape, TimeBlock tripBlock) {
        if (shape.bell().count(BlockKind.ACTIVITIES) == 0) {
            return List.of();
        }
        List<Activity> activities = new ArrayList<>(Projects.activities(shape.projects(), false));
        if (shape.trip() != null) {
            activities.add(ShapeRooms.tripActivity(shape.trip(), tripBlock));
        }
        return activities;
    }

    private static TimeBlock first(List<TimeBlock> blocks, BlockKind kind) {
        return blocks.stream().filter(b -> b.kindOrDefault() == kind).findFirst().orElse(null);
    }
}
