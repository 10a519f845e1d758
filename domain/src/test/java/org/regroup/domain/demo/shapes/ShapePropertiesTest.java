package org.regroup.domain.demo.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regroup.domain.demo.shapes.GeneratedShapes.day;
import static org.regroup.domain.demo.shapes.GeneratedShapes.seats;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.regroup.domain.Activity;
import org.regroup.domain.BlockKind;
import org.regroup.domain.DayProblem;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.RequestPriority;
import org.regroup.domain.Skill;
import org.regroup.domain.Space;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.demo.shapes.SeatArithmetic.BlockSeats;

/** What makes each shape the kind of school it is. */
class ShapePropertiesTest {

    private static final double MASTERED = 0.8;

    @Test
    void tinyIsADayToCheckByHand() {
        DayProblem p = day("tiny");
        assertThat(p.students()).hasSize(8);
        assertThat(p.staff()).extracting(Staff::role).containsExactly(StaffRole.TEACHER, StaffRole.AIDE);
        assertThat(p.spaces()).hasSize(3);
        assertThat(p.blocks()).hasSize(3);
        assertThat(count(p, s -> !s.keepApart().isEmpty())).isEqualTo(2);
        assertThat(count(p, s -> s.accommodationsOrNone().quietSpace())).isEqualTo(1);
        assertThat(count(p, s -> s.presentBlocks() != null)).isEqualTo(1);
    }

    @Test
    void studioTeachersMustAlsoSupervisePractice() {
        DayProblem p = day("studio");
        assertThat(p.students()).hasSize(150).allSatisfy(s -> assertThat(s.grade()).isEqualTo(7));
        assertThat(p.staff()).filteredOn(a -> a.role() == StaffRole.TEACHER).hasSize(4)
                .allSatisfy(a -> assertThat(a.maxTeachingBlocks()).isEqualTo(4));
        assertThat(p.staff()).filteredOn(a -> a.role() == StaffRole.AIDE).hasSize(2);
        assertThat(p.blocks()).hasSize(5);
        Space studio = p.spaces().stream().filter(s -> s.kind() == SpaceKind.STUDIO).findFirst().orElseThrow();
        assertThat(studio.maxGroups()).isEqualTo(6);
        assertThat(studio.features()).contains("computers");
        assertThat(p.spaces()).filteredOn(s -> s.features().contains("quiet")).hasSize(1);
        assertThat(p.spaces()).hasSize(3);
        ModalitySpec small = modality(p, ModalityCatalog.SMALL_GROUP);
        assertThat(small.minSize()).isEqualTo(5);
        assertThat(small.maxSize()).isEqualTo(10);
        assertThat(modality(p, ModalityCatalog.ONLINE_PRACTICE).studentsPerAdult()).isEqualTo(25);
        // mastery spans grades 5-8: the highest grade each student has mastered
        assertThat(p.students().stream().mapToInt(s -> reached(p, s)).min().orElseThrow()).isBetween(3, 5);
        assertThat(p.students().stream().mapToInt(s -> reached(p, s)).max().orElseThrow()).isEqualTo(8);
        // fewer adult-led seats than students, yet every block seats everyone: teachers supervise practice too
        int adultLed = 4 * small.maxSize();
        assertThat(seats("studio").blocks()).allSatisfy(b -> {
            assertThat(adultLed).isLessThan(b.present());
            assertThat(b.adultLedSeats()).isLessThan(b.present());
            assertThat(b.seats()).isGreaterThanOrEqualTo(b.present());
        });
        assertThat(count(p, s -> s.accommodationsOrNone().minStaffLedBlocksOrZero() > 0)).isPositive();
        assertThat(count(p, s -> s.accommodationsOrNone().oneToOneMinutesOrZero() > 0)).isPositive();
        assertThat(count(p, s -> s.accommodationsOrNone().quietSpace())).isPositive();
    }

    @Test
    void tightRatioFitsOnlyWithBigPracticeGroups() {
        DayProblem p = day("tight-ratio");
        assertThat(p.students().size() / (double) p.staff().size()).isGreaterThanOrEqualTo(24);
        int smallGroupMax = ModalityCatalog.defaults().get(ModalityCatalog.SMALL_GROUP).maxSize();
        assertThat(seats("tight-ratio").blocks()).allSatisfy(b -> {
            assertThat(b.adults() * smallGroupMax).as("groups of %d cannot seat %s", smallGroupMax, b.blockId())
                    .isLessThan(b.present());
            assertThat(b.seats()).isGreaterThanOrEqualTo(b.present());
        });
        assertThat(p.spaces()).noneMatch(s -> s.kind() == SpaceKind.STUDIO);
    }

    @Test
    void offsiteTravelTakesTheNeighbouringBlocks() {
        DayProblem p = day("offsite-travel");
        Space museum = p.spaces().stream().filter(Space::offSite).findFirst().orElseThrow();
        Activity visit = p.activities().stream().filter(a -> a.spaces().contains(museum.id())).findFirst()
                .orElseThrow();
        assertThat(visit.modalities()).containsExactly(ModalityCatalog.OFF_SITE);
        assertThat(visit.blocks()).hasSize(1);
        int at = indexOf(p, visit.blocks().get(0));
        TimeBlock before = p.blocks().get(at - 1);
        TimeBlock trip = p.blocks().get(at);
        TimeBlock after = p.blocks().get(at + 1);
        assertThat(museum.travelMinutes()).isEqualTo(20)
                .isGreaterThan(gap(before, trip)).isGreaterThan(gap(trip, after));
        assertThat(before.kindOrDefault()).isEqualTo(BlockKind.SKILLS);
        assertThat(after.kindOrDefault()).isEqualTo(BlockKind.SKILLS);
        List<Staff> cleared = p.staff().stream().filter(Staff::maySuperviseOffSite).toList();
        assertThat(cleared).hasSize(1).allSatisfy(a -> {
            assertThat(a.role()).isEqualTo(StaffRole.TEACHER);
            assertThat(a.availableBlocks()).isNull();
        });
        Map<String, Student> byId = byId(p);
        List<String> mustStay = p.students().stream().filter(s -> s.accommodationsOrNone().noOffSite())
                .map(Student::id).toList();
        assertThat(mustStay).isNotEmpty();
        var tripRequests = p.requests().stream().filter(r -> visit.id().equals(r.focus())).toList();
        assertThat(tripRequests).isNotEmpty()
                .noneMatch(r -> r.priorityOrDefault() == RequestPriority.ADMIN_REQUIRED)
                .noneMatch(r -> mustStay.contains(r.studentId()))
                .allMatch(r -> byId.get(r.studentId()).availableIn(trip.id()));
        assertThat(tripRequests).anyMatch(r -> r.priority() == RequestPriority.TEACHER
                && r.requestedBy().equals(cleared.get(0).id()));
        assertThat(tripRequests).anyMatch(r -> r.priority() == RequestPriority.STUDENT);
        // more ask than one adult may take off site
        assertThat(tripRequests.size()).isGreaterThan(modality(p, ModalityCatalog.OFF_SITE).studentsPerAdult());
    }

    @Test
    void accommodationCrunchIsTightButSatisfiable() {
        SeatArithmetic.DaySeats s = seats("accommodation-crunch");
        assertThat(s.staffLedNeed()).isLessThanOrEqualTo(s.staffLedCapacity())
                .isGreaterThanOrEqualTo((int) (0.8 * s.staffLedCapacity()));
        assertThat(s.oneToOneNeed()).isPositive().isLessThanOrEqualTo(s.oneToOneCapacity());
        DayProblem p = day("accommodation-crunch");
        long oneToOneAdultBlocks = p.staff().stream().filter(a -> a.role() == StaffRole.TUTOR)
                .mapToLong(a -> p.blocks().stream().filter(b -> a.availableIn(b.id())).count()).sum();
        assertThat(s.oneToOneNeed()).as("1:1 needs fill the tutors' day").isGreaterThanOrEqualTo(
                (int) (0.8 * oneToOneAdultBlocks));
        assertThat(p.blocks()).allMatch(b -> b.kindOrDefault() == BlockKind.SKILLS);
    }

    @Test
    void keepApartPairsAreManyAndBetweenClassmates() {
        DayProblem p = day("keep-apart");
        Map<String, Student> byId = byId(p);
        assertThat(count(p, s -> !s.keepApart().isEmpty()) / (double) p.students().size()).isGreaterThanOrEqualTo(0.35);
        assertThat(p.students()).allSatisfy(s -> s.keepApart().forEach(o -> {
            assertThat(byId.get(o).keepApart()).contains(s.id());
            assertThat(byId.get(o).grade()).isEqualTo(s.grade());
        }));
    }

    @Test
    void behindMostWorkTwoOrMoreGradesBelowTheirOwn() {
        DayProblem p = day("behind");
        assertThat(count(p, s -> reached(p, s) <= s.grade() - 2) / (double) p.students().size())
                .isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void partTimeAdultsWorkOnlyPartOfTheDay() {
        DayProblem p = day("part-time");
        List<String> ids = p.blocks().stream().map(TimeBlock::id).toList();
        assertThat(p.staff().stream().filter(a -> a.availableBlocks() != null).count() / (double) p.staff().size())
                .isGreaterThanOrEqualTo(0.4);
        assertThat(p.staff()).filteredOn(a -> a.role() == StaffRole.TUTOR).isNotEmpty()
                .allSatisfy(a -> assertThat(a.availableBlocks()).hasSize(2));
        assertThat(p.staff()).anySatisfy(a -> {
            assertThat(a.role()).isEqualTo(StaffRole.TEACHER);
            assertThat(a.availableBlocks()).isNotNull().containsExactlyElementsOf(
                    ids.subList(0, a.availableBlocks().size()));
        });
        // someone is in every block, though fewer in some than others
        assertThat(seats("part-time").blocks().stream().mapToInt(BlockSeats::adults).distinct().count())
                .isGreaterThan(1);
    }

    @Test
    void lateArrivalsComeLateLeaveEarlyOrStepOut() {
        DayProblem p = day("late-arrivals");
        assertThat(count(p, s -> s.presentBlocks() != null || !s.commitments().isEmpty()) / (double) p.students()
                .size()).isGreaterThanOrEqualTo(0.3);
        assertThat(count(p, s -> !s.commitments().isEmpty())).isGreaterThanOrEqualTo(5);
    }

    @Test
    void quietHeavyNeedsMostOfTheQuietSeats() {
        DayProblem p = day("quiet-heavy");
        assertThat(count(p, s -> s.accommodationsOrNone().quietSpace()) / (double) p.students().size())
                .isGreaterThanOrEqualTo(0.15);
        assertThat(p.spaces()).filteredOn(s -> s.features().contains("quiet")).hasSizeLessThanOrEqualTo(2);
        assertThat(seats("quiet-heavy").blocks()).allSatisfy(b -> assertThat(b.quietNeeds())
                .isLessThanOrEqualTo(b.quietSeats()).isGreaterThanOrEqualTo(b.quietSeats() / 2));
    }

    @Test
    void oneRoomIsAKToEightSchoolhouse() {
        DayProblem p = day("one-room");
        assertThat(p.students()).hasSizeBetween(20, 30);
        assertThat(p.students().stream().map(Student::grade).distinct().count()).isEqualTo(9);
        assertThat(p.staff()).extracting(Staff::role).containsExactly(StaffRole.TEACHER, StaffRole.AIDE);
        assertThat(p.spaces()).hasSize(2);
    }

    @Test
    void noLabHasNoComputersAndStillSeatsEveryone() {
        DayProblem p = day("no-lab");
        assertThat(p.spaces()).noneMatch(s -> s.features().contains("computers"));
        assertThat(seats("no-lab").everyoneSeated()).isTrue();
    }

    @Test
    void staffOutCannotPlaceEveryone() {
        DayProblem p = day("staff-out");
        assertThat(p.school().catchAll()).isEmpty();
        assertThat(p.staff()).filteredOn(a -> a.availableBlocks() != null && a.availableBlocks().isEmpty())
                .extracting(Staff::role).contains(StaffRole.TEACHER, StaffRole.AIDE);
        assertThat(seats("staff-out").blocks()).anySatisfy(b -> assertThat(b.seats()).isLessThan(b.present()));
        assertThat(seats("staff-out").placeable()).isFalse();
    }

    @Test
    void advisoryActivitiesRunsAdvisoryAndProjectsBesideMath() {
        DayProblem p = day("advisory-activities");
        List<BlockKind> kinds = p.blocks().stream().map(TimeBlock::kindOrDefault).toList();
        assertThat(kinds.stream().filter(k -> k == BlockKind.ADVISORY).count()).isEqualTo(2);
        assertThat(kinds.stream().filter(k -> k == BlockKind.ACTIVITIES).count()).isEqualTo(2);
        assertThat(kinds).contains(BlockKind.SKILLS);
        assertThat(p.activities()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(p.students()).allSatisfy(s -> assertThat(s.advisorId()).isNotNull());
        assertThat(p.school().catchAll()).hasSize(1);
    }

    @Test
    void everyShapeIsOnTheRealGraphAndItsStudentsHaveSomethingToLearn() {
        for (String name : Shapes.names()) {
            DayProblem p = day(name);
            assertThat(p.skills()).as(name).hasSizeGreaterThan(100);
            assertThat(p.skills()).allSatisfy(s -> assertThat(s.strand()).startsWith("math/"));
            var graph = org.regroup.domain.graph.SkillGraph.of(p.skills(), p.prerequisites());
            assertThat(p.students()).filteredOn(s -> !s.absent()).allSatisfy(s -> assertThat(
                    graph.readySet(s::masteryOf, MASTERED)).as(name + " " + s.id()).isNotEmpty());
        }
    }

    /** The highest grade with a mastered skill: the level a student has finished, roughly. */
    private static int reached(DayProblem p, Student s) {
        Map<String, Integer> grade = p.skills().stream().collect(Collectors.toMap(Skill::id, Skill::grade));
        return s.mastery().entrySet().stream().filter(e -> e.getValue() >= MASTERED)
                .mapToInt(e -> grade.get(e.getKey())).max().orElse(-1);
    }

    private static long count(DayProblem p, Predicate<Student> which) {
        return p.students().stream().filter(which).count();
    }

    private static ModalitySpec modality(DayProblem p, String id) {
        return ModalityCatalog.of(p.modalities()).get(id);
    }

    private static Map<String, Student> byId(DayProblem p) {
        return p.students().stream().collect(Collectors.toMap(Student::id, Function.identity()));
    }

    private static int indexOf(DayProblem p, String blockId) {
        for (int i = 0; i < p.blocks().size(); i++) {
            if (p.blocks().get(i).id().equals(blockId)) {
                return i;
            }
        }
        throw new AssertionError(blockId);
    }

    private static int gap(TimeBlock first, TimeBlock second) {
        return (int) java.time.Duration.between(first.end(), second.start()).toMinutes();
    }
}
