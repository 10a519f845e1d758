package org.regroup.domain.demo.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.StaffRole;
import org.regroup.domain.Student;
import org.regroup.domain.io.DayProblemValidator;

/** The command line's changes to a shape: each does what it says, and the day stays valid input. */
class ShapeOverridesTest {

    private static final ShapeOverrides NONE = ShapeOverrides.NONE;

    @Test
    void moreStudentsBringAdultsAndRoomsInProportion() {
        ShapeParameters studio = Shapes.parameters("studio").withStudents(300);
        assertThat(studio.students()).isEqualTo(300);
        assertThat(studio.staffing().count(StaffRole.TEACHER)).isEqualTo(8);
        assertThat(studio.staffing().count(StaffRole.AIDE)).isEqualTo(4);
        assertThat(studio.rooms()).filteredOn(r -> r.kind() == SpaceKind.STUDIO).singleElement()
                .satisfies(r -> assertThat(r.count()).isEqualTo(2));
    }

    @Test
    void studentsPerAdultSetsTheAdultsKeepingTheMix() {
        ShapeParameters p = Shapes.parameters("keep-apart").withStudentsPerAdult(20);
        assertThat(p.staffing().adults()).isEqualTo(8);
        assertThat(p.staffing().count(StaffRole.TEACHER)).isGreaterThan(p.staffing().count(StaffRole.AIDE));
    }

    @Test
    void adultLedShareTurnsAidesIntoTeachers() {
        ShapeParameters studio = Shapes.parameters("studio");
        ShapeParameters more = studio.withAdultLedShare(0.4);
        assertThat(more.adultLedSeats()).isEqualTo(60);
        assertThat(more.staffing().adults()).isEqualTo(studio.staffing().adults());
        assertThatThrownBy(() -> studio.withAdultLedShare(0.9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.9");
    }

    @Test
    void studioShareTradesClassroomsForStudios() {
        ShapeParameters p = Shapes.parameters("tight-ratio").withStudioShare(1);
        assertThat(p.rooms()).noneMatch(r -> r.kind() == SpaceKind.CLASSROOM);
        assertThat(p.rooms()).filteredOn(r -> r.kind() == SpaceKind.STUDIO).isNotEmpty()
                .allSatisfy(r -> assertThat(r.has("computers")).isTrue());
        assertThat(p.rooms().stream().filter(r -> r.kind() == SpaceKind.STUDIO)
                .mapToInt(r -> r.count() * r.maxGroups()).sum()).isEqualTo(7);
        ShapeParameters back = Shapes.parameters("studio").withStudioShare(0);
        assertThat(back.rooms()).filteredOn(r -> r.kind() == SpaceKind.CLASSROOM).singleElement()
                .satisfies(r -> assertThat(r.count()).isEqualTo(6));
    }

    @Test
    void accommodationLoadScalesEveryNeed() {
        DayProblem none = Shapes.generate("behind", 1, overrides(null, null, 0.0, null, null, null));
        assertThat(none.students()).allSatisfy(s -> assertThat(s.accommodations()).isNull());
        DayProblem twice = Shapes.generate("behind", 1, overrides(null, null, 2.0, null, null, null));
        assertThat(staffLed(twice)).isGreaterThan(staffLed(Shapes.generate("behind", 1)));
    }

    @Test
    void offsiteTravelAddsAMuseumTrip() {
        DayProblem day = Shapes.generate("no-lab", 1, overrides(null, null, null, 30, null, null));
        assertThat(day.spaces()).filteredOn(s -> s.kind() == SpaceKind.OFF_SITE).singleElement()
                .satisfies(s -> assertThat(s.travelMinutes()).isEqualTo(30));
        assertThat(day.staff()).filteredOn(s -> s.maySuperviseOffSite()).hasSize(1);
        assertThat(DayProblemValidator.validate(day)).isEmpty();
        assertThatThrownBy(() -> Shapes.parameters("studio").withOffsiteTravel(20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no activities block");
    }

    @Test
    void partTimeAndLateShares() {
        DayProblem day = Shapes.generate("no-lab", 1, overrides(null, null, null, null, 0.5, 0.4));
        assertThat(day.staff().stream().filter(a -> a.availableBlocks() != null).count())
                .isGreaterThanOrEqualTo(day.staff().size() / 2 - 2);
        long lateOrEarly = day.students().stream().filter(s -> s.presentBlocks() != null).count();
        assertThat(lateOrEarly / (double) day.students().size()).isBetween(0.35, 0.45);
        assertThat(DayProblemValidator.validate(day)).isEmpty();
    }

    @Test
    void behindAndKeepApartShares() {
        ShapeParameters p = Shapes.parameters("no-lab").withBehindShare(0.5).withKeepApartShare(0.2);
        assertThat(p.cohort().spread().twoOrMoreBehind()).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        DayProblem day = ShapeGenerator.generate(p, 1);
        long apart = day.students().stream().filter(s -> !s.keepApart().isEmpty()).count();
        assertThat(apart / (double) day.students().size()).isBetween(0.18, 0.22);
    }

    @Test
    void catchAllOnlyWhereThereIsALibrary() {
        assertThat(Shapes.parameters("studio").withCatchAll(false).catchAll()).isFalse();
        assertThatThrownBy(() -> Shapes.parameters("studio").withCatchAll(true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("library");
        DayProblem day = ShapeGenerator.generate(Shapes.parameters("no-lab").withCatchAll(true), 1);
        assertThat(day.school().catchAll()).hasSize(1);
    }

    @Test
    void aChangedShapeSaysSoInItsId() {
        DayProblem day = Shapes.generate("tiny", 3, new ShapeOverrides(12, null, null, null, null, null, null, null,
                null, null, null));
        assertThat(day.id()).isEqualTo("tiny-custom-seed-3");
        assertThat(day.students()).hasSize(12);
        assertThat(Shapes.generate("tiny", 3, NONE).id()).isEqualTo("tiny-seed-3");
    }

    @Test
    void theScalingDayTakesNoOverrides() {
        assertThatThrownBy(() -> Shapes.generate(Shapes.SCALE_1000, 1, overrides(500, null, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--students N");
    }

    @Test
    void valuesThatMakeNoSchoolAreRefused() {
        assertThatThrownBy(() -> Shapes.parameters("tiny").withStudentsPerAdult(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shapes.parameters("tiny").withStudioShare(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shapes.parameters("tiny").withAccommodationLoad(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shapes.generate("keep-apart", 1, overrides(null, 60.0, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("advisor");
    }

    private static ShapeOverrides overrides(Integer students, Double perAdult, Double load, Integer travel,
            Double partTime, Double late) {
        return new ShapeOverrides(students, perAdult, null, null, load, travel, partTime, late, null, null, null);
    }

    private static int staffLed(DayProblem day) {
        return day.students().stream().map(Student::accommodationsOrNone)
                .mapToInt(a -> a.minStaffLedBlocksOrZero() > 0 ? 1 : 0).sum();
    }
}
