package org.regroup.domain.io.oneroster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.regroup.domain.io.oneroster.Manifest.Mode;

/** Reading the files of an export: the CSV itself, each file kind's columns and ids, the manifest, zips. */
class OneRosterReadingTest {

    private static OneRosterExport read(OneRosterFixtures fixture, Problems problems) {
        return OneRosterExport.read(fixture.export(), problems);
    }

    private static List<String> errors(Problems problems) {
        return problems.errors().stream().map(ImportProblem::toString).toList();
    }

    @Test
    void aBulkExportWithABomCrlfAndQuotedCommasAndLineBreaksReadsWhole() {
        Problems problems = new Problems();
        OneRosterExport export = read(OneRosterFixtures.load("v1p1-bulk"), problems);

        assertThat(errors(problems)).isEmpty();
        assertThat(export.manifest().version()).isEqualTo("1.1");
        assertThat(export.mode("users")).isEqualTo(Mode.BULK);
        // the BOM did not stick to the first column: every user has its sourcedId
        assertThat(export.users()).extracting(OneRosterExport.User::sourcedId).containsExactly("u-s1", "u-s2",
                "u-s3", "u-s4", "u-t1", "u-t2", "u-a1", "u-p1", "u-x1");
        assertThat(export.users().get(0).row().line()).isEqualTo(2);
        // "a,b" in quotes is one list field; a quoted comma in a title stays in the title
        assertThat(export.users().get(5).orgSourcedIds()).containsExactly("sch-north", "sch-south");
        assertThat(export.classes().get(0).title()).isEqualTo("Math, K to 2");
        assertThat(export.classes().get(1).title()).isEqualTo("Reading\r\n(two lines)");
        // the record after a field with a line break starts on the file's line 5 (header 1, k-math 2, k-read 3–4)
        assertThat(export.classes().get(2).row().line()).isEqualTo(5);
        assertThat(export.users().get(2).givenName()).isEqualTo("Chloé");
        assertThat(export.notRead()).containsExactly("demographics.csv");
    }

    @Test
    void unknownColumnsAreIgnoredAndSaidOnceMissingOptionalOnesAreFine() {
        Problems problems = new Problems();
        read(OneRosterFixtures.load("v1p1-bulk"), problems);

        assertThat(problems.warnings()).filteredOn(w -> w.file().equals("users.csv")).singleElement()
                .satisfies(w -> {
                    assertThat(w.line()).isEqualTo(1L);
                    assertThat(w.message()).contains("ext_vendorId");
                });
    }

    @Test
    void aMissingRequiredColumnIsAnErrorAtTheHeaderNamingTheColumn() {
        Problems problems = new Problems();
        read(OneRosterFixtures.load("v1p1-bulk").edit("users.csv", t -> t.replace(",role,", ",kind,")), problems);

        assertThat(problems.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("users.csv:1:role");
            assertThat(e.message()).contains("no role column");
        });
    }

    @Test
    void duplicateSourcedIdsAreErrorsNamingBothLines() {
        Problems problems = new Problems();
        read(OneRosterFixtures.load("v1p1-bulk").edit("enrollments.csv", t -> t.replace("e6,", "e5,")), problems);

        assertThat(problems.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("enrollments.csv:7:sourcedId");
            assertThat(e.sourcedId()).isEqualTo("e5");
            assertThat(e.message()).contains("also on line 6");
        });
    }

    @Test
    void aZeroByteFileIsReadAsNoRecordsWithAWarningAndAHeaderOnlyFileSilently() {
        Problems zero = new Problems();
        OneRosterExport empty = read(OneRosterFixtures.load("v1p1-bulk").put("enrollments.csv", new byte[0]), zero);
        Problems header = new Problems();
        OneRosterExport headerOnly = read(OneRosterFixtures.load("v1p1-bulk").edit("enrollments.csv",
                t -> t.substring(0, t.indexOf('\n') + 1)), header);

        assertThat(zero.hasErrors()).isFalse();
        assertThat(empty.enrollments()).isEmpty();
        assertThat(zero.warnings()).anySatisfy(w -> assertThat(w.toString()).startsWith("enrollments.csv")
                .contains("0 bytes"));
        assertThat(header.hasErrors()).isFalse();
        assertThat(headerOnly.enrollments()).isEmpty();
        assertThat(header.warnings()).noneSatisfy(w -> assertThat(w.file()).isEqualTo("enrollments.csv"));
    }

    @Test
    void aBadStatusAnUnclosedQuoteAndTextThatIsNotUtf8AreErrorsWithTheirPlace() {
        Problems status = new Problems();
        read(OneRosterFixtures.load("v1p1-bulk").edit("orgs.csv", t -> t.replace("sch-south,active", "sch-south,"
                + "closed")), status);
        Problems quote = new Problems();
        read(OneRosterFixtures.load("v1p1-bulk").edit("courses.csv", t -> t.replace("Math K-2", "\"Math K-2")),
                quote);
        Problems latin1 = new Problems();
        read(OneRosterFixtures.load("v1p1-bulk").put("orgs.csv", "sourcedId,name,type\nx,Caf\u00e9,school\n"
                .getBytes(StandardCharsets.ISO_8859_1)), latin1);

        assertThat(errors(status)).containsExactly("orgs.csv:4:status (sourcedId sch-south): status must be active "
                + "or tobedeleted, was 'closed'");
        assertThat(errors(quote)).singleElement().satisfies(e -> assertThat(e).startsWith("courses.csv:2: the CSV "
                + "cannot be read"));
        assertThat(errors(latin1)).singleElement().satisfies(e -> assertThat(e).contains("orgs.csv")
                .contains("not UTF-8"));
    }

    @Test
    void theManifestIsRequiredAndItsVersionMustBeOneThisReads() {
        Problems none = new Problems();
        assertThat(read(OneRosterFixtures.load("v1p1-bulk").without("manifest.csv"), none)).isNull();
        Problems old = new Problems();
        read(OneRosterFixtures.load("v1p1-bulk").edit("manifest.csv", t -> t.replace("oneroster.version,1.1",
                "oneroster.version,1.0")), old);
        Problems missingFile = new Problems();
        read(OneRosterFixtures.load("v1p1-bulk").without("courses.csv"), missingFile);
        Problems badMode = new Problems();
        read(OneRosterFixtures.load("v1p1-bulk").edit("manifest.csv", t -> t.replace("file.users,bulk",
                "file.users,full")), badMode);

        assertThat(errors(none)).singleElement().satisfies(e -> assertThat(e).contains("no manifest.csv"));
        assertThat(errors(old)).containsExactly("manifest.csv:3:value: oneroster.version 1.0 is not one this import "
                + "reads (1.1 or 1.2)");
        assertThat(errors(missingFile)).containsExactly("manifest.csv: the manifest says file.courses is bulk but "
                + "the export has no courses.csv");
        assertThat(errors(badMode)).singleElement().satisfies(e -> assertThat(e).startsWith("manifest.csv:16:value")
                .contains("bulk, delta or absent"));
    }

    @Test
    void version12ReadsUsersWithoutRolesAndRolesFromTheirOwnFile() {
        Problems problems = new Problems();
        OneRosterExport export = read(OneRosterFixtures.load("v1p2-bulk"), problems);

        assertThat(errors(problems)).isEmpty();
        assertThat(export.manifest().v12()).isTrue();
        assertThat(export.roles()).hasSize(7);
        assertThat(export.users().get(0).preferredGivenName()).isEqualTo("Kasia");
        assertThat(export.classes().get(0).grades()).containsExactly("06");
        assertThat(export.notRead()).containsExactly("userprofiles.csv");
    }

    @Test
    void aDeltaManifestIsReadAsDeltaAndAbsentFilesAsAbsent() {
        Problems problems = new Problems();
        OneRosterExport export = read(OneRosterFixtures.load("v1p1-delta"), problems);

        assertThat(errors(problems)).isEmpty();
        assertThat(export.mode("users")).isEqualTo(Mode.DELTA);
        assertThat(export.mode("classes")).isEqualTo(Mode.ABSENT);
        assertThat(export.users()).filteredOn(OneRosterExport.User::deleted).extracting(OneRosterExport.User::sourcedId)
                .containsExactly("u-s3");
    }

    @Test
    void aZipIsReadFromItsRootOrOneFolderAndAnythingElseIsRefusedCleanly() throws IOException {
        OneRosterFixtures fixture = OneRosterFixtures.load("v1p1-bulk");
        Map<String, byte[]> nested = new java.util.TreeMap<>();
        fixture.files().forEach((name, bytes) -> nested.put("export-2026/" + name, bytes));
        nested.put("__MACOSX/export-2026/._users.csv", new byte[] {0, 1, 2});

        ExportFiles flat = ExportFiles.unzip(new ByteArrayInputStream(fixture.zip()), "flat.zip");
        ExportFiles inFolder = ExportFiles.unzip(new ByteArrayInputStream(ExportFiles.zip(nested)), "nested.zip");

        assertThat(flat.names()).contains("users.csv", "manifest.csv", "academicsessions.csv");
        assertThat(inFolder.get("users.csv")).isEqualTo(fixture.files().get("users.csv"));
        assertThatThrownBy(() -> ExportFiles.unzip(new ByteArrayInputStream("{\"not\": \"a zip\"}".getBytes(
                StandardCharsets.UTF_8)), "body.zip")).isInstanceOf(InvalidExportException.class)
                .hasMessageContaining("body.zip: cannot read the export: it is not a zip");
    }

    @Test
    void blankLinesKeepLineNumbersExactAndHeadersAreReadWhateverTheirCase() {
        Problems problems = new Problems();
        OneRosterExport export = read(OneRosterFixtures.load("v1p1-bulk").edit("orgs.csv",
                t -> t.replace("sourcedId,status", "SourcedID,Status").replace("\r\nsch-north", "\r\n\r\nsch-north")),
                problems);

        assertThat(errors(problems)).isEmpty();
        assertThat(export.orgs()).extracting(OneRosterExport.Org::sourcedId).containsExactly("d1", "sch-north",
                "sch-south");
        assertThat(export.orgs().get(1).row().line()).isEqualTo(4); // header 1, d1 2, a blank line 3
        assertThat(export.orgs().get(1).deleted()).isFalse();
    }

    @Test
    void aZipThatInflatesPastTheLimitIsRefusedBeforeItIsAllRead() throws IOException {
        byte[] zeros = new byte[3 * 1024 * 1024]; // deflates to a few KiB
        byte[] bomb = ExportFiles.zip(Map.of("users.csv", zeros));

        assertThatThrownBy(() -> ExportFiles.unzip(new ByteArrayInputStream(bomb), "bomb.zip", 1024 * 1024))
                .isInstanceOf(InvalidExportException.class)
                .hasMessageContaining("bomb.zip: cannot read the export: its files inflate to more than 1 MiB");
        assertThat(bomb.length).isLessThan(64 * 1024);
    }
}
