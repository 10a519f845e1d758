package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.io.Json;
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
        assertThat(run.out()).contains("standards per student per school day", "truly ready for",
                "docs/learning-model.md");
        int published;
        try (Database db = Database.open(Database.h2Url(store), null, null, null)) {
            SchoolStore s = new SchoolStore(db);
            assertThat(s.evidence().evidenceCount("sim-1")).isPositive();
            published = s.versions().plans("sim-1", java.time.LocalDate.of(2026, 11, 24)).stream()
                    .filter(p -> p.status() == org.regroup.domain.plan.PlanStatus.PUBLISHED).findFirst()
                    .orElseThrow().version();
        }
        // One daily loop: the server reads the simulation's days as its own — each version made by the same
        // SchoolDays (its recipe, its day problem, yesterday's KPIs beside it), each roster at its lasting address.
        try (org.regroup.rest.RegroupServer server = org.regroup.rest.RegroupServer.start("127.0.0.1", 0,
                org.regroup.rest.plans.PlanService.Settings.defaults(), new org.regroup.rest.api.ServerLimits(
                        org.regroup.rest.api.ServerLimits.DEFAULT_MAX_BODY_BYTES, dir),
                Database.open(Database.h2Url(store), null, null, null),
                org.regroup.rest.auth.Security.loopback())) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            // the school's scheduler reads the version; teacher T01 reads their own roster
            var accounts = new org.regroup.rest.auth.AccountAdmin(server.authenticator().accounts(),
                    java.time.Clock.systemUTC());
            String scheduler = "Bearer " + server.authenticator().issueToken(accounts.create("scheduler", null,
                    org.regroup.store.Role.SCHOOL_ADMIN, "sim-1", null, java.util.Set.of()).id(), "test",
                    java.time.Duration.ofHours(1)).secret();
            String teacher = "Bearer " + server.authenticator().issueToken(accounts.create("t01", null,
                    org.regroup.store.Role.TEACHER, "sim-1", "T01", java.util.Set.of()).id(), "test",
                    java.time.Duration.ofHours(1)).secret();
            String at = "api/schools/sim-1/days/2026-11-24/";
            var version = Json.mapper().readTree(http.send(java.net.http.HttpRequest.newBuilder(server.uri()
                    .resolve(at + "plans/" + published + "?plan=false")).header("Authorization", scheduler).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body());
            assertThat(version.get("status").asText()).isEqualTo("published");
            assertThat(version.get("madeFrom").get("kind").asText()).isEqualTo("day");
            assertThat(version.get("againstYesterday").get("yesterday").asText()).startsWith("2026-11-23 v");
            var roster = http.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve(at + "rosters/T01"))
                    .header("Authorization", teacher).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(roster.statusCode()).as(roster.body()).isEqualTo(200);
            assertThat(Json.mapper().readTree(roster.body()).get("stamp").get("version").asInt()).isEqualTo(published);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
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

    /** A school imported from its SIS is simulated from the store, with no day-problem file. */
    @Test
    void aSchoolInTheStoreIsSimulatedByItsIdAndNamingNoneOrBothOrAMissingStoreIsExitTwo() {
        Path store = dir.resolve("store");
        Path datasets = Path.of("..", "datasets");
        Cli.Run imported = Cli.run("import", "oneroster", datasets.resolve("oneroster/demo-district.zip").toString(),
                "--school", "demo", "--template", datasets.resolve("small.json").toString(), "--data-dir",
                store.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();

        Cli.Run run = Cli.run("simulate", "--school", "demo", "--days", "1", "--time-limit", "1s", "--data-dir",
                store.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("of school demo (60 students)");
        try (Database db = Database.open(Database.h2Url(store), null, null, null)) {
            assertThat(new SchoolStore(db).evidence().evidenceCount("demo")).isPositive();
        }
        Cli.Run badAssumption = Cli.run("simulate", "--school", "demo", "--learning", "speed=2", "--data-dir",
                store.toString());
        assertThat(badAssumption.exitCode()).isEqualTo(2);
        assertThat(badAssumption.err()).contains("--learning speed=2", "minutesToMaster").doesNotContain("Exception");
        Cli.Run neither = Cli.run("simulate", "--days", "1");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("--dataset FILE").contains("--school ID").doesNotContain("Exception");
        Cli.Run nowhere = Cli.run("simulate", "--school", "demo", "--data-dir", dir.resolve("none").toString());
        assertThat(nowhere.exitCode()).isEqualTo(2);
        assertThat(nowhere.err()).contains("no store at");
        assertThat(dir.resolve("none")).doesNotExist();
        Cli.Run unknown = Cli.run("simulate", "--school", "hill", "--data-dir", store.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no school 'hill'");
    }
}
