package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.plan.PlanStatus;
import org.regroup.store.Database;
import org.regroup.store.Mornings;
import org.regroup.store.SchoolStore;

/** {@code regroup morning}: a district's morning from the command line, alone on the embedded store. */
class MorningCommandTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    @TempDir
    Path dir;

    @Test
    void everySchoolIsPlannedAndPublishedAndTheRunsAreRecorded() {
        Path store = dir.resolve("store");
        try (Database db = Database.open(Database.h2Url(store), null, null, null)) {
            SchoolStore s = new SchoolStore(db);
            s.schools().createSchool("north", "North", Cli.small());
            s.schools().createSchool("south", "South", Cli.small());
        }
        Cli.Run run = Cli.run("morning", DAY.toString(), "--data-dir", store.toString(), "--time-limit", "2s",
                "--deadline", Instant.now().plus(Duration.ofHours(1)).toString(), "--priority", "south=3");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Morning of 2026-12-07: 2 school(s)").contains("Done: {published=2}");
        try (Database db = Database.open(Database.h2Url(store), null, null, null)) {
            SchoolStore s = new SchoolStore(db);
            List<Mornings.SchoolMorning> schools = s.mornings().schools(DAY);
            assertThat(schools).extracting(Mornings.SchoolMorning::schoolId).containsExactly("south", "north");
            for (Mornings.SchoolMorning m : schools) {
                assertThat(m.status()).isEqualTo(Mornings.Status.PUBLISHED);
                assertThat(s.versions().plans(m.schoolId(), DAY)).anyMatch(p -> p.version() == m.version()
                        && p.status() == PlanStatus.PUBLISHED);
            }
            assertThat(s.mornings().attempts(DAY)).hasSize(2).allMatch(a -> a.endedAt() != null);
        }
    }

    @Test
    void badInputNamesTheOptionAndExits2WithNothingScheduled() {
        Path store = dir.resolve("store");
        try (Database db = Database.open(Database.h2Url(store), null, null, null)) {
            new SchoolStore(db).schools().createSchool("north", "North", Cli.small());
        }
        Cli.Run badTime = Cli.run("morning", DAY.toString(), "--data-dir", store.toString(), "--deadline", "25:99");
        assertThat(badTime.exitCode()).isEqualTo(2);
        assertThat(badTime.err()).contains("--deadline").contains("25:99");

        Cli.Run past = Cli.run("morning", "2020-01-06", "--data-dir", store.toString());
        assertThat(past.exitCode()).isEqualTo(2);
        assertThat(past.err()).contains("has passed");

        Cli.Run unknown = Cli.run("morning", DAY.toString(), "--data-dir", store.toString(), "--schools",
                "north,nowhere");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("schools[1]").contains("nowhere");
        try (Database db = Database.open(Database.h2Url(store), null, null, null)) {
            assertThat(new SchoolStore(db).mornings().schools(DAY)).isEmpty();
        }
    }
}
