package org.regroup.domain.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.Goal;
import org.regroup.domain.School;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.graph.SkillGraph;

/** Learner profiles (grade, mastery, goals, interests, preferences) and the ties between students and adults. */
public final class StudentPlanner {

    private static final List<String> PREFERABLE = List.of(ModalityCatalog.SMALL_GROUP,
            ModalityCatalog.ONLINE_PRACTICE, ModalityCatalog.COLLABORATIVE_PROJECT, ModalityCatalog.PEER_TUTORING,
            ModalityCatalog.INDEPENDENT_PRACTICE, ModalityCatalog.SEMINAR, ModalityCatalog.ONE_TO_ONE);
    /** Never one-to-one: a student who needs 1:1 time must not also refuse it. */
    private static final List<String> AVOIDABLE = List.of(ModalityCatalog.ONLINE_PRACTICE,
            ModalityCatalog.INDEPENDENT_PRACTICE, ModalityCatalog.PEER_TUTORING, ModalityCatalog.SEMINAR,
            ModalityCatalog.COLLABORATIVE_PROJECT);
    /** Advisory runs as seminars of at most 20. */
    public static final int MAX_ADVISEES = 20;
    /** ~3% of students in keep-apart pairs. */
    static final double KEEP_APART_SHARE = 0.03;

    private final Cohort cohort;
    private final MasteryModel model;
    private final SkillGraph graph;
    private final Draw draw;

    StudentPlanner(Sizing size, MasteryModel model, SkillGraph graph, Draw draw) {
        this(size.cohort(), model, graph, draw);
    }

    public StudentPlanner(Cohort cohort, MasteryModel model, SkillGraph graph, Draw draw) {
        this.cohort = cohort;
        this.model = model;
        this.graph = graph;
        this.draw = draw;
    }

    /** Everyone's grade, working level, mastery and ready set; then goals, interests and modality wishes. */
    public List<StudentDraft> profiles() {
        int grades = cohort.maxGrade() - cohort.minGrade() + 1;
        List<Integer> gradeOf = new ArrayList<>();
        for (int i = 0; i < cohort.students(); i++) {
            gradeOf.add(cohort.minGrade() + i * grades / cohort.students()); // even classes
        }
        gradeOf = draw.shuffled(gradeOf);
        List<StudentDraft> drafts = new ArrayList<>();
        for (int i = 0; i < cohort.students(); i++) {
            int grade = gradeOf.get(i);
            int level = model.workingLevel(grade, cohort.spread(), draw);
            Map<String, Double> mastery = model.mastery(level, draw);
            List<String> ready = List.copyOf(graph.readySet(id -> mastery.getOrDefault(id, 0.0),
                    School.DEFAULT_MASTERY_THRESHOLD));
            drafts.add(new StudentDraft(String.format("S%04d", i + 1), Names.next(draw), grade, level, mastery,
                    ready));
        }
        for (StudentDraft s : drafts) {
            s.interests.addAll(draw.sample(Projects.INTERESTS, draw.between(1, 3)));
        }
        draw.sample(drafts, Draw.share(0.6, drafts.size())).forEach(this::goals);
        draw.sample(drafts, Draw.share(0.2, drafts.size()))
                .forEach(s -> s.prefers.addAll(draw.sample(PREFERABLE, draw.between(1, 2))));
        for (StudentDraft s : draw.sample(drafts, Draw.share(0.1, drafts.size()))) {
            List<String> options = AVOIDABLE.stream().filter(m -> !s.prefers.contains(m)).toList();
            s.avoids.add(draw.oneOf(options));
        }
        return drafts;
    }

    /** One or two goals: a ready skill (priority 1) and/or a strand they are working in (priority 2). */
    private void goals(StudentDraft s) {
        boolean skillFirst = draw.chance(0.6);
        boolean both = draw.chance(0.35);
        if (skillFirst || both) {
            s.goals.add(new Goal(draw.oneOf(s.ready), null, 1));
        }
        if (!skillFirst || both) {
            s.goals.add(new Goal(null, graph.skill(draw.oneOf(s.ready)).strand(), 2));
        }
    }

    /** ~3% in keep-apart pairs (listed on both), ~30% with 1-3 peers of their own grade. */
    void relations(List<StudentDraft> drafts) {
        relations(drafts, KEEP_APART_SHARE);
    }

    /**
     * About {@code keepApartShare} of the students in keep-apart pairs of classmates (listed on both; at least one
     * pair unless the share is 0; nobody in two pairs), ~30% with 1-3 peers of their own grade.
     */
    public void relations(List<StudentDraft> drafts, double keepApartShare) {
        Set<String> paired = new HashSet<>();
        int pairs = keepApartShare == 0 ? 0 : Math.max(1, Draw.share(keepApartShare, drafts.size()) / 2);
        for (StudentDraft a : draw.shuffled(drafts)) {
            if (pairs == 0) {
                break;
            }
            if (paired.contains(a.id)) {
                continue;
            }
            List<StudentDraft> mates = drafts.stream()
                    .filter(b -> b.grade == a.grade && b != a && !paired.contains(b.id)).toList();
            if (!mates.isEmpty()) {
                StudentDraft b = draw.oneOf(mates);
                a.keepApart.add(b.id);
                b.keepApart.add(a.id);
                paired.add(a.id);
                paired.add(b.id);
                pairs--;
            }
        }
        for (StudentDraft s : draw.sample(drafts, Draw.share(0.3, drafts.size()))) {
            List<StudentDraft> mates = drafts.stream()
                    .filter(o -> o.grade == s.grade && o != s && !s.keepApart.contains(o.id)).toList();
            draw.sample(mates, draw.between(1, 3)).forEach(o -> s.peers.add(o.id));
        }
    }

    /**
     * Advisors are the certified adults in for advisory (teachers, specialists, counselors), each with an even
     * share of at most 20 advisees, grade by grade so advisory groups are mostly one grade.
     */
    public static void advisors(List<StudentDraft> drafts, List<Staff> staff, String advisoryBlock) {
        List<Staff> advisors = staff.stream()
                .filter(s -> s.role() == StaffRole.TEACHER || s.role() == StaffRole.SPECIALIST
                        || s.role() == StaffRole.COUNSELOR)
                .filter(s -> advisoryBlock == null || s.availableIn(advisoryBlock)).toList();
        if (advisors.size() * MAX_ADVISEES < drafts.size()) {
            throw new IllegalStateException(drafts.size() + " students need more than " + advisors.size()
                    + " advisors");
        }
        List<StudentDraft> byGrade = drafts.stream()
                .sorted(Comparator.comparingInt((StudentDraft d) -> d.grade).thenComparing(d -> d.id)).toList();
        for (int i = 0; i < byGrade.size(); i++) {
            byGrade.get(i).advisorId = advisors.get(i * advisors.size() / byGrade.size()).id();
        }
    }
}
