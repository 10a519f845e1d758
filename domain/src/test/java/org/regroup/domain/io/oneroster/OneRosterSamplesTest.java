package org.regroup.domain.io.oneroster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.regroup.domain.roster.ImportedRoster;

/**
 * Exports written by others (the GPL samples in {@code shared/reference/oneroster-samples}, read where they are and
 * never copied into this project): each imports, or is refused with errors that say where and why — never an
 * exception. Skipped where the samples are not on the machine.
 */
class OneRosterSamplesTest {

    private static final List<Path> WHERE = List.of(Path.of("/work/shared/reference/oneroster-samples"),
            Path.of("..", "..", "shared", "reference", "oneroster-samples"),
            Path.of("..", "..", "..", "shared", "reference", "oneroster-samples"));

    private static Path sample(String name) {
        Path dir = WHERE.stream().map(p -> p.resolve(name)).filter(Files::isDirectory).findFirst().orElse(null);
        assumeTrue(dir != null, "the OneRoster samples are not on this machine (shared/reference/oneroster-samples)");
        return dir;
    }

    private static RosterMapper.Mapped map(Path dir, String org, boolean explicit, Problems problems)
            throws IOException {
        OneRosterExport export = OneRosterExport.read(ExportFiles.read(dir), problems);
        return export == null ? null : RosterMapper.map(export, org, explicit, problems);
    }

    @Test
    void theVersion11SampleImportsItsOneStudentOfANamedSchoolWithVendorColumnsIgnored() throws IOException {
        Path dir = sample("v1p1_oat-sa_OneRosterv1p1BaseCSV");
        Problems named = new Problems();
        RosterMapper.Mapped mapped = map(dir, "12345", true, named);
        Problems unnamed = new Problems();
        map(dir, "x", false, unnamed);

        assertThat(named.errors()).isEmpty();
        // user1's grade comes from their class (its 1.0-style "grade" column): the users have no grades
        assertThat(mapped.roster().students()).extracting(ImportedRoster.ImportedStudent::id,
                ImportedRoster.ImportedStudent::grade).containsExactly(org.assertj.core.groups.Tuple.tuple("user1", 2));
        assertThat(named.warnings()).anySatisfy(w -> assertThat(w.toString()).startsWith("users.csv:1:")
                .contains("ext_imagineLearning_databaseId"));
        assertThat(unnamed.errors()).singleElement().satisfies(e -> assertThat(e.toString())
                .contains("its schools are 12345", "54321", "--org"));
    }

    @Test
    void theVersion12SampleWhoseOnlyOrgIsADepartmentIsRefusedSayingSo() throws IOException {
        Path dir = sample("v1p2_moodle-enrol_oneroster_full_dataset");
        Problems problems = new Problems();

        assertThat(map(dir, "org-sch-222-456", true, problems)).isNull();

        assertThat(problems.errors()).singleElement().satisfies(e -> assertThat(e.toString()).isEqualTo("orgs.csv: "
                + "no org of type school has sourcedId or identifier 'org-sch-222-456'; the export has no school "
                + "org"));
        // its quirks are read, not fatal: empty manifest values, a misspelt header in roles.csv, fields past the header
        assertThat(problems.warnings()).anySatisfy(w -> assertThat(w.toString()).startsWith("manifest.csv:")
                .contains("no value: read as absent"));
        assertThat(problems.warnings()).anySatisfy(w -> assertThat(w.toString()).startsWith("roles.csv:1:")
                .contains("dataLastModified"));
    }

    @Test
    void everySampleFileReadsWithoutAnExceptionWhateverItHolds() throws IOException {
        Path root = sample("v1p1_oat-sa_OneRosterv1p1BaseCSV").getParent();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Problems problems = new Problems();
                map(dir, "any", false, problems);
                assertThat(problems.errors()).allSatisfy(e -> assertThat(e.file()).isNotBlank());
            }
        }
    }
}
