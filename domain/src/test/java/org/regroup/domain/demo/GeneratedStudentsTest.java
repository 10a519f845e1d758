package org.regroup.domain.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Request;
import org.regroup.domain.RequestPriority;
import org.regroup.domain.Skill;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.demo.DatasetGenerator.Preset;
import org.regroup.domain.graph.SkillGraph;

class GeneratedStudentsTest {

    private static final double MASTERED = 0.8;

    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyPresentStudentHasSomethingToLearn(Preset preset) {
        DayProblem p = Generated.preset(preset);
        SkillGraph graph = SkillGraph.of(p.skills(), p.prerequisites());
        assertThat(p.students()).filteredOn(s -> !s.absent())
                .allSatisfy(s -> assertThat(graph.readySet(s::masteryOf, MASTERED)).as(s.id()).isNotEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = Preset.class, names = {"SMALL", "MEDIUM", "LARGE"})
    void masteryFollowsTheGraph(Preset preset) {
        DayProblem p = Generated.preset(preset);
        SkillGraph graph = SkillGraph.of(p.skills(), p.prerequisites());
        long mastered = 0;
        long overAGap = 0;
        for (Student s : p.students()) {
            for (Map.Entry<String, Double> e : s.mastery().entrySet()) {
                assertThat(e.getValue()).isGreaterThan(0).isLessThanOrEqualTo(1);
                assertThat(Math.round(e.getValue() * 100) / 100.0).isEqualTo(e.getValue());
                if (e.getValue() >= MASTERED) {
                    mastered++;
                    overAGap += graph.prerequisitesOf(e.getKey()).stream().anyMatch(q -> s.masteryOf(q) < MASTERED)
                            ? 1 : 0;
                }
            }
        }
        // only below-level skills built over an occasional gap
        assertThat(overAGap / (double) mastered).isLessThan(0.06);
    }

    @Test
    void workingLevelsSpreadAroundTheEnrolledGrade() {
        DayProblem p = Generated.preset(Preset.LARGE);
        Map<String, Integer> grade = p.skills().stream().collect(Collectors.toMap(Skill::id, Skill::grade));
        int behind = 0;
        int ahead = 0;
        for (Student s : p.students()) {
            // the highest grade with mastered skills approximates the level they have finished
            int reached = s.mastery().entrySet().stream().filter(e -> e.getValue() >= MASTERED)
                    .mapToInt(e -> grade.get(e.getKey())).max().orElse(-1);
            behind += reached <= s.grade() - 2 ? 1 : 0;
            ahead += reached >= s.grade() + 2 ? 1 : 0;
        }
        int n = p.students().size();
        // ~10% work two or more grades behind; ~5% two ahead, fewer seen as grade 7-8 cannot go beyond 8
        assertThat(behind / (double) n).isBetween(0.06, 0.15);
        assertThat(ahead / (double) n).isBetween(0.02, 0.08);
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void aboutTwelvePercentHaveAccommodations(Preset preset) {
        DayProblem p = Generated.preset(preset);
        long accommodated = p.students().stream()
                .filter(s -> s.accommodations() != null && s.accommodations().any()).count();
        assertThat(accommodated / (double) p.students().size()).isBetween(0.08, 0.16);
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void oneToOneNeedsFitTheTutorsAndSpecialists(Preset preset) {
        DayProblem p = Generated.preset(preset);
        long needing = p.students().stream().filter(s -> s.accommodationsOrNone().oneToOneMinutesOrZero() > 0).count();
        long slots = p.staff().stream().filter(a -> a.role() == StaffRole.TUTOR || a.role() == StaffRole.SPECIALIST)
                .mapToLong(a -> p.blocks().stream().filter(b -> b.subject() != null && a.availableIn(b.id())).count())
                .sum();
        assertThat(needing).isLessThanOrEqualTo(slots / 2);
        long quiet = p.students().stream().filter(s -> s.accommodationsOrNone().quietSpace()).count();
        int quietSeats = p.spaces().stream().filter(s -> s.features().contains("quiet")).mapToInt(s -> s.capacity())
                .sum();
        assertThat(quiet * 2).isLessThanOrEqualTo(quietSeats);
    }

    @ParameterizedTest
    @EnumSource(value = Preset.class, names = {"SMALL", "MEDIUM", "LARGE"})
    void attendanceAndProfilesHaveTheRightMix(Preset preset) {
        DayProblem p = Generated.preset(preset);
        int n = p.students().size();
        assertThat(share(p, Student::absent)).isCloseTo(0.04, offset(0.01));
        assertThat(share(p, s -> s.presentBlocks() != null)).isCloseTo(0.05, offset(0.015));
        assertThat(p.students().stream().filter(s -> !s.commitments().isEmpty()).count()).isBetween(1L, n / 25L + 1);
        assertThat(share(p, s -> !s.goals().isEmpty())).isCloseTo(0.6, offset(0.02));
        assertThat(share(p, s -> !s.prefersModalities().isEmpty())).isCloseTo(0.2,
                offset(0.02));
        assertThat(share(p, s -> !s.avoidsModalities().isEmpty())).isCloseTo(0.1,
                offset(0.02));
        assertThat(p.students()).allSatisfy(s -> {
            assertThat(s.interests()).hasSizeBetween(1, 3).doesNotHaveDuplicates();
            assertThat(Projects.INTERESTS).containsAll(s.interests());
            assertThat(s.goals()).hasSizeLessThanOrEqualTo(2);
            assertThat(s.avoidsModalities()).doesNotContain(ModalityCatalog.ONE_TO_ONE)
                    .noneMatch(s.prefersModalities()::contains);
        });
    }

    @Test
    void lateStudentsMissTheFirstTwoBlocks() {
        DayProblem p = Generated.preset(Preset.MEDIUM);
        List<String> ids = p.blocks().stream().map(TimeBlock::id).toList();
        assertThat(p.students()).filteredOn(s -> s.presentBlocks() != null).allSatisfy(s -> assertThat(s.presentBlocks())
                .isIn(ids.subList(2, ids.size()), ids.subList(0, ids.size() - 2)));
    }

    @ParameterizedTest
    @EnumSource(value = Preset.class, names = {"SMALL", "MEDIUM", "LARGE"})
    void relationsAreBetweenClassmates(Preset preset) {
        DayProblem p = Generated.preset(preset);
        Map<String, Student> byId = p.students().stream().collect(Collectors.toMap(Student::id, Function.identity()));
        long apart = p.students().stream().filter(s -> !s.keepApart().isEmpty()).count();
        assertThat(apart).isGreaterThanOrEqualTo(2);
        assertThat(apart / (double) p.students().size()).isLessThanOrEqualTo(0.05);
        for (Student s : p.students()) {
            for (String other : s.keepApart()) {
                assertThat(byId.get(other).keepApart()).contains(s.id());
            }
            for (String peer : s.peers()) {
                assertThat(byId.get(peer).grade()).isEqualTo(s.grade());
                assertThat(s.keepApart()).doesNotContain(peer);
            }
        }
        assertThat(share(p, s -> !s.peers().isEmpty())).isCloseTo(0.3, offset(0.02));
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyoneHasACertifiedAdvisorWithAtMostTwentyAdvisees(Preset preset) {
        DayProblem p = Generated.preset(preset);
        Map<String, Staff> staff = p.staff().stream().collect(Collectors.toMap(Staff::id, Function.identity()));
        Map<String, Integer> advisees = new HashMap<>();
        for (Student s : p.students()) {
            assertThat(staff.get(s.advisorId()).role()).as(s.id())
                    .isIn(StaffRole.TEACHER, StaffRole.SPECIALIST, StaffRole.COUNSELOR);
            advisees.merge(s.advisorId(), 1, Integer::sum);
        }
        assertThat(advisees.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(20));
        int most = advisees.values().stream().max(Integer::compare).orElseThrow();
        int least = advisees.values().stream().min(Integer::compare).orElseThrow();
        assertThat(most - least).isLessThanOrEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void requestsClimbTheWholeLadder(Preset preset) {
        DayProblem p = Generated.preset(preset);
        Set<RequestPriority> priorities = p.requests().stream().map(Request::priority).collect(Collectors.toSet());
        assertThat(priorities).contains(RequestPriority.ADMIN_REQUIRED, RequestPriority.TEACHER,
                RequestPriority.STUDENT);
        assertThat(p.requests()).filteredOn(r -> r.priority() == RequestPriority.TEACHER)
                .allSatisfy(r -> assertThat(r.requestedBy()).isEqualTo(r.staffId()));
        assertThat(p.requests()).filteredOn(r -> r.priority() == RequestPriority.STUDENT)
                .allSatisfy(r -> assertThat(r.requestedBy()).isEqualTo("student"));
    }

    /** Admin-required requests are pins: each must be honourable whatever else happens. */
    @ParameterizedTest
    @EnumSource(Preset.class)
    void adminRequiredRequestsCanAlwaysBeHonoured(Preset preset) {
        DayProblem p = Generated.preset(preset);
        SkillGraph graph = SkillGraph.of(p.skills(), p.prerequisites());
        Map<String, Student> students = p.students().stream()
                .collect(Collectors.toMap(Student::id, Function.identity()));
        Map<String, Staff> staff = p.staff().stream().collect(Collectors.toMap(Staff::id, Function.identity()));
        List<Request> admin = p.requests().stream().filter(r -> r.priority() == RequestPriority.ADMIN_REQUIRED)
                .toList();
        // Field trips (off-site days only) name an activity; support-plan pins name an adult.
        List<Request> trips = admin.stream().filter(r -> r.focus() != null).toList();
        List<Request> pins = admin.stream().filter(r -> r.focus() == null).toList();
        assertThat(pins).hasSizeBetween(1, 2);
        for (Request trip : trips) {
            Student s = students.get(trip.studentId());
            Staff organiser = staff.get(trip.requestedBy());
            assertThat(organiser.maySuperviseOffSite()).isTrue();
            assertThat(s.availableIn(trip.blockId())).isTrue();
            assertThat(s.accommodationsOrNone().noOffSite()).isFalse();
            assertThat(p.activities()).anyMatch(a -> a.id().equals(trip.focus())
                    && a.modalities().equals(List.of(ModalityCatalog.OFF_SITE)));
        }
        assertThat(trips.isEmpty()).isEqualTo(preset != Preset.OFFSITE);
        assertThat(pins.stream().map(r -> r.blockId() + "/" + r.staffId())).doesNotHaveDuplicates();
        for (Request r : pins) {
            Student s = students.get(r.studentId());
            Staff adult = staff.get(r.staffId());
            assertThat(r.requestedBy()).isEqualTo("admin");
            assertThat(s.availableIn(r.blockId())).isTrue();
            assertThat(s.accommodations()).isNull();
            assertThat(s.keepApart()).isEmpty();
            assertThat(adult.availableIn(r.blockId())).isTrue();
            assertThat(ModalityCatalog.roleDefaults(adult.role())).contains(ModalityCatalog.ONE_TO_ONE);
            assertThat(s.avoidsModalities()).doesNotContain(ModalityCatalog.ONE_TO_ONE);
            assertThat(graph.readySet(s::masteryOf, MASTERED)).anyMatch(id -> s.masteryOf(id) < 0.6
                    && adult.qualifiedFor(graph.skill(id)));
        }
    }

    private static double share(DayProblem p, Predicate<Student> which) {
        return p.students().stream().filter(which).count() / (double) p.students().size();
    }
}
