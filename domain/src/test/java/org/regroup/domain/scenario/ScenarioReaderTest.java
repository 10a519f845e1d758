package org.regroup.domain.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.regroup.domain.DayProblem;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.StaffRole;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.io.DayProblemValidator;
import org.regroup.domain.io.Json;

/** What the reader makes of scenario files: every change type read, and every mistake named at its JSON path. */
class ScenarioReaderTest {

    private static final String EVERY_CHANGE = """
            {
              "format": "regroup/scenario",
              "version": 1,
              "id": "staffing",
              "name": "What if we lose two aides?",
              "base": "../small.json",
              "timeLimit": "1m30s",
              "variants": [
                {
                  "name": "minus 2 aides",
                  "description": "Both aides leave",
                  "changes": [
                    {"type": "remove-staff", "staffId": "A01"},
                    {"type": "add-staff", "staff": {"id": "TU02", "role": "tutor", "availableBlocks": ["B2"], "costPerDay": 220}},
                    {"type": "staff-availability", "staffId": "T01", "availableBlocks": ["B2", "B3"]},
                    {"type": "staff-caps", "staffId": "T02", "maxStudents": 10},
                    {"type": "close-space", "spaceId": "CR01", "blocks": ["B2"]},
                    {"type": "open-space", "spaceId": "CR01"},
                    {"type": "add-space", "space": {"id": "PORT01", "kind": "classroom", "capacity": 24}},
                    {"type": "change-space", "spaceId": "LIB01", "kind": "lab", "features": ["computers"]},
                    {"type": "add-block", "block": {"id": "B7", "start": "14:00", "end": "14:45"}},
                    {"type": "remove-block", "blockId": "B7"},
                    {"type": "change-block-times", "blockId": "B2", "end": "09:40"},
                    {"type": "modality-rules", "modalityId": "small-group", "maxSize": 6},
                    {"type": "weights", "weights": {"Open session": 0}}
                  ]
                }
              ],
              "fewest": {"role": "aide", "order": ["A01"]}
            }
            """;

    @Test
    void readsEveryChangeType() {
        Scenario s = parse(EVERY_CHANGE);

        assertThat(s.variants()).singleElement().satisfies(v -> assertThat(v.name()).isEqualTo("minus 2 aides"));
        List<Change> changes = s.variants().get(0).changes();
        assertThat(changes).extracting(c -> c.getClass().getSimpleName()).containsExactly("RemoveStaff", "AddStaff",
                "StaffAvailability", "StaffCaps", "CloseSpace", "OpenSpace", "AddSpace", "ChangeSpace", "AddBlock",
                "RemoveBlock", "ChangeBlockTimes", "ModalityRules", "Weights");
        assertThat(changes.get(0)).isEqualTo(new Change.RemoveStaff("A01"));
        assertThat(((Change.AddStaff) changes.get(1)).staff().costPerDay()).isEqualTo(220.0);
        assertThat(((Change.ChangeSpace) changes.get(7)).kind()).isEqualTo(SpaceKind.LAB);
        assertThat(changes.get(10)).isEqualTo(new Change.ChangeBlockTimes("B2", null, LocalTime.of(9, 40)));
        assertThat(s.fewest().role()).isEqualTo(StaffRole.AIDE);
        assertThat(s.timeLimit()).isEqualTo("1m30s");
    }

    @Test
    void writtenScenariosReadBackTheSame() throws Exception {
        Scenario s = parse(EVERY_CHANGE);

        String written = Json.mapper().writeValueAsString(s);

        assertThat(written).contains("\"type\" : \"remove-staff\"");
        assertThat(parse(written)).isEqualTo(s);
    }

    @Test
    void everyChangeTypeOfTheExampleAppliesToTheSmallDay() {
        DayProblem small = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);

        DayProblem day = ScenarioChanges.apply(small, parse(EVERY_CHANGE).variants().get(0), 0);

        assertThat(day.staff()).extracting(s -> s.id()).doesNotContain("A01").contains("TU02");
    }

    @Test
    void headerErrorsAreAllReported() {
        assertThat(errorsOf("""
                {"format": "regroup/plan", "version": 2, "variants": []}
                """)).containsExactly(
                new InputError("$.format", "is \"regroup/plan\", expected \"regroup/scenario\""),
                new InputError("$.version", "version 2 is not supported; this Regroup reads version 1"),
                new InputError("$.base", "missing: the base day-problem file, relative to the scenario file"),
                new InputError("$.variants", "at least one variant is needed"));
    }

    @Test
    void variantsNeedUniqueNames() {
        assertThat(errorsOf(scenario("""
                {"name": "a", "changes": []}, {"changes": []}, {"name": "a", "changes": []}, null
                """))).containsExactly(
                new InputError("$.variants[1].name", "missing: every variant needs a name for the report"),
                new InputError("$.variants[2].name", "variant name 'a' is already used by $.variants[0]"),
                new InputError("$.variants[3]", "missing variant"));
    }

    @Test
    void noVariantMayBeCalledBase() {
        assertThat(errorsOf(scenario("""
                {"name": "Base", "changes": []}
                """))).containsExactly(new InputError("$.variants[0].name",
                "'Base' is the name of the base day in the report; give the variant another name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "0s", "0m0s", "1.5m", "s", "30 s", "1x", "-5s", ""})
    void badTimeLimitsAreErrors(String limit) {
        assertThat(errorsOf(EVERY_CHANGE.replace("\"1m30s\"", "\"" + limit + "\""))).containsExactly(new InputError(
                "$.timeLimit", "cannot read '" + limit + "' as a time limit: write a positive duration like \"30s\", "
                        + "\"2m\", \"500ms\" or \"1m30s\""));
    }

    @Test
    void aCostUnitIsReadAndIsAbsentUnlessGiven() {
        assertThat(parse(EVERY_CHANGE).costUnit()).isNull();
        assertThat(parse(EVERY_CHANGE.replace("\"timeLimit\"", "\"costUnit\": \"EUR\", \"timeLimit\"")).costUnit())
                .isEqualTo("EUR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "a very long currency name", "E\\nUR"})
    void aCostUnitMustBeAShortLabel(String unit) {
        assertThat(errorsOf(EVERY_CHANGE.replace("\"timeLimit\"", "\"costUnit\": \"" + unit + "\", \"timeLimit\"")))
                .containsExactly(new InputError("$.costUnit", "must be a short label like \"EUR\", \"USD\" or "
                        + "\"$\" (1 to 16 characters, no control characters)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30s", "2m", "500ms", "1m30s", "1h", "0m5s"})
    void timeLimitsLikeTheCommandLinesAreRead(String limit) {
        assertThat(parse(EVERY_CHANGE.replace("\"1m30s\"", "\"" + limit + "\"")).timeLimit()).isEqualTo(limit);
    }

    @Test
    void anUnknownChangeTypeNamesTheAllowedTypes() {
        List<InputError> errors = errorsOf(scenario("""
                {"name": "a", "changes": [{"type": "remove-staff", "staffId": "A01"}, {"type": "fire", "staffId": "A01"}]}
                """));

        assertThat(errors).containsExactly(new InputError("$.variants[0].changes[1].type",
                "unknown change type 'fire'; \"type\" is one of 'remove-staff', 'add-staff', 'staff-availability', "
                        + "'staff-caps', 'close-space', 'open-space', 'add-space', 'change-space', 'add-block', "
                        + "'remove-block', 'change-block-times', 'modality-rules', 'weights'"));
    }

    @Test
    void aChangeWithoutTypeIsAnError() {
        List<InputError> errors = errorsOf(scenario("""
                {"name": "a", "changes": [{"staffId": "A01"}]}
                """));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("$.variants[0].changes[0].type");
            assertThat(e.message()).startsWith("missing change type; \"type\" is one of 'remove-staff'");
        });
    }

    @Test
    void missingChangeFieldsAreReportedWithTheVariant() {
        assertThat(errorsOf(scenario("""
                {"name": "a", "changes": [{"type": "remove-staff"}, {"type": "add-block", "block": {"id": "B9"}}, null,
                  {"type": "staff-caps", "staffId": "T01", "maxStudents": 0}, {"type": "weights"}]}
                """))).containsExactly(
                new InputError("$.variants[0].changes[0].staffId", "variant 'a': missing staffId"),
                new InputError("$.variants[0].changes[1].block.start", "variant 'a': missing block.start"),
                new InputError("$.variants[0].changes[1].block.end", "variant 'a': missing block.end"),
                new InputError("$.variants[0].changes[2]", "variant 'a': missing change"),
                new InputError("$.variants[0].changes[3].maxStudents", "variant 'a': maxStudents must be 1 or more, was 0"),
                new InputError("$.variants[0].changes[4].weights",
                        "variant 'a': missing: give at least one rule name and its weight"));
    }

    @Test
    void unknownFieldsAreErrors() {
        assertThat(errorsOf(scenario("""
                {"name": "a", "changes": [{"type": "remove-staff", "id": "A01"}]}
                """))).containsExactly(new InputError("$.variants[0].changes[0].id", "unknown field 'id'"));
    }

    @Test
    void theFewestSearchNeedsARole() {
        assertThat(errorsOf(EVERY_CHANGE.replace("\"role\": \"aide\", ", ""))).containsExactly(
                new InputError("$.fewest.role", "missing: the role whose number is searched (e.g. \"aide\")"));
    }

    @Test
    void theBaseIsReadRelativeToTheScenarioFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("scenarios"));
        Path scenarioFile = dir.resolve("scenarios/what-if.json");
        Files.writeString(scenarioFile, EVERY_CHANGE);
        DayProblem small = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);
        Json.writeAtomically(dir.resolve("small.json"), small);

        Scenario s = ScenarioReader.read(scenarioFile);

        assertThat(ScenarioReader.base(s, scenarioFile)).isEqualTo(small);
    }

    @Test
    void aMissingBaseNamesTheScenarioFile(@TempDir Path dir) throws Exception {
        Path scenarioFile = dir.resolve("what-if.json");
        Files.writeString(scenarioFile, EVERY_CHANGE);
        Scenario s = ScenarioReader.read(scenarioFile);

        assertThatThrownBy(() -> ScenarioReader.base(s, scenarioFile))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.source()).isEqualTo(scenarioFile.toString());
                    assertThat(e.errors()).containsExactly(new InputError("$.base",
                            "base day " + dir.getParent().resolve("small.json") + ": file not found"));
                });
    }

    @Test
    void aMissingFileIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> ScenarioReader.read(dir.resolve("nope.json")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new InputError("$", "file not found")));
    }

    /** The scenario the README runs (written with the solver side; skipped until it is there). */
    @Test
    void theBundledExampleReads() {
        Path file = Path.of("..", "datasets", "scenarios", "medium-staffing.json");
        Assumptions.assumeTrue(Files.exists(file), "datasets/scenarios/medium-staffing.json not written yet");

        Scenario s = ScenarioReader.read(file);
        DayProblem base = ScenarioReader.base(s, file);

        assertThat(s.variants()).isNotEmpty();
        assertThat(DayProblemValidator.validate(base)).as("base day").isEmpty();
        for (int v = 0; v < s.variants().size(); v++) {
            DayProblem day = ScenarioChanges.apply(base, s.variants().get(v), v);
            assertThat(DayProblemValidator.validate(day)).as(s.variants().get(v).name()).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String scenario(String variants) {
        return """
                {"format": "regroup/scenario", "version": 1, "base": "day.json", "variants": [%s]}
                """.formatted(variants);
    }

    private static Scenario parse(String text) {
        return ScenarioReader.parse(text.getBytes(StandardCharsets.UTF_8), "test.json");
    }

    private static List<InputError> errorsOf(String text) {
        try {
            parse(text);
        } catch (InvalidInputException e) {
            assertThat(e.source()).isEqualTo("test.json");
            return e.errors();
        }
        throw new AssertionError("expected errors");
    }
}
