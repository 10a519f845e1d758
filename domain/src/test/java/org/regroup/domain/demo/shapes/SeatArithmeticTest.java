package org.regroup.domain.demo.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.regroup.domain.Accommodations;
import org.regroup.domain.BlockKind;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Qualification;
import org.regroup.domain.School;
import org.regroup.domain.Skill;
import org.regroup.domain.Space;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.demo.shapes.SeatArithmetic.BlockSeats;
import org.regroup.domain.demo.shapes.SeatArithmetic.DaySeats;

/** The counts on days small enough to count by hand. */
class SeatArithmeticTest {

    private static final Skill SKILL = new Skill("3.NF.1", "Unit fractions", "math/NF", 3);

    @Test
    void eachAdultLeadsTheLargestGroupTheRoomsAllow() {
        // teacher: independent practice capped at 25 by maxStudents; aide: 35; rooms of 24, 12 and 6
        DayProblem day = day(List.of(teacher("T1", 25, null), aide("A1", 35)),
                List.of(room("CR", 24, 1, false), room("QR", 6, 1, true), lab("LAB", 12)), students(8, null));
        BlockSeats b = SeatArithmetic.of(day).blocks().get(0);
        assertThat(b.present()).isEqualTo(8);
        assertThat(b.adults()).isEqualTo(2);
        assertThat(b.seats()).isEqualTo(24 + 12); // the aide fills the classroom, the teacher the lab
        assertThat(b.minAdults()).isEqualTo(1);
        assertThat(b.adultLedSeats()).isEqualTo(20); // the teacher's seminar of 20
        assertThat(b.quietSeats()).isEqualTo(6);
    }

    @Test
    void aSharedRoomHoldsNoMoreThanItsCapacityAndGroups() {
        DayProblem day = day(List.of(aide("A1", null), aide("A2", null), aide("A3", null)),
                List.of(room("STUDIO", 60, 2, false)), students(70, null));
        BlockSeats b = SeatArithmetic.of(day).blocks().get(0);
        assertThat(b.seats()).isEqualTo(60);
        assertThat(b.everyoneSeated()).isFalse();
        assertThat(b.minAdults()).isEqualTo(4); // more than there are: nobody seats the last ten
        assertThat(SeatArithmetic.of(day).placeable()).isFalse();
    }

    @Test
    void staffLedSeatsAreWhatIsLeftOnceEveryoneIsSeated() {
        // 40 students: the aide supervises 35, so only one teacher may lead a group while everyone is seated
        DayProblem day = day(List.of(aide("A1", 35), teacher("T1", 25, null), teacher("T2", 25, null)),
                List.of(room("CR1", 30, 1, false), room("CR2", 30, 1, false), room("CR3", 30, 1, false)),
                students(40, new Accommodations(1, null, false, false, null)));
        DaySeats d = SeatArithmetic.of(day);
        BlockSeats b = d.blocks().get(0);
        assertThat(b.seats()).isEqualTo(30 + 25 + 25);
        assertThat(b.staffLedSeats()).isEqualTo(20 + 20); // both teachers' seminars: 30 + 20 + 20 = 70 >= 40
        assertThat(d.staffLedNeed()).isEqualTo(40);
        assertThat(d.placeable()).isTrue();
    }

    @Test
    void teachingBlockLimitsCountOverTheDay() {
        DayProblem day = day(List.of(teacher("T1", 25, 1)), List.of(room("CR", 30, 1, false)), students(20, null));
        DaySeats d = SeatArithmetic.of(day);
        assertThat(d.blocks()).allSatisfy(b -> assertThat(b.everyoneSeated()).isTrue());
        assertThat(d.teachingBlocks()).isEqualTo(1);
        assertThat(d.adultBlocksNeeded()).isEqualTo(2);
        assertThat(d.everyoneSeated()).isFalse();
    }

    private static DayProblem day(List<Staff> staff, List<Space> spaces, List<Student> students) {
        List<TimeBlock> blocks = List.of(
                new TimeBlock("B1", LocalTime.of(9, 0), LocalTime.of(9, 45), 1, BlockKind.SKILLS, "math", false),
                new TimeBlock("B2", LocalTime.of(9, 50), LocalTime.of(10, 35), 2, BlockKind.SKILLS, "math", false));
        return new DayProblem(DayProblem.FORMAT, DayProblem.VERSION, "t", null,
                new School("s", "S", null, null, null, List.of(), null), blocks, List.of(SKILL), List.of(), List.of(),
                List.of(), staff, spaces, students, List.of(), Map.of());
    }

    private static Staff teacher(String id, Integer maxStudents, Integer maxBlocks) {
        return new Staff(id, null, StaffRole.TEACHER, List.of(new Qualification("math", null, null)), null, null,
                maxBlocks, maxStudents, List.of(), false, null);
    }

    private static Staff aide(String id, Integer maxStudents) {
        return new Staff(id, null, StaffRole.AIDE, List.of(), null, null, null, maxStudents, List.of(), false, null);
    }

    private static Space room(String id, int capacity, int groups, boolean quiet) {
        return new Space(id, null, groups > 1 ? SpaceKind.STUDIO : SpaceKind.CLASSROOM, capacity,
                quiet ? List.of("quiet") : List.of(), null, groups, null);
    }

    private static Space lab(String id, int capacity) {
        return new Space(id, null, SpaceKind.LAB, capacity, List.of("computers"), null, null, null);
    }

    private static List<Student> students(int n, Accommodations a) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> new Student("S" + i, null, 3, null, Map.of(),
                List.of(), List.of(), List.of(), List.of(), a, List.of(), List.of(), false, null, List.of())).toList();
    }
}
