package org.regroup.domain.demo.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.regroup.domain.DayProblem;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.io.DayProblemValidator;
import org.regroup.domain.io.Json;

/** Every named shape: valid input, seeded, and placeable by its seat arithmetic unless it is meant not to be. */
class ShapesTest {

    static Stream<String> names() {
        return Shapes.names().stream();
    }

    static Stream<String> placeable() {
        return names().filter(n -> !n.equals("staff-out"));
    }

    @Test
    void thereAreAtLeastTwelveShapesAndTheOnesTheIssueNames() {
        assertThat(Shapes.names()).hasSizeGreaterThanOrEqualTo(12).doesNotHaveDuplicates()
                .contains("tiny", "studio", "tight-ratio", "offsite-travel", "accommodation-crunch", "keep-apart",
                        "behind", "part-time", "late-arrivals", "quiet-heavy", "one-room", "no-lab", "staff-out",
                        "advisory-activities", "scale-1000");
        assertThat(Shapes.names().get(Shapes.names().size() - 1)).isEqualTo(Shapes.SCALE_1000);
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyShapeIsValidInput(String name) {
        assertThat(DayProblemValidator.validate(GeneratedShapes.day(name))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("names")
    void describesItself(String name) {
        DayProblem day = GeneratedShapes.day(name);
        assertThat(day.format()).isEqualTo(DayProblem.FORMAT);
        assertThat(day.version()).isEqualTo(DayProblem.VERSION);
        assertThat(day.id()).isEqualTo((name.equals(Shapes.SCALE_1000) ? "scale-1000" : name) + "-seed-1");
        assertThat(day.date()).isEqualTo(DatasetGenerator.DATE);
    }

    @ParameterizedTest
    @MethodSource("names")
    void sameSeedGivesTheSameBytes(String name) throws JsonProcessingException {
        byte[] first = Json.mapper().writeValueAsBytes(GeneratedShapes.day(name));
        byte[] again = Json.mapper().writeValueAsBytes(Shapes.generate(name, GeneratedShapes.SEED));
        assertThat(again).isEqualTo(first);
    }

    @ParameterizedTest
    @MethodSource("names")
    void anotherSeedGivesAnotherDay(String name) throws JsonProcessingException {
        if (name.equals(Shapes.SCALE_1000)) {
            return; // the scaling series' generator has its own seed tests; this one is 4 MB
        }
        byte[] one = Json.mapper().writeValueAsBytes(GeneratedShapes.day(name));
        byte[] two = Json.mapper().writeValueAsBytes(Shapes.generate(name, 2));
        assertThat(two).isNotEqualTo(one);
    }

    @ParameterizedTest
    @MethodSource("names")
    void survivesAJsonRoundTrip(String name) throws JsonProcessingException {
        DayProblem day = GeneratedShapes.day(name);
        assertThat(DayProblemReader.parse(Json.mapper().writeValueAsBytes(day), name)).isEqualTo(day);
    }

    @ParameterizedTest
    @MethodSource("placeable")
    void seatsHoldEveryoneAndEveryAccommodation(String name) {
        SeatArithmetic.DaySeats seats = GeneratedShapes.seats(name);
        assertThat(seats.blocks()).allSatisfy(b -> assertThat(b.seats()).as(b.blockId())
                .isGreaterThanOrEqualTo(b.present()));
        assertThat(seats.adultBlocksNeeded()).isLessThanOrEqualTo(seats.teachingBlocks());
        assertThat(seats.blocks()).allSatisfy(b -> assertThat(b.quietSeats()).as(b.blockId())
                .isGreaterThanOrEqualTo(b.quietNeeds()));
        assertThat(seats.staffLedNeed()).isLessThanOrEqualTo(seats.staffLedCapacity());
        assertThat(seats.oneToOneNeed()).isLessThanOrEqualTo(seats.oneToOneCapacity());
        assertThat(seats.placeable()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("placeable")
    void otherSeedsArePlaceableToo(String name) {
        if (name.equals(Shapes.SCALE_1000)) {
            return;
        }
        SeatArithmetic.DaySeats seats = SeatArithmetic.of(Shapes.generate(name, 2));
        assertThat(seats.placeable()).as(SeatReport.verdict(seats)).isTrue();
    }

    @Test
    void theScalingDayIsTheScalingSeriesDay() throws JsonProcessingException {
        assertThat(Json.mapper().writeValueAsBytes(GeneratedShapes.day(Shapes.SCALE_1000)))
                .isEqualTo(Json.mapper().writeValueAsBytes(DatasetGenerator.generate(1000, 1)));
        assertThat(GeneratedShapes.day(Shapes.SCALE_1000).students()).hasSize(1000);
    }

    @Test
    void anUnknownNameListsTheShapes() {
        assertThatThrownBy(() -> Shapes.generate("huge", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'huge'").hasMessageContaining(String.join(", ", Shapes.names()));
    }

    @Test
    void namesAreKnown() {
        assertThat(Shapes.exists("studio")).isTrue();
        assertThat(Shapes.exists(Shapes.SCALE_1000)).isTrue();
        assertThat(Shapes.exists("Studio")).isFalse();
        assertThat(List.copyOf(Shapes.names())).allSatisfy(n -> assertThat(Shapes.exists(n)).isTrue());
    }
}
