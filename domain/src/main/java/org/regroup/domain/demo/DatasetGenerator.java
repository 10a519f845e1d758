package org.regroup.domain.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
import org.regroup.domain.graph.SkillGraph;

/**
 * Seeded, realistic school days on the real Common Core math K-8 graph. The same preset and seed give the same
 * problem, byte for byte once written with {@link org.regroup.domain.io.Json#mapper()}.
 */
public final class DatasetGenerator {

    public static final LocalDate DATE = LocalDate.of(2026, 11, 23);

    /** Ready-made days, from a quick demo to a day that cannot be fully covered. */
    public enum Preset {
        /** ~60 students in grades 3-5, 6 blocks, 6 adults, 6 rooms. */
        SMALL,
        /** ~400 students in grades 3-6, 7 blocks, 34 adults (see {@link Sizing}), 20 rooms, a catch-all. */
        MEDIUM,
        /** ~1,200 students in grades 2-8, 7 blocks, ~100 adults, ~60 rooms, a catch-all. */
        LARGE,
        /** MEDIUM on a bad day: ~45% of teachers and aides out, no catch-all; the skill blocks cannot be covered. */
        OVERCONSTRAINED,
        /** SMALL with a science museum and a community garden to visit in the activities block. */
        OFFSITE
    }

    /** The smallest school {@link #generate(int, long)} makes (the CLI's lower bound too). */
    public static final int MIN_STUDENTS = 10;
    private static final double ABSENT_STAFF_SHARE = 0.45;

    private DatasetGenerator() {
    }

    public static DayProblem generate(Preset preset, long seed) {
        String id = preset.name().toLowerCase(Locale.ROOT) + "-seed-" + seed;
        return switch (preset) {
            case SMALL -> build(id, Sizing.SMALL, DayLayout.SIX_BLOCKS, false, seed);
            case MEDIUM -> build(id, Sizing.MEDIUM, DayLayout.SEVEN_BLOCKS, false, seed);
            case LARGE -> build(id, Sizing.scaled(1200, 2, 8), DayLayout.SEVEN_BLOCKS, false, seed);
            case OVERCONSTRAINED -> overconstrained(id, build(id, Sizing.MEDIUM, DayLayout.SEVEN_BLOCKS, false, seed),
                    seed);
            case OFFSITE -> build(id, Sizing.SMALL, DayLayout.SIX_BLOCKS_OFFSITE, true, seed);
        };
    }

    /** A scaling series: grades 3-6 on the MEDIUM day, staff and rooms in the MEDIUM ratios. */
    public static DayProblem generate(int students, long seed) {
        if (students < MIN_STUDENTS) {
            throw new IllegalArgumentException("a generated school has at least " + MIN_STUDENTS + " students, not "
                    + students);
        }
        return build("scale-" + students + "-seed-" + seed, Sizing.scaled(students, 3, 6), DayLayout.SEVEN_BLOCKS,
                false, seed);
    }

    private static DayProblem build(String id, Sizing size, DayLayout layout, boolean offSite, long seed) {
        Draw root = new Draw(seed);
        // one stream per part, so that changing how one part draws leaves the others as they were
        Draw profileDraw = root.split();
        Draw staffDraw = root.split();
        Draw spaceDraw = root.split();
        Draw dayDraw = root.split();
        Draw requestDraw = root.split();

        List<TimeBlock> blocks = layout.blocks();
        CcssGraph skills = CcssGraph.load().slice(sliceMin(size), sliceMax(size));
        SkillGraph graph = SkillGraph.of(skills.skills(), skills.prerequisites());
        MasteryModel model = new MasteryModel(skills);

        StudentPlanner studentPlanner = new StudentPlanner(size, model, graph, profileDraw);
        List<StudentDraft> drafts = studentPlanner.profiles();
        List<Staff> staff = new StaffPlanner(size, blocks, model.minLevel(), model.maxLevel(), offSite, staffDraw)
                .staff(drafts.stream().map(d -> d.level).toList());
        List<Space> spaces = SpacePlanner.spaces(size, offSite, spaceDraw);
        List<Activity> activities = Projects.activities(size.projects(), offSite);
        // the catch-all is for schools too big to place everyone by hand; a 60-student school needs none
        boolean withCatchAll = size.students() >= 100;
        School school = new School("regroup-demo-" + size.students(), "Regroup Demo School (" + size.students()
                + " students)", School.DEFAULT_MASTERY_THRESHOLD, null, null,
                withCatchAll ? SpacePlanner.catchAll(spaces, size.students()) : List.of(), null);

        new AttendancePlanner(blocks, staff, spaces, dayDraw).plan(drafts);
        new AccommodationPlanner(blocks, staff, spaces, school, offSite, dayDraw).plan(drafts);
        studentPlanner.relations(drafts);
        StudentPlanner.advisors(drafts, staff, advisoryBlock(blocks));
        int handful = Math.max(3, Math.min(12, size.students() / 70));
        RequestPlanner requestPlanner = new RequestPlanner(blocks, staff, activities, graph, requestDraw);
        List<Request> requests = requestPlanner.plan(drafts, size.students() < 100 ? 1 : 2, handful, handful);
        if (offSite) {
            requests = requestPlanner.fieldTrips(drafts, blocks, 10);
        }

        List<Student> students = drafts.stream().map(StudentDraft::toStudent).toList();
        return new DayProblem(DayProblem.FORMAT, DayProblem.VERSION, id, DATE, school, blocks, skills.skills(),
                skills.prerequisites(), List.of(), activities, staff, spaces, students, requests, Map.of());
    }

    /**
     * The graph is sliced to the enrolled grades widened by three below and two above (within K-8): students work
     * up to three grades behind and two ahead, and their frontier and its prerequisites must be on the graph.
     */
    private static int sliceMin(Sizing size) {
        return Math.max(0, size.minGrade() - 3);
    }

    private static int sliceMax(Sizing size) {
        return Math.min(8, size.maxGrade() + 2);
    }

    private static String advisoryBlock(List<TimeBlock> blocks) {
        return blocks.stream().filter(b -> b.kindOrDefault() == BlockKind.ADVISORY).map(TimeBlock::id).findFirst()
                .orElse(null);
    }

    /**
     * The same day with ~45% of teachers and aides out (availableBlocks: []) and no catch-all. Specialists, tutors
     * and counselors stay, so every block still has an adult and the input stays valid; the admin-required requests
     * name tutors and specialists, so they stay satisfiable.
     */
    private static DayProblem overconstrained(String id, DayProblem day, long seed) {
        Draw draw = new Draw(~seed); // not the stream the day itself was drawn from
        List<String> teachers = idsOf(day, StaffRole.TEACHER);
        List<String> aides = idsOf(day, StaffRole.AIDE);
        List<String> out = new ArrayList<>(draw.sample(teachers, Draw.share(ABSENT_STAFF_SHARE, teachers.size())));
        out.addAll(draw.sample(aides, Draw.share(ABSENT_STAFF_SHARE, aides.size())));
        Set<String> away = Set.copyOf(out);
        List<Staff> staff = day.staff().stream().map(s -> away.contains(s.id()) ? absent(s) : s).toList();
        School s = day.school();
        School school = s.withCatchAll(List.of());
        return new DayProblem(day.format(), day.version(), id, day.date(), school, day.blocks(), day.skills(),
                day.prerequisites(), day.modalities(), day.activities(), staff, day.spaces(), day.students(),
                day.requests(), day.weights());
    }

    private static List<String> idsOf(DayProblem day, StaffRole role) {
        return day.staff().stream().filter(s -> s.role() == role).map(Staff::id).toList();
    }

    private static Staff absent(Staff s) {
        return new Staff(s.id(), s.name(), s.role(), s.qualifications(), s.modalities(), List.of(),
                s.maxTeachingBlocks(), s.maxStudents(), s.advisees(), s.maySuperviseOffSite(), s.costPerDay());
    }
}
