package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.store.Database;
import org.regroup.store.SchoolStore;

/** {@code regroup simulate}: the daily loop end to end on the embedded store, short. */
class SimulateCommandTest {

    @TempDir
    Path dir;

    @Test
    void eachDayIsPlannedPublishedAndItsEvidenceIngested() throws IOException {
        Path day = Cli.writeSmall(dir);
        Path store = dir.resolve("store");

        Cli.Run run = Cli.run("simulate", "--dataset", day.toString(), "--days", "2", "--time-limit", "1s",
                "--data-dir", store.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> rows = Arrays.stream(run.out().split("\n")).filter(l -> l.matches("^[12] .*")).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).contains("2026-11-23").contains("–");
        assertThat(rows.get(1)).matches(".* \\d+/\\d+ .*"); // day 2 has forced/additional perturbations
        try (Database db = Database.open(Database.h2Url(store), null, null, null)) {
            SchoolStore s = new SchoolStore(db);
            assertThat(s.evidenceCount("sim-1")).isPositive();
            assertThat(s.plans("sim-1", java.time.LocalDate.of(2026, 11, 24))).singleElement()
                    .satisfies(p -> assertThat(p.status()).isEqualTo(org.regroup.domain.plan.PlanStatus.PUBLISHED));
        }
    }

    @Test
    void withoutADataDirectoryTheStoreIsTemporary() throws IOException {
        Path day = Cli.writeSmall(dir);
        long before;
        try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            before = tmp.filter(p -> p.getFileName().toString().startsWith("regroup-simulate")).count();
        }

        Cli.Run run = Cli.run("simulate", "--dataset", day.toString(), "--days", "1", "--time-limit", "1s");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(tmp.filter(p -> p.getFileName().toString().startsWith("regroup-simulate")).count())
                    .isEqualTo(before);
        }
    }
}
