package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.io.Json;

/**
 * {@code regroup solve} on bad input: exit 2, one clear message naming the file and the JSON path or id at fault, no
 * stack trace, and nothing written.
 */
class SolveBadInputTest {

    @TempDir
    Path dir;

    /** Solves {@code file} with a plan path in the temp dir; checks what every bad input must do. */
    private Cli.Run solveBad(Path file, String... more) throws IOException {
        Path plan = dir.resolve("out").resolve("plan.json");
        String[] args = new String[4 + more.length];
        args[0] = "solve";
        args[1] = file.toString();
        args[2] = "--out";
        args[3] = plan.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        var before = Cli.filesIn(dir);

        Cli.Run run = Cli.run(args);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertNoStackTrace(run);
        assertThat(run.err()).as(run.toString()).startsWith("regroup: ");
        assertThat(run.out()).as(run.toString()).isEmpty();
        assertThat(plan).doesNotExist();
        assertThat(Cli.filesIn(dir)).as("nothing written").isEqualTo(before);
        return run;
    }

    /** As {@link #solveBad} for a file the reader rejects: the message names the file, then each error. */
    private Cli.Run solveInvalid(Path file, String... more) throws IOException {
        Cli.Run run = solveBad(file, more);
        assertThat(run.err()).as(run.toString()).startsWith("regroup: " + file + ": ")
                .contains("nothing was solved or written");
        return run;
    }

    private static void assertNoStackTrace(Cli.Run run) {
        assertThat(run.err()).as(run.toString()).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("internal error");
    }

    @Test
    void anOutWhereNoFileCanBeMadeIsRefusedBeforeSolving() throws IOException {
        Path day = Cli.write(dir, "day.json", Cli.smallTree());
        for (String out : new String[] {"/proc/plan.json", "/proc/regroup/plans/plan.json"}) {
            Cli.Run run = Cli.run("solve", day.toString(), "--out", out, "--step-limit", "10");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
            assertNoStackTrace(run);
            assertThat(run.err()).as(run.toString()).startsWith("regroup: --out " + out + ": cannot");
            assertThat(run.out()).as("nothing was solved: %s", run).isEmpty();
        }
    }

    @Test
    void malformedJson() throws IOException {
        Path file = Cli.write(dir, "broken.json", "{\n  \"format\": \"regroup/day-problem\",\n  \"version\": 1,\n"
                + "  \"blocks\": [ {\"id\": \"B1\",, } ]\n}\n");

        Cli.Run run = solveInvalid(file);

        assertThat(run.err()).contains("1 error").contains("  $: malformed JSON at line 4, column");
    }

    @Test
    void truncatedJson() throws IOException {
        String whole = Json.mapper().writeValueAsString(Cli.smallTree());
        Path file = Cli.write(dir, "truncated.json", whole.substring(0, whole.length() / 2));

        Cli.Run run = solveInvalid(file);

        assertThat(run.err()).contains("$: malformed JSON at line");
    }

    @Test
    void unknownField() throws IOException {
        ObjectNode day = Cli.smallTree();
        ((ObjectNode) day.withArray("students").get(2)).put("favouriteColour", "green");

        Cli.Run run = solveInvalid(Cli.write(dir, "day.json", day));

        assertThat(run.err()).contains("$.students[2].favouriteColour: unknown field 'favouriteColour'");
    }

    @Test
    void unknownAdvisorId() throws IOException {
        ObjectNode day = Cli.smallTree();
        ((ObjectNode) day.withArray("students").get(3)).put("advisorId", "T99");

        Cli.Run run = solveInvalid(Cli.write(dir, "day.json", day));

        assertThat(run.err()).contains("1 error").contains("$.students[3].advisorId: unknown staff 'T99'");
    }

    @Test
    void duplicateStudentIds() throws IOException {
        ObjectNode day = Cli.smallTree();
        ArrayNode students = day.withArray("students");
        String first = students.get(0).get("id").asText();
        ((ObjectNode) students.get(5)).put("id", first);

        Cli.Run run = solveInvalid(Cli.write(dir, "day.json", day));

        assertThat(run.err()).contains("$.students[5].id: duplicate id '" + first + "'");
    }

    @Test
    void cyclicPrerequisitesNameTheCycle() throws IOException {
        ObjectNode day = Cli.smallTree();
        ArrayNode edges = day.withArray("prerequisites");
        String before = edges.get(0).get("prerequisite").asText();
        String after = edges.get(0).get("skill").asText();
        edges.addObject().put("prerequisite", after).put("skill", before);

        Cli.Run run = solveInvalid(Cli.write(dir, "day.json", day));

        assertThat(run.err()).contains("$.prerequisites[" + (edges.size() - 1) + "]")
                .contains("prerequisites form a cycle: ").contains(before).contains(after).contains(" -> ");
    }

    @Test
    void negativeCapacity() throws IOException {
        ObjectNode day = Cli.smallTree();
        ObjectNode space = (ObjectNode) day.withArray("spaces").get(1);
        space.put("capacity", -4);

        Cli.Run run = solveInvalid(Cli.write(dir, "day.json", day));

        assertThat(run.err()).contains("$.spaces[1].capacity: ").contains("'" + space.get("id").asText() + "'")
                .contains("-4");
    }

    @Test
    void blockWithNoStaffAvailable() throws IOException {
        ObjectNode day = Cli.smallTree();
        ArrayNode blocks = day.withArray("blocks");
        String gone = blocks.get(2).get("id").asText();
        for (var staff : day.withArray("staff")) {
            ArrayNode available = ((ObjectNode) staff).putArray("availableBlocks");
            blocks.forEach(b -> {
                if (!b.get("id").asText().equals(gone)) {
                    available.add(b.get("id").asText());
                }
            });
        }

        Cli.Run run = solveInvalid(Cli.write(dir, "day.json", day));

        assertThat(run.err()).contains("$.blocks[2]: no staff member is available in block '" + gone + "'");
    }

    @Test
    void accommodationThatCanNeverBeMet() throws IOException {
        ObjectNode day = Cli.smallTree();
        ObjectNode student = (ObjectNode) day.withArray("students").get(0);
        int blocks = day.withArray("blocks").size();
        student.putObject("accommodations").put("minStaffLedBlocks", blocks + 1);

        Cli.Run run = solveInvalid(Cli.write(dir, "day.json", day));

        assertThat(run.err()).contains("$.students[0].accommodations.minStaffLedBlocks: ")
                .contains("student '" + student.get("id").asText() + "' needs " + (blocks + 1));
    }

    @Test
    void anAdminRequiredTripForAStudentWhoMustStayOnSiteNamesBoth() throws IOException {
        ObjectNode day = Cli.smallTree();
        ObjectNode student = (ObjectNode) day.withArray("students").get(0);
        student.putObject("accommodations").put("noOffSite", true);
        ArrayNode requests = day.withArray("requests");
        requests.addObject().put("studentId", student.get("id").asText()).put("modality", "off-site")
                .put("priority", "admin-required").put("requestedBy", "admin");

        Cli.Run run = solveInvalid(Cli.write(dir, "day.json", day));

        assertThat(run.err()).contains("$.requests[" + (requests.size() - 1) + "]: admin-required request")
                .contains("$.students[0].accommodations.noOffSite");
    }

    @Test
    void quietSpaceWhenNoSpaceIsQuiet() throws IOException {
        ObjectNode day = Cli.smallTree();
        day.withArray("spaces").forEach(s -> ((ObjectNode) s).remove("features"));
        ObjectNode student = (ObjectNode) day.withArray("students").get(1);
        student.putObject("accommodations").put("quietSpace", true);

        Cli.Run run = solveInvalid(Cli.write(dir, "day.json", day));

        assertThat(run.err()).contains("$.students[1].accommodations.quietSpace: ")
                .contains("'" + student.get("id").asText() + "' needs a quiet space");
    }

    @Test
    void everyErrorIsListedNotJustTheFirst() throws IOException {
        ObjectNode day = Cli.smallTree();
        ((ObjectNode) day.withArray("students").get(3)).put("advisorId", "T99");
        ((ObjectNode) day.withArray("spaces").get(0)).put("capacity", 0);

        Cli.Run run = solveInvalid(Cli.write(dir, "day.json", day));

        assertThat(run.err()).contains("2 errors").contains("$.students[3].advisorId").contains("$.spaces[0].capacity");
    }

    // ---- issue 14: dates in a sane range and strict ISO, nulls in lists, values the store could not keep ----

    @Test
    void aDateOutOfRangeOrWithATimeIsRefused() throws IOException {
        for (String date : new String[] {"+10000-01-01", "2026-11-23T00:00:00Z", "1899-12-31", "2026-02-30"}) {
            ObjectNode day = Cli.smallTree();
            day.put("date", date);

            Cli.Run run = solveInvalid(Cli.write(dir, "day.json", day));

            assertThat(run.err()).as(date).contains("$.date: cannot read '" + date + "' as a date like");
            Files.delete(dir.resolve("day.json"));
        }
    }

    @Test
    void aNullInAListIsAnErrorAtItsIndex() throws IOException {
        ObjectNode day = Cli.smallTree();
        ((ObjectNode) day.withArray("spaces").get(1)).putArray("features").add("quiet").addNull();

        Cli.Run run = solveInvalid(Cli.write(dir, "day.json", day));

        assertThat(run.err()).contains("$.spaces[1].features[1]: null is not an entry");
    }

    @Test
    void negativeOneToOneMinutesForAStudentAwayToday() throws IOException {
        ObjectNode day = Cli.smallTree();
        ObjectNode student = (ObjectNode) day.withArray("students").get(0);
        student.put("absent", true);
        student.putObject("accommodations").put("oneToOneMinutes", -5);

        Cli.Run run = solveInvalid(Cli.write(dir, "day.json", day));

        assertThat(run.err()).contains("$.students[0].accommodations.oneToOneMinutes: cannot be negative, was -5");
    }

    @Test
    void textLongerThanASchoolCanKeep() throws IOException {
        ObjectNode day = Cli.smallTree();
        ((ObjectNode) day.get("school")).put("name", "N".repeat(201));

        Cli.Run run = solveInvalid(Cli.write(dir, "day.json", day));

        assertThat(run.err()).contains("$.school.name: is 201 characters long; at most 200 are kept");
    }

    /** Found by the fuzz test: the same catch-all twice was a solver failure (exit 1), "same planningId". */
    @Test
    void twoCatchAllsOfOneSpaceInOneBlock() throws IOException {
        ObjectNode day = Cli.smallTree();
        ArrayNode catchAll = ((ObjectNode) day.get("school")).withArray("catchAll");
        String space = day.withArray("spaces").get(0).get("id").asText();
        catchAll.removeAll();
        catchAll.addObject().put("spaceId", space);
        catchAll.addObject().put("spaceId", space).putArray("blocks").add("B2");

        Cli.Run run = solveInvalid(Cli.write(dir, "day.json", day));

        assertThat(run.err()).contains("$.school.catchAll[1].spaceId: space '" + space + "' already has a catch-all "
                + "in block 'B2' ($.school.catchAll[0])");
    }

    @Test
    void fileThatDoesNotExist() throws IOException {
        Path missing = dir.resolve("no-such-day.json");

        Cli.Run run = solveInvalid(missing);

        assertThat(run.err()).contains("file not found");
    }

    @Test
    void unknownSoftWeightName() throws IOException {
        ObjectNode day = Cli.smallTree();
        day.putObject("weights").put("noSuchRule", 5);

        Cli.Run run = solveInvalid(Cli.write(dir, "day.json", day));

        assertThat(run.err()).contains("$.weights[\"noSuchRule\"]: 'noSuchRule' is not a soft rule")
                .contains("soft rules are: ");
    }

    @Test
    void explainNamingAnUnknownStudentFailsBeforeSolving() throws IOException {
        Path file = Cli.writeSmall(dir);

        Cli.Run run = solveBad(file, "--time-limit", "60s", "--explain", "NOBODY@B2");

        // Nothing but the message: no "Planning …" line, so it stopped before solving (not after the 60 s).
        assertThat(run.err()).isEqualTo("regroup: --explain: no student 'NOBODY' in " + file
                + "; give the id of one of its students, e.g. --explain " + Cli.small().students().get(0).id()
                + System.lineSeparator());
    }

    @Test
    void explainNamingAnUnknownBlockFailsBeforeSolving() throws IOException {
        Path file = Cli.writeSmall(dir);
        String student = Cli.small().students().get(0).id();

        Cli.Run run = solveBad(file, "--time-limit", "60s", "--explain", student + "@B99");

        assertThat(run.err()).contains("--explain: no block 'B99' in " + file).contains("its blocks are B1, B2")
                .as("stopped before solving").doesNotContain("Planning");
    }

    @Test
    void timeLimitThatIsNotADuration() throws IOException {
        Path file = Cli.writeSmall(dir);

        Cli.Run run = solveBad(file, "--time-limit", "banana");

        assertThat(run.err()).contains("--time-limit").contains("'banana'").contains("like 30s")
                .contains("regroup solve --help");
    }

    @Test
    void negativeStepLimit() throws IOException {
        Path file = Cli.writeSmall(dir);

        Cli.Run run = solveBad(file, "--step-limit", "-1");

        assertThat(run.err()).contains("--step-limit must be 0 or more, was -1");
    }

    @Test
    void outThatIsADirectory() throws IOException {
        Path file = Cli.writeSmall(dir);
        Path target = Files.createDirectory(dir.resolve("plans"));

        Cli.Run run = Cli.run("solve", file.toString(), "--out", target.toString(), "--time-limit", "60s");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertNoStackTrace(run);
        assertThat(run.err()).contains("--out " + target + " is a directory")
                .contains("e.g. --out " + target.resolve("small.plan.json"))
                .as("stopped before solving").doesNotContain("Planning");
        assertThat(target).isEmptyDirectory();
        assertThat(Cli.filesIn(dir)).containsExactly(Path.of("small.json"));
    }

    @Test
    void outBelowAFileFailsBeforeSolving() throws IOException {
        Path file = Cli.writeSmall(dir);
        Path target = file.resolve("plan.json");

        Cli.Run run = Cli.run("solve", file.toString(), "--out", target.toString(), "--time-limit", "60s");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertNoStackTrace(run);
        assertThat(run.err()).contains("--out " + target).contains(file + " is a file, not a directory")
                .as("stopped before solving").doesNotContain("Planning");
        assertThat(Cli.filesIn(dir)).containsExactly(Path.of("small.json"));
    }

    @Test
    void outThatIsTheInputItselfIsRefused() throws IOException {
        Path file = Cli.writeSmall(dir);
        byte[] before = Files.readAllBytes(file);

        Cli.Run run = Cli.run("solve", file.toString(), "--out", dir.resolve(".").resolve("small.json").toString(),
                "--time-limit", "60s");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertNoStackTrace(run);
        assertThat(run.err()).contains("is the day problem itself").contains("small.plan.json");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void missingFileArgument() {
        Cli.Run run = Cli.run("solve");

        assertThat(run.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertNoStackTrace(run);
        assertThat(run.err()).contains("FILE").contains("regroup solve --help");
    }
}
