package org.regroup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A student gone home mid-day ({@link Student#leftAfter}). */
class StudentTest {

    private static final TimeBlock B1 = new TimeBlock("B1", LocalTime.of(8, 30), LocalTime.of(8, 55), 1, null, null,
            false);
    private static final TimeBlock B2 = new TimeBlock("B2", LocalTime.of(9, 0), LocalTime.of(9, 45), 2, null, null,
            false);

    private static Student with(Accommodations needs, List<String> presentBlocks) {
        return new Student("S1", null, 4, null, null, null, null, null, null, needs, null, null, false, presentBlocks,
                null);
    }

    @Test
    void goneAfterTwoBlocksIsOwedNoMoreThanTwoBlocksCanGive() {
        Student left = with(new Accommodations(3, 120, true, true, 1), null).leftAfter(List.of(B1, B2));

        assertThat(left.presentBlocks()).containsExactly("B1", "B2");
        assertThat(left.accommodations()).isEqualTo(new Accommodations(2, 25 + 45, true, true, 1));
    }

    @Test
    void needsTheMorningCanMeetStayAsTheyWere() {
        Accommodations needs = new Accommodations(1, 45, false, false, null);

        assertThat(with(needs, null).leftAfter(List.of(B1, B2)).accommodations()).isEqualTo(needs);
    }

    @Test
    void aStudentWhoArrivedLateIsPresentOnlyInTheBlocksTheyWereHere() {
        Student left = with(null, List.of("B2")).leftAfter(List.of(B1, B2));

        assertThat(left.presentBlocks()).containsExactly("B2");
        assertThat(left.accommodations()).isNull();
    }
}
