package org.regroup.domain.io;

import org.regroup.domain.InvalidInputException;
import org.regroup.domain.InputError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.regroup.domain.io.DayJson.arr;
import static org.regroup.domain.io.DayJson.errorsOf;
import static org.regroup.domain.io.DayJson.obj;
import static org.regroup.domain.io.DayJson.valid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.Student;
import org.regroup.domain.catalog.ModalityCatalog;

/**
 * What the reader makes of text that is not a well-formed day problem: one error, at the JSON path (or the line and
 * column) at fault, in words a scheduler understands, and never a parser stack trace.
 */
class DayProblemReaderTest {

    // ---------------------------------------------------------------------------------------------------------------
    // Malformed JSON
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void malformedJsonNamesLineAndColumn() {
        String text = """
                {
                  "format": "regroup/day-problem",
                  "version": 1,,
                  "school": {}
                }
                """;

        List<InputError> errors = errorsOf(text);

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path()).isEqualTo("$");
        // the second comma is the 16th character of line 3
        assertThat(errors.get(0).message()).startsWith("malformed JSON at line 3, column 16");
    }

    @Test
    void textAfterTheDocumentIsMalformed() {
        String text = DayJson.text(valid()) + "\n}";

        List<InputError> errors = errorsOf(text);

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path()).isEqualTo("$");
        assertThat(errors.get(0).message()).startsWith("malformed JSON at line " + text.split("\n").length);
    }

    @Test
    void malformedJsonInsideAnObjectNamesLineAndColumn() {
        String text = """
                {
                  "format": "regroup/day-problem",
                  "version": 1,
                  "school": { "id": "maple", },
                  "blocks": []
                }
                """;

        List<InputError> errors = errorsOf(text);

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).message()).startsWith("malformed JSON at line 4, column ");
    }

    @Test
    void aTruncatedDocumentIsMalformed() {
        String text = "{\n  \"format\": \"regroup/day-problem\",\n  \"version\": 1,\n  \"blocks\": [\n";

        List<InputError> errors = errorsOf(text);

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).message()).startsWith("malformed JSON at line ");
    }

    @Test
    void emptyTextNullAndAnArrayAreNotDayProblems() {
        assertThat(errorsOf("")).extracting(InputError::path).containsExactly("$");
        assertThat(errorsOf("null")).extracting(InputError::path).containsExactly("$");
        assertThat(errorsOf("[]")).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("$");
            assertThat(e.message()).contains("object");
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Unknown fields and wrong types
    // ---------------------------------------------------------------------------------------------------------------

    static Stream<Arguments> jsonMistakes() {
        return Stream.of(
                mistake("misspelt top-level field", d -> d.set("studnets", d.remove("students")),
                        "$.studnets", "unknown field", "'studnets'"),
                mistake("misspelt nested field", d -> {
                    ObjectNode cy = obj(d, "/students/2");
                    cy.set("acommodations", cy.remove("accommodations"));
                }, "$.students[2].acommodations", "unknown field", "'acommodations'"),
                mistake("misspelt field in a catch-all", d -> obj(d, "/school/catchAll/0")
                        .put("space", "commons"), "$.school.catchAll[0].space", "unknown field", "'space'"),
                mistake("string where a number is expected", d -> obj(d, "/spaces/0").put("capacity", "twenty"),
                        "$.spaces[0].capacity", "'twenty'", "number"),
                mistake("string where the version number is expected", d -> d.put("version", "one"),
                        "$.version", "'one'", "number"),
                mistake("string where a mastery is expected", d -> obj(d, "/students/0/mastery").put("nf-1", "high"),
                        "$.students[0].mastery[\"nf-1\"]", "'high'", "number"),
                mistake("object where a list is expected", d -> d.putObject("blocks"), "$.blocks", "list"),
                mistake("list where an object is expected", d -> d.putArray("school"), "$.school", "object"),
                mistake("string where true or false is expected", d -> obj(d, "/students/3").put("absent", "maybe"),
                        "$.students[3].absent", "true or false"),
                mistake("unknown enum value", d -> obj(d, "/staff/0").put("role", "janitor"),
                        "$.staff[0].role", "'janitor'", "'teacher'", "'counselor'"),
                mistake("unknown skill state", d -> arr(d, "/modalities/1/suits").add("bored"),
                        "$.modalities[1].suits[1]", "'bored'", "'near-mastery'"),
                mistake("time not as HH:MM", d -> obj(d, "/blocks/0").put("start", "9am"),
                        "$.blocks[0].start", "'9am'", "09:00"),
                mistake("date not as YYYY-MM-DD", d -> d.put("date", "23/11/2026"),
                        "$.date", "'23/11/2026'", "2026-11-23"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonMistakes")
    void aJsonMistakeIsReportedAtItsPath(String mistake, Consumer<ObjectNode> change, String path,
            List<String> says) {
        ObjectNode day = valid();
        change.accept(day);

        List<InputError> errors = errorsOf(day);

        assertThat(errors).as("errors for: " + mistake).hasSize(1);
        assertThat(errors.get(0).path()).isEqualTo(path);
        assertThat(errors.get(0).message()).contains(says);
    }

    static Stream<Arguments> laxScalars() {
        return Stream.of(
                mistake("fractional version", d -> d.put("version", 1.5), "$.version"),
                mistake("fractional capacity", d -> obj(d, "/spaces/0").put("capacity", 20.7), "$.spaces[0].capacity"),
                mistake("number as text", d -> obj(d, "/spaces/0").put("capacity", "20"), "$.spaces[0].capacity"),
                mistake("number where an id is expected", d -> obj(d, "/spaces/0").put("name", 12),
                        "$.spaces[0].name"),
                mistake("number where true or false is expected", d -> obj(d, "/students/3").put("absent", 1),
                        "$.students[3].absent"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("laxScalars")
    void aValueOfTheWrongJsonTypeIsRejectedEvenWhenJacksonCouldCoerceIt(String mistake, Consumer<ObjectNode> change,
            String path, List<String> says) {
        ObjectNode day = valid();
        change.accept(day);

        assertThat(errorsOf(day)).extracting(InputError::path).containsExactly(path);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Optional fields and collections
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void optionalCollectionsMayBeLeftOut() {
        String minimal = """
                {
                  "format": "regroup/day-problem",
                  "version": 1,
                  "school": {},
                  "blocks": [{ "id": "b1", "start": "09:00", "end": "09:45", "doubleWithNext": false }]
                }
                """;

        assertThat(errorsOf(minimal)).isEmpty();
        DayProblem p = DayProblemReader.parse(minimal.getBytes(StandardCharsets.UTF_8), "test");
        assertThat(p.skills()).isEmpty();
        assertThat(p.students()).isEmpty();
        assertThat(p.weights()).isEmpty();
        assertThat(p.school().catchAll()).isEmpty();
        assertThat(p.school().masteryThresholdOrDefault()).isEqualTo(0.8);
    }

    @Test
    void optionalBooleansMayBeLeftOutAndMeanFalse() {
        ObjectNode day = valid();
        arr(day, "/blocks").forEach(b -> ((ObjectNode) b).remove("doubleWithNext"));
        arr(day, "/staff").forEach(s -> ((ObjectNode) s).remove("maySuperviseOffSite"));
        arr(day, "/students").forEach(s -> ((ObjectNode) s).remove("absent"));
        obj(day, "/students/0/accommodations").remove("noOffSite");
        obj(day, "/students/0/accommodations").remove("quietSpace");
        obj(day, "/students/3").put("absent", true);

        assertThat(errorsOf(day)).isEmpty();
        DayProblem p = DayProblemReader.parse(DayJson.text(day).getBytes(StandardCharsets.UTF_8), "test");
        assertThat(p.blocks().get(0).doubleWithNext()).isFalse();
        assertThat(p.staff().get(0).maySuperviseOffSite()).isFalse();
        assertThat(p.students().get(0).absent()).isFalse();
        assertThat(p.students().get(0).accommodationsOrNone().quietSpace()).isFalse();
    }

    @Test
    void aNullEntryInAListIsReportedAtItsIndex() {
        ObjectNode day = valid();
        arr(day, "/students").addNull();

        List<InputError> errors = errorsOf(day);

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path()).isEqualTo("$.students[4]");
    }

    @Test
    void emptyListsThatMeanNoneSurviveWritingAndReading() throws IOException {
        Student away = new Student("s1", null, 3, null, null, null, null, null, null, null, null, null, false,
                List.of(), null);
        Staff leadsNothing = new Staff("t1", null, StaffRole.TEACHER, null, List.of(), List.of(), null, null, null,
                false, null);

        Student s = Json.mapper().readValue(Json.mapper().writeValueAsString(away), Student.class);
        Staff t = Json.mapper().readValue(Json.mapper().writeValueAsString(leadsNothing), Staff.class);

        assertThat(s.availableIn("b1")).as("present in no block").isFalse();
        assertThat(t.availableIn("b1")).as("available in no block").isFalse();
        assertThat(t.modalities()).as("leads nothing, not the role defaults " + ModalityCatalog.roleDefaults(
                StaffRole.TEACHER)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Files
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void aFileThatIsNotThereIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("monday.json");

        assertThatThrownBy(() -> DayProblemReader.read(missing))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.source()).isEqualTo(missing.toString());
                    assertThat(e.errors()).containsExactly(new InputError("$", "file not found"));
                });
    }

    @Test
    void aFileIsReadAndErrorsNameIt(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("monday.json");
        Files.writeString(good, DayJson.text(valid()));
        ObjectNode broken = valid();
        obj(broken, "/spaces/0").put("capacity", 0);
        Path bad = dir.resolve("tuesday.json");
        Files.writeString(bad, DayJson.text(broken));

        assertThat(DayProblemReader.read(good).students()).hasSize(4);
        assertThatThrownBy(() -> DayProblemReader.read(bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.source()).isEqualTo(bad.toString());
                    assertThat(e.getMessage()).startsWith(bad + ": 1 error");
                });
    }

    @Test
    void theValidDayReadsAsWritten() {
        DayProblem p = DayProblemReader.parse(DayJson.text(valid()).getBytes(StandardCharsets.UTF_8), "test");

        assertThat(p.id()).isEqualTo("maple-2026-11-23");
        assertThat(p.date()).hasToString("2026-11-23");
        assertThat(p.blocks()).extracting(b -> b.id() + " " + b.minutes())
                .containsExactly("b1 45", "b2 45", "adv 20", "act 55");
        assertThat(p.staff().get(1).modalities()).hasSize(4);
        assertThat(p.staff().get(0).modalities()).as("role defaults apply when absent").isNull();
        assertThat(p.students().get(2).availableIn("act")).isFalse();
        assertThat(p.students().get(1).availableIn("b2")).as("on a commitment").isFalse();
        assertThat(p.students().get(3).availableIn("b1")).as("absent").isFalse();
        assertThat(p.requests().get(2).priorityOrDefault()).hasToString("DEFAULT");
        assertThat(ModalityCatalog.of(p.modalities()).get("small-group").maxSize()).isEqualTo(10);
        assertThat(ModalityCatalog.of(p.modalities()).get("small-group").minSize()).as("default kept").isEqualTo(3);
        assertThat(p.weights()).containsEntry("Catch-all used", 60);
    }

    private static Arguments mistake(String name, Consumer<ObjectNode> change, String path, String... says) {
        return Arguments.of(name, change, path, List.of(says));
    }
}
