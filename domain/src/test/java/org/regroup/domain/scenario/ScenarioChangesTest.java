package org.regroup.domain.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.regroup.domain.Activity;
import org.regroup.domain.DayProblem;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.Leadership;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.Request;
import org.regroup.domain.Space;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.School;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.io.DayProblemValidator;
import org.regroup.domain.io.Json;

/**
 * Each change type on the SMALL demo day (blocks B1-B6; adults T01-T03, A01, SP01, TU01 in B3-B6; spaces CR01, CR02,
 * LAB01, STUDIO01, LIB01, SR01), and the errors a variant gets for what it names wrongly.
 */
class ScenarioChangesTest {

    private static final DayProblem SMALL = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);

    // ---------------------------------------------------------------------------------------------------------------
    // Staff
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void removeStaffTakesTheirAdviseesRequestsAndCommitmentSeat() {
        DayProblem base = edit(SMALL, day -> {
            ObjectNode student = studentNode(day, "S0046");
            ((ObjectNode) student.withArray("commitments").get(0)).put("staffId", "T01");
        });

        DayProblem day = apply(base, new Change.RemoveStaff("T01"));

        assertThat(ids(day.staff(), Staff::id)).doesNotContain("T01").hasSize(base.staff().size() - 1);
        assertThat(day.students()).noneMatch(s -> "T01".equals(s.advisorId()));
        assertThat(base.students()).anyMatch(s -> "T01".equals(s.advisorId()));
        assertThat(day.requests()).noneMatch(r -> "T01".equals(r.staffId()))
                .hasSize(base.requests().size() - 2);
        // the student still has speech therapy in B3, now without a named adult
        assertThat(student(day, "S0046").commitments()).singleElement()
                .satisfies(c -> {
                    assertThat(c.blockId()).isEqualTo("B3");
                    assertThat(c.staffId()).isNull();
                });
        assertThat(DayProblemValidator.validate(day)).isEmpty();
    }

    @Test
    void aCatchAllWhoseSupervisorLeavesStaysOpenForTheDutyRota() {
        DayProblem base = withCatchAlls(SMALL, "{\"spaceId\":\"LIB01\",\"supervisorId\":\"A01\"}",
                "{\"spaceId\":\"STUDIO01\"}");

        DayProblem day = apply(base, new Change.RemoveStaff("A01"));

        assertThat(day.school().catchAll()).extracting(School.CatchAll::spaceId).containsExactly("LIB01", "STUDIO01");
        assertThat(day.school().catchAll()).allSatisfy(ca -> assertThat(ca.supervisorId()).isNull());
        assertThat(DayProblemValidator.validate(day)).isEmpty();
    }

    @Test
    void addStaffAppendsTheNewAdult() {
        Staff tutor = new Staff("TU02", "New tutor", StaffRole.TUTOR, List.of(), null, List.of("B2", "B3"), null, 8,
                List.of(), false, 220.0);

        DayProblem day = apply(SMALL, new Change.AddStaff(tutor));

        assertThat(day.staff()).hasSize(SMALL.staff().size() + 1).last().isEqualTo(tutor);
        assertThat(DayProblemValidator.validate(day)).isEmpty();
    }

    @Test
    void staffAvailabilityReplacesTheBlocksTheyWork() {
        DayProblem day = apply(SMALL, new Change.StaffAvailability("T01", List.of("B2", "B3")),
                new Change.StaffAvailability("TU01", null));

        assertThat(staff(day, "T01").availableBlocks()).containsExactly("B2", "B3");
        assertThat(staff(day, "TU01").availableBlocks()).isNull(); // all day
        assertThat(staff(day, "T01").maxStudents()).isEqualTo(staff(SMALL, "T01").maxStudents());
    }

    @Test
    void staffCapsReplacesOnlyTheCapsGiven() {
        DayProblem day = apply(SMALL, new Change.StaffCaps("T01", 3, null));

        assertThat(staff(day, "T01").maxTeachingBlocks()).isEqualTo(3);
        assertThat(staff(day, "T01").maxStudents()).isEqualTo(staff(SMALL, "T01").maxStudents());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Spaces
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void closeSpaceInSomeBlocksStartsFromEveryBlockWhenItWasAlwaysOpen() {
        DayProblem day = apply(SMALL, new Change.CloseSpace("LIB01", List.of("B2", "B5")));

        assertThat(space(day, "LIB01").availableBlocks()).containsExactly("B1", "B3", "B4", "B6");
    }

    @Test
    void closeSpaceWithoutBlocksClosesItAllDay() {
        DayProblem day = apply(SMALL, new Change.CloseSpace("LIB01", null));

        assertThat(space(day, "LIB01").availableBlocks()).isEmpty();
    }

    @Test
    void openSpaceMakesItAvailableInEveryBlock() {
        DayProblem day = apply(SMALL, new Change.CloseSpace("LIB01", List.of("B2")), new Change.OpenSpace("LIB01"));

        assertThat(space(day, "LIB01").availableBlocks()).isNull();
    }

    @Test
    void addSpaceAppendsIt() {
        Space portable = new Space("PORT01", "Portable", SpaceKind.CLASSROOM, 24, List.of(), null, null, null);

        DayProblem day = apply(SMALL, new Change.AddSpace(portable));

        assertThat(day.spaces()).last().isEqualTo(portable);
    }

    @Test
    void changeSpaceReplacesOnlyTheFieldsGiven() {
        DayProblem day = apply(SMALL,
                new Change.ChangeSpace("LIB01", SpaceKind.LAB, null, List.of("computers", "quiet"), 2));

        Space library = space(day, "LIB01");
        assertThat(library.kind()).isEqualTo(SpaceKind.LAB);
        assertThat(library.features()).containsExactly("computers", "quiet");
        assertThat(library.maxGroups()).isEqualTo(2);
        assertThat(library.capacity()).isEqualTo(space(SMALL, "LIB01").capacity());
        assertThat(library.name()).isEqualTo(space(SMALL, "LIB01").name());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Blocks
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void addBlockLeavesExplicitListsAsTheyAre() {
        TimeBlock b7 = new TimeBlock("B7", LocalTime.of(14, 0), LocalTime.of(14, 45), 7, null, null, false);

        DayProblem day = apply(SMALL, new Change.AddBlock(b7), new Change.StaffAvailability("TU01",
                List.of("B6", "B7")));

        assertThat(day.blocks()).last().isEqualTo(b7);
        assertThat(staff(day, "TU01").availableBlocks()).containsExactly("B6", "B7");
        assertThat(student(day, "S0008").presentBlocks()).doesNotContain("B7");
    }

    @Test
    void removeBlockDropsItEverywhere() {
        DayProblem base = edit(withCatchAlls(SMALL, "{\"spaceId\":\"LIB01\",\"blocks\":[\"B3\"]}",
                "{\"spaceId\":\"STUDIO01\",\"blocks\":[\"B2\",\"B3\"]}"), day -> {
                    ((ObjectNode) day.get("spaces").get(0)).putArray("availableBlocks").add("B2").add("B3");
                    ((ObjectNode) day.get("activities").get(0)).putArray("blocks").add("B3");
                    ((ObjectNode) day.get("activities").get(1)).putArray("blocks").add("B3").add("B6");
                    ((ArrayNode) day.get("requests")).addObject().put("id", "R100").put("studentId", "S0001")
                            .put("focus", day.get("activities").get(0).get("id").asText());
                });

        DayProblem day = apply(base, new Change.RemoveBlock("B3"));

        assertThat(ids(day.blocks(), TimeBlock::id)).containsExactly("B1", "B2", "B4", "B5", "B6");
        assertThat(staff(day, "TU01").availableBlocks()).containsExactly("B4", "B5", "B6");
        assertThat(space(day, "CR01").availableBlocks()).containsExactly("B2");
        assertThat(student(day, "S0008").presentBlocks()).containsExactly("B4", "B5", "B6");
        assertThat(student(day, "S0046").commitments()).isEmpty();
        assertThat(day.requests()).noneMatch(r -> "B3".equals(r.blockId()));
        // the catch-all and the activity only in B3 go: an empty block list would mean "every block"
        assertThat(day.school().catchAll()).singleElement().satisfies(ca -> {
            assertThat(ca.spaceId()).isEqualTo("STUDIO01");
            assertThat(ca.blocks()).containsExactly("B2");
        });
        String onlyInB3 = base.activities().get(0).id();
        assertThat(ids(day.activities(), Activity::id)).doesNotContain(onlyInB3);
        assertThat(day.activities().get(0).blocks()).containsExactly("B6");
        assertThat(ids(day.requests(), Request::id)).doesNotContain("R100");
    }

    @Test
    void removingTheLastBlockIsAnError() {
        List<Change> removeAll = SMALL.blocks().stream().<Change>map(b -> new Change.RemoveBlock(b.id())).toList();

        assertThat(errors(SMALL, new Scenario.Variant("no day", null, removeAll))).containsExactly(new InputError(
                "$.variants[0].changes[5].blockId", "variant 'no day': block 'B6' is the day's last block"));
    }

    @Test
    void changeBlockTimesReplacesTheTimesGiven() {
        DayProblem day = apply(SMALL, new Change.ChangeBlockTimes("B2", null, LocalTime.of(9, 40)));

        TimeBlock b2 = day.blocks().get(1);
        assertThat(b2.start()).isEqualTo(LocalTime.of(9, 0));
        assertThat(b2.end()).isEqualTo(LocalTime.of(9, 40));
    }

    @Test
    void aBlockMustEndAfterItStarts() {
        assertThat(errors(SMALL, variant("late", new Change.ChangeBlockTimes("B2", LocalTime.of(10, 0), null))))
                .containsExactly(new InputError("$.variants[0].changes[0].start",
                        "variant 'late': block 'B2' would run from 10:00 to 09:45: it must end after it starts"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Modalities and weights
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void modalityRulesWriteTheDefaultWithTheFieldsChanged() {
        DayProblem day = apply(SMALL, new Change.ModalityRules(ModalityCatalog.SMALL_GROUP, null, 6, null),
                new Change.ModalityRules(ModalityCatalog.SMALL_GROUP, null, null, 5));

        ModalitySpec smallGroup = day.modalities().stream().filter(m -> m.id().equals(ModalityCatalog.SMALL_GROUP))
                .findFirst().orElseThrow();
        assertThat(day.modalities()).hasSize(1);
        assertThat(smallGroup.maxSize()).isEqualTo(6);
        assertThat(smallGroup.studentsPerAdult()).isEqualTo(5);
        assertThat(smallGroup.minSize()).isEqualTo(3);
        assertThat(smallGroup.leadership()).isEqualTo(Leadership.TEACHER);
        assertThat(ModalityCatalog.of(day.modalities()).get(ModalityCatalog.ONE_TO_ONE))
                .isEqualTo(ModalityCatalog.defaults().get(ModalityCatalog.ONE_TO_ONE));
    }

    @Test
    void modalityRulesMustKeepMinAtMostMax() {
        assertThat(errors(SMALL, variant("tiny", new Change.ModalityRules(ModalityCatalog.SMALL_GROUP, null, 2, null))))
                .containsExactly(new InputError("$.variants[0].changes[0].maxSize",
                        "variant 'tiny': modality 'small-group' would have minSize 3 above maxSize 2"));
    }

    @Test
    void weightsMergeOverTheDay() {
        DayProblem base = edit(SMALL, day -> day.putObject("weights").put("Catch-all used", 50).put("Open session", 5));

        DayProblem day = apply(base, new Change.Weights(Map.of("Open session", 0, "Staff changes rooms", 9)));

        assertThat(day.weights()).containsOnly(Map.entry("Catch-all used", 50), Map.entry("Open session", 0),
                Map.entry("Staff changes rooms", 9));
    }

    @Test
    void negativeWeightsAreAnError() {
        assertThat(errors(SMALL, variant("w", new Change.Weights(Map.of("Open session", -1))))).containsExactly(
                new InputError("$.variants[0].changes[0].weights[\"Open session\"]",
                        "variant 'w': weight of 'Open session' must be 0 or more, was -1"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void anUnknownIdIsNamedWithItsVariantAndPath() {
        Scenario.Variant variant = new Scenario.Variant("minus 2 aides", null,
                List.of(new Change.RemoveStaff("A01"), new Change.RemoveStaff("A99")));

        assertThatThrownBy(() -> ScenarioChanges.apply(SMALL, variant, 2))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        new InputError("$.variants[2].changes[1].staffId",
                                "variant 'minus 2 aides': unknown staff 'A99'")));
    }

    @Test
    void everyErrorOfTheVariantIsListed() {
        assertThat(errors(SMALL, variant("many",
                new Change.StaffAvailability("T09", List.of("B2", "B9")),
                new Change.CloseSpace("GYM", null),
                new Change.ModalityRules("dance", 2, null, null),
                new Change.RemoveBlock("B8"))))
                .containsExactly(
                        new InputError("$.variants[0].changes[0].staffId", "variant 'many': unknown staff 'T09'"),
                        new InputError("$.variants[0].changes[0].availableBlocks[1]", "variant 'many': unknown block 'B9'"),
                        new InputError("$.variants[0].changes[1].spaceId", "variant 'many': unknown space 'GYM'"),
                        new InputError("$.variants[0].changes[2].modalityId", "variant 'many': unknown modality 'dance'"),
                        new InputError("$.variants[0].changes[3].blockId", "variant 'many': unknown block 'B8'"));
    }

    @Test
    void idsAreCheckedAgainstTheDayAsTheEarlierChangesLeftIt() {
        assertThat(errors(SMALL, variant("twice", new Change.RemoveStaff("A01"), new Change.RemoveStaff("A01"))))
                .containsExactly(new InputError("$.variants[0].changes[1].staffId", "variant 'twice': unknown staff 'A01'"));
    }

    @Test
    void addingAnExistingIdIsAnError() {
        Staff t01 = staff(SMALL, "T01");
        Space lib = space(SMALL, "LIB01");
        TimeBlock b1 = SMALL.blocks().get(0);

        assertThat(errors(SMALL, variant("dup", new Change.AddStaff(t01), new Change.AddSpace(lib),
                new Change.AddBlock(b1)))).containsExactly(
                        new InputError("$.variants[0].changes[0].staff.id", "variant 'dup': staff 'T01' already exists"),
                        new InputError("$.variants[0].changes[1].space.id", "variant 'dup': space 'LIB01' already exists"),
                        new InputError("$.variants[0].changes[2].block.id", "variant 'dup': block 'B1' already exists"));
    }

    @Test
    void aVariantThatRemovesEveryAdultIsAnError() {
        List<Change> everyone = SMALL.staff().stream().<Change>map(s -> new Change.RemoveStaff(s.id())).toList();

        assertThatThrownBy(() -> ScenarioChanges.apply(SMALL, new Scenario.Variant("nobody", null, everyone), 1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).containsExactly(
                            new InputError("$.variants[1]", "variant 'nobody' removes every adult"));
                    assertThat(e.source()).isEqualTo("variant 'nobody'");
                });
    }

    @Test
    void missingFieldsAreErrors() {
        assertThat(errors(SMALL, variant("holes", new Change.RemoveStaff(null), new Change.AddSpace(null),
                new Change.StaffCaps("T01", null, null), null))).containsExactly(
                        new InputError("$.variants[0].changes[0].staffId", "variant 'holes': missing staffId"),
                        new InputError("$.variants[0].changes[1].space", "variant 'holes': missing space"),
                        new InputError("$.variants[0].changes[2]",
                                "variant 'holes': changes nothing: give maxTeachingBlocks or maxStudents"),
                        new InputError("$.variants[0].changes[3]", "variant 'holes': missing change"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The base day
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void theBaseDayIsNeverChanged() throws Exception {
        DayProblem base = withCatchAlls(SMALL, "{\"spaceId\":\"LIB01\",\"supervisorId\":\"A01\"}",
                "{\"spaceId\":\"STUDIO01\",\"blocks\":[\"B3\"]}");
        String before = Json.mapper().writeValueAsString(base);

        DayProblem day = apply(base,
                new Change.RemoveStaff("T01"), new Change.RemoveStaff("A01"),
                new Change.AddStaff(new Staff("X1", null, StaffRole.AIDE, null, null, null, null, null, null, false,
                        180.0)),
                new Change.StaffAvailability("T02", List.of("B2")), new Change.StaffCaps("T03", 1, 5),
                new Change.CloseSpace("CR01", List.of("B2")), new Change.OpenSpace("CR02"),
                new Change.AddSpace(new Space("X2", null, SpaceKind.LAB, 20, null, null, null, null)),
                new Change.ChangeSpace("LIB01", SpaceKind.LAB, 10, null, null),
                new Change.AddBlock(new TimeBlock("B7", LocalTime.of(14, 0), LocalTime.of(14, 30), 7, null, null,
                        false)),
                new Change.RemoveBlock("B3"), new Change.ChangeBlockTimes("B2", LocalTime.of(9, 5), null),
                new Change.ModalityRules(ModalityCatalog.SEMINAR, 4, null, null),
                new Change.Weights(Map.of("Open session", 1)));

        assertThat(Json.mapper().writeValueAsString(base)).isEqualTo(before);
        assertThat(Json.mapper().writeValueAsString(day)).isNotEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static Scenario.Variant variant(String name, Change... changes) {
        return new Scenario.Variant(name, null, Arrays.asList(changes));
    }

    private static DayProblem apply(DayProblem base, Change... changes) {
        return ScenarioChanges.apply(base, variant("v", changes), 0);
    }

    private static List<InputError> errors(DayProblem base, Scenario.Variant variant) {
        try {
            ScenarioChanges.apply(base, variant, 0);
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("expected errors for " + variant.name());
    }

    /** The day as JSON, edited, read back (the records are immutable). */
    private static DayProblem edit(DayProblem day, Consumer<ObjectNode> edit) {
        ObjectNode tree = Json.mapper().valueToTree(day);
        edit.accept(tree);
        try {
            return Json.mapper().treeToValue(tree, DayProblem.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DayProblem withCatchAlls(DayProblem day, String... catchAlls) {
        return edit(day, tree -> {
            ArrayNode list = ((ObjectNode) tree.get("school")).putArray("catchAll");
            for (String json : catchAlls) {
                try {
                    list.add(Json.mapper().readTree(json));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    private static ObjectNode studentNode(ObjectNode day, String id) {
        for (var s : day.get("students")) {
            if (s.get("id").asText().equals(id)) {
                return (ObjectNode) s;
            }
        }
        throw new AssertionError(id);
    }

    private static Staff staff(DayProblem day, String id) {
        return day.staff().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static Space space(DayProblem day, String id) {
        return day.spaces().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static Student student(DayProblem day, String id) {
        return day.students().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static <T> List<String> ids(List<T> list, java.util.function.Function<T, String> id) {
        return list.stream().map(id).toList();
    }
}
