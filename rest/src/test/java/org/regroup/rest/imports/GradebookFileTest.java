package org.regroup.rest.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.regroup.domain.io.oneroster.ExportFiles;
import org.regroup.domain.io.oneroster.ImportProblem;
import org.regroup.domain.io.oneroster.Problems;
import org.regroup.rest.days.EvidenceService;

/**
 * Reading a OneRoster 1.2 gradebook export into evidence: the bundled demo gradebook gives one result per graded
 * result and skill, scaled by its line item's range; what is not the school's is skipped and said; each fault of the
 * export is an error at its file, line and column.
 */
class GradebookFileTest {

    private static final Path DEMO = Path.of("..", "datasets", "results", "demo-gradebook");
    private static final Set<String> STUDENTS = Set.of("s-demo-0001", "s-demo-0002", "s-demo-0005", "s-demo-0014",
            "s-demo-0026");
    private static final Set<String> SKILLS = Set.of("1.OA.6", "1.NBT.2", "2.NBT.5");

    private static Map<String, byte[]> demo() throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (var list = Files.list(DEMO)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static List<ResultsFile.Line> read(Map<String, byte[]> files, Problems problems) {
        return GradebookFile.read(ExportFiles.of(files), STUDENTS, SKILLS, problems);
    }

    private static Map<String, byte[]> with(String file, String csv) throws IOException {
        Map<String, byte[]> files = demo();
        files.put(file, csv.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static List<String> errors(Map<String, byte[]> files) {
        Problems problems = new Problems();
        read(files, problems);
        return problems.errors().stream().map(ImportProblem::toString).toList();
    }

    @Test
    void theDemoGradebookGivesOneResultPerGradedResultAndSkillScaledByItsLineItem() throws IOException {
        Problems problems = new Problems();

        List<ResultsFile.Line> lines = read(demo(), problems);

        assertThat(problems.errors()).isEmpty();
        Map<String, EvidenceService.Result> byId = new HashMap<>();
        lines.forEach(l -> byId.put(l.result().eventId(), l.result()));
        assertThat(byId).containsOnlyKeys("oneroster-r-0001-1.OA.6", "oneroster-r-0002-1.OA.6",
                "oneroster-r-0004-1.NBT.2", "oneroster-r-0004-2.NBT.5", "oneroster-r-0005-1.NBT.2",
                "oneroster-r-0005-2.NBT.5");
        assertThat(byId.get("oneroster-r-0001-1.OA.6").score()).isEqualTo(0.8); // 8 of 0–10
        assertThat(byId.get("oneroster-r-0004-2.NBT.5").score()).isEqualTo(0.75); // the line item's objectives
        assertThat(byId.get("oneroster-r-0005-2.NBT.5").score()).isEqualTo(0.5); // the result's own, 2 of 0–4
        assertThat(byId.get("oneroster-r-0005-1.NBT.2").score()).isEqualTo(1.0);
        assertThat(byId.get("oneroster-r-0004-1.NBT.2").observedAt()).isEqualTo(OffsetDateTime.of(2026, 11, 20, 14,
                55, 0, 0, ZoneOffset.UTC));
        assertThat(byId.get("oneroster-r-0001-1.OA.6").studentId()).isEqualTo("s-demo-0001");
        assertThat(lines).filteredOn(l -> l.result().eventId().startsWith("oneroster-r-0004")).extracting(
                ResultsFile.Line::line).containsOnly(5L); // its line in results.csv
        assertThat(problems.warnings()).extracting(ImportProblem::message).anySatisfy(m -> assertThat(m).contains(
                "1 students who are not in the school")).anySatisfy(m -> assertThat(m).contains(
                "no skill of the school's skill map, skipped: 6b4c0e0e")).anySatisfy(m -> assertThat(m).contains(
                "1 results not graded"));
    }

    @Test
    void aOnePointOneExportOrOneWithoutResultsIsRefused() throws IOException {
        Map<String, byte[]> v11 = with("manifest.csv", "propertyName,value\noneroster.version,1.1\n");
        assertThat(errors(v11)).anySatisfy(e -> assertThat(e).contains("manifest.csv:value: version 1.1",
                "OneRoster 1.2"));
        Map<String, byte[]> noResults = demo();
        noResults.remove("results.csv");
        assertThat(errors(noResults)).anySatisfy(e -> assertThat(e).contains("results.csv: the export has no "
                + "results.csv"));
        Map<String, byte[]> noManifest = demo();
        noManifest.remove("manifest.csv");
        assertThat(errors(noManifest)).anySatisfy(e -> assertThat(e).contains("no manifest.csv"));
    }

    @Test
    void eachFaultOfTheExportIsAnErrorAtItsFileLineAndColumn() throws IOException {
        assertThat(errors(with("results.csv", "sourcedId,lineItemSourcedId,studentSourcedId,scoreStatus,score,"
                + "scoreDate\n"
                + "r1,li-quiz-oa6,s-demo-0001,fully graded,11,2026-11-20\n"
                + "r2,li-quiz-oa6,s-demo-0002,fully graded,many,2026-11-20\n"
                + "r2,li-quiz-oa6,s-demo-0002,fully graded,5,2026-11-20\n"
                + "r3,li-quiz-oa6,s-demo-0005,fully graded,5,last friday\n"
                + "r4,li-quiz-oa6,s-demo-0014,fully graded,,2026-11-20\n"
                + ",li-quiz-oa6,s-demo-0014,fully graded,5,2026-11-20\n"))).contains(
                "results.csv:2:score (sourcedId r1): score 11.0 is outside the line item's range 0.0 to 10.0",
                "results.csv:3:score (sourcedId r2): 'many' is not a number",
                "results.csv:4:sourcedId (sourcedId r2): result 'r2' is also on line 3",
                "results.csv:5:scoreDate (sourcedId r3): 'last friday' is not an ISO-8601 date or date-time",
                "results.csv:6:score (sourcedId r4): missing: the score of a graded result",
                "results.csv:7:sourcedId: missing: a result names itself, its student and its line item");
        assertThat(errors(with("lineItems.csv", "sourcedId,resultValueMin,resultValueMax\nli-quiz-oa6,10,0\n"
                + "li-quiz-oa6,0,10\n"))).contains(
                "lineItems.csv:2:resultValueMax (sourcedId li-quiz-oa6): the highest score 0.0 is not above the "
                        + "lowest 10.0",
                "lineItems.csv:3:sourcedId (sourcedId li-quiz-oa6): line item 'li-quiz-oa6' is also on line 2");
        assertThat(errors(with("results.csv", "sourcedId,studentSourcedId\nr1,s-demo-0001\n"))).singleElement()
                .satisfies(e -> assertThat(e).startsWith("results.csv:1:lineItemSourcedId: the header has no "
                        + "lineItemSourcedId column"));
    }

    @Test
    void theSameResultAndObjectiveAlwaysHaveTheSameEventIdAndALongOneIsADigest() {
        assertThat(GradebookFile.eventId("r-1", "1.OA.6")).isEqualTo(GradebookFile.eventId("r-1", "1.OA.6"))
                .isEqualTo("oneroster-r-1-1.OA.6");
        String longId = GradebookFile.eventId("r".repeat(120), "1.OA.6");
        assertThat(longId).startsWith("oneroster-").hasSizeLessThanOrEqualTo(128)
                .isEqualTo(GradebookFile.eventId("r".repeat(120), "1.OA.6"))
                .isNotEqualTo(GradebookFile.eventId("r".repeat(120), "1.OA.7"));
    }
}
