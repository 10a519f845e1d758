package org.regroup.rest.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Skill;
import org.regroup.domain.Student;
import org.regroup.domain.io.oneroster.ImportProblem;
import org.regroup.domain.io.oneroster.InvalidExportException;
import org.regroup.rest.days.EvidenceService;
import org.regroup.store.Schools;

/** Reading an assessment results CSV: what real files hold is read right, and each fault is named where it is. */
class ResultsFileTest {

    private static final Schools.SchoolRecord SCHOOL = school();

    private static Schools.SchoolRecord school() {
        DayProblem day = new DayProblem(DayProblem.FORMAT, DayProblem.VERSION, null, null, null, List.of(),
                List.of(new Skill("1.OA.1", "Add", "math", 1), new Skill("1.NBT.5,6", "Tens", "math", 1)), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(student("s1"), student("s2")), List.of(), Map.of());
        return new Schools.SchoolRecord("demo", "Demo", day, Instant.EPOCH);
    }

    private static Student student(String id) {
        return new Student(id, id, 1, null, Map.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(),
                List.of(), false, null, List.of());
    }

    private static ResultsImport.Checked check(String csv) {
        return ResultsImport.check(SCHOOL, "results.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<ImportProblem> errors(String csv) {
        try {
            check(csv);
        } catch (InvalidExportException e) {
            return e.errors();
        }
        throw new AssertionError("no error in\n" + csv);
    }

    @Test
    void aBomCrlfQuotedFieldsColumnsInAnyCaseAndUnknownColumnsAreReadAsTheyShouldBe() {
        String csv = "\uFEFFStudent,SKILL,Score,items,observedat,Teacher Note\r\n"
                + "s1,\"1.NBT.5,6\",0.75,4,2026-11-23T09:00:00Z,\"said \"\"easy\"\", then\r\nstopped\"\r\n"
                + "\r\n"
                + "s2,1.OA.1,1,,2026-11-23,\r\n";

        ResultsImport.Checked checked = check(csv);

        assertThat(checked.results()).extracting(EvidenceService.Result::skillId).containsExactly("1.NBT.5,6",
                "1.OA.1");
        EvidenceService.Result first = checked.results().get(0);
        assertThat(first.score()).isEqualTo(0.75);
        assertThat(first.items()).isEqualTo(4);
        assertThat(checked.results().get(1).observedAt().toInstant()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(checked.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .contains("ignored: Teacher Note"));
    }

    @Test
    void withoutAnEventIdTheIdIsDerivedFromTheContentSoTheSameRecordGivesTheSameId() {
        String csv = "student,skill,correct,observedAt\ns1,1.OA.1,true,2026-11-23T09:00:00Z\n";
        String id = check(csv).results().get(0).eventId();

        assertThat(check(csv).results().get(0).eventId()).isEqualTo(id).startsWith("csv-");
        assertThat(check(csv.replace("true", "false")).results().get(0).eventId()).isNotEqualTo(id);
        // the same instant written another way is the same result
        assertThat(check(csv.replace("09:00:00Z", "10:00:00+01:00")).results().get(0).eventId()).isEqualTo(id);
        // a record twice in a file is one result
        assertThat(check(csv + "s1,1.OA.1,1,2026-11-23T09:00:00Z\n").results()).hasSize(1);
    }

    @Test
    void badValuesAreErrorsWithTheirLineColumnAndStudent() {
        String csv = "student,skill,score,correct,items,observedAt,eventId\n"
                + "s1,1.OA.1,1.5,,,2026-11-23,e1\n"
                + "s2,1.OA.1,,maybe,,2026-11-23,e2\n"
                + "s1,1.OA.1,0.5,,zero,yesterday,e3\n"
                + "s9,9.XX.1,0.5,,,2026-11-23,e4\n"
                + "s1,1.OA.1,0.5,true,,2026-11-23,e5\n"
                + "s1,1.OA.1,,true,3,2026-11-23,e6\n"
                + "s2,1.OA.1,0.5,,,2026-11-23,e1\n";

        assertThat(errors(csv)).extracting(ImportProblem::toString).containsExactly(
                "results.csv:2:score (sourcedId s1): '1.5' is not a score from 0 to 1",
                "results.csv:3:correct (sourcedId s2): 'maybe' is not true, false, 1 or 0",
                "results.csv:4:items (sourcedId s1): 'zero' is not a count of items (1 or more)",
                "results.csv:4:observedAt (sourcedId s1): 'yesterday' is not an ISO-8601 date-time "
                        + "(2026-11-24T09:30:00Z) or date (2026-11-24)",
                "results.csv:6:correct (sourcedId s1): give either score (0 to 1) or correct (true/false), not both",
                "results.csv:7:items (sourcedId s1): a right-or-wrong result is one item; give a score for 3",
                "results.csv:8:eventId (sourcedId s2): event id 'e1' is also on line 2",
                "results.csv:5:student (sourcedId s9): no student 's9' in school demo",
                "results.csv:5:skill (sourcedId s9): no skill '9.XX.1' in the school's skill map");
    }

    @Test
    void missingColumnsAreErrorsAtLineOne() {
        assertThat(errors("student,score\ns1,1\n")).extracting(ImportProblem::toString).containsExactly(
                "results.csv:1:skill: the header has no skill column, which this file needs",
                "results.csv:1:observedAt: the header has no observedAt column, which this file needs");
        assertThat(errors("student,skill,observedAt\ns1,1.OA.1,2026-11-23\n")).extracting(ImportProblem::toString)
                .contains("results.csv:1:score: the header has neither a score nor a correct column; a result needs "
                        + "one");
    }

    @Test
    void anUnclosedQuoteNonUtf8AndAnEmptyFileAreRefusedCleanly() {
        assertThat(errors("student,skill,score,observedAt\ns1,\"1.OA.1,1,2026-11-23\n")).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("the CSV cannot be read here"));
        byte[] latin1 = "student,skill,score,observedAt\ns1,1.OA.1,1,2026-11-23,Jos\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ResultsImport.check(SCHOOL, "results.csv", latin1))
                .isInstanceOf(InvalidExportException.class).hasMessageContaining("not UTF-8");
        assertThat(errors("")).extracting(ImportProblem::message).contains("the file holds no results");
        assertThat(errors("student,skill,score,observedAt\n")).extracting(ImportProblem::message)
                .containsExactly("the file holds no results");
    }
}
