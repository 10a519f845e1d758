package org.regroup.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.DayProblem;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.io.Json;
import org.regroup.testing.ServerProcess;

/**
 * A district's morning on a cluster: three servers (JVMs of their own on loopback) on one PostgreSQL store plan the
 * days of 30 schools as jobs of db-scheduler; one node is killed with SIGKILL while it solves a school's day. Every
 * school ends with a plan published (or carried forward); the killed node's job is taken over by another node and
 * resumes the version it was solving from its checkpoint; no school's job ever ran on two nodes at once.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DistrictMorningClusterIntegrationTest {

    private static final ObjectMapper JSON = Json.mapper();
    private static final int SCHOOLS = 30;
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    /** How long the morning may take on a busy 2-core machine (about a minute on an idle one). */
    private static final int PATIENCE_SECONDS = 600;

    @TempDir
    Path dir;

    @Test
    void aNodeKilledMidMorningLosesNoSchoolAndNoJobRunsTwiceAtOnce() throws Exception {
        TestDatabases.PostgresSchema pg = TestDatabases.postgresSchema();
        pg.create();
        List<ServerProcess> nodes = new ArrayList<>();
        try {
            for (int n = 1; n <= 3; n++) {
                Path home = Files.createDirectories(dir.resolve("n" + n));
                nodes.add(ServerProcess.start(home, "--db-url", pg.url(), "--db-user", TestDatabases.POSTGRES_USER,
                        "--node", "n" + n, "--concurrent", "1"));
            }
            ServerProcess first = nodes.get(0);
            ServerProcess second = nodes.get(1);
            // Thirty schools of different days (seeds), sent to any node: they share the store.
            for (int s = 0; s < SCHOOLS; s++) {
                DayProblem day = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1 + s);
                HttpResponse<String> created = nodes.get(s % 3).post("api/schools/s" + s,
                        JSON.writeValueAsBytes(day));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            }
            HttpResponse<String> asked = second.post("api/district/mornings/" + DAY, JSON.writeValueAsBytes(Map.of(
                    "timeLimit", "4s", "deadline", Instant.now().plus(Duration.ofHours(1)).toString())));
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);

            // Wait until node n1 solves a school and has checkpointed it, then kill it (SIGKILL: no goodbye).
            String morning = "api/district/mornings/" + DAY;
            JsonNode victim = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
            while (victim == null && System.nanoTime() < until) {
                for (JsonNode s : second.json(morning).get("schools")) {
                    if ("n1".equals(s.path("node").asText()) && "solving".equals(s.path("status").asText())
                            && s.hasNonNull("version") && checkpointed(second, s)) {
                        victim = s;
                        break;
                    }
                }
                Thread.sleep(100);
            }
            assertThat(victim).as("node n1 solved a school and checkpointed it").isNotNull();
            first.kill();
            Instant killedAt = Instant.now();
            String school = victim.get("schoolId").asText();
            int version = victim.get("version").asInt();

            JsonNode done = second.await(morning, m -> m.path("done").asBoolean(), PATIENCE_SECONDS);

            // Every school has its plan, published.
            assertThat(done.get("schools")).hasSize(SCHOOLS);
            for (JsonNode s : done.get("schools")) {
                assertThat(s.get("status").asText()).as(s.toString()).isIn("published", "carried-forward");
                JsonNode versions = second.json("api/schools/" + s.get("schoolId").asText() + "/days/" + DAY
                        + "/plans");
                assertThat(versions.findValuesAsText("status")).as(s.toString()).contains("published");
            }
            JsonNode taken = done.get("schools").findParents("schoolId").stream()
                    .filter(s -> s.get("schoolId").asText().equals(school)).findFirst().orElseThrow();
            assertThat(taken.get("attempts").asInt()).as("the killed node's school ran again").isGreaterThan(1);
            assertThat(taken.get("node").asText()).isIn("n2", "n3");
            assertThat(taken.get("version").asInt()).as("it resumed the version n1 was solving").isEqualTo(version);

            // No school's job ran on two nodes at once: each run ended before the next began, but the killed node's
            // last run, which never ended and began before the kill (the next one after it).
            Database database = Database.open(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, null,
                    pg.name());
            List<Mornings.Attempt> attempts;
            try {
                attempts = new SchoolStore(database).mornings().attempts(DAY);
            } finally {
                database.close();
            }
            Map<String, List<Mornings.Attempt>> bySchool = attempts.stream().collect(Collectors.groupingBy(
                    Mornings.Attempt::schoolId));
            assertThat(bySchool).hasSize(SCHOOLS);
            for (List<Mornings.Attempt> runs : bySchool.values()) {
                runs.sort(Comparator.comparingInt(Mornings.Attempt::attempt));
                for (int i = 0; i + 1 < runs.size(); i++) {
                    Mornings.Attempt a = runs.get(i);
                    Mornings.Attempt b = runs.get(i + 1);
                    if (a.endedAt() == null) {
                        assertThat(a.node()).as("a run that never ended: %s", a).isEqualTo("n1");
                        assertThat(a.startedAt()).isBefore(killedAt);
                        assertThat(b.startedAt()).as("%s began after %s's node was killed", b, a).isAfter(killedAt);
                    } else {
                        assertThat(a.endedAt()).as("%s ended before %s began", a, b).isBeforeOrEqualTo(b.startedAt());
                    }
                }
                assertThat(runs.get(runs.size() - 1).endedAt()).as("the last run of %s", runs.get(0).schoolId())
                        .isNotNull();
            }
            Mornings.Attempt resumed = bySchool.get(school).stream().filter(a -> a.startedAt().isAfter(killedAt))
                    .findFirst().orElseThrow();
            Set<String> survivors = Set.of("n2", "n3");
            assertThat(resumed.node()).isIn(survivors);
            System.out.printf("cluster morning: %d schools, %d runs; %s killed on n1, taken over by %s %.1f s "
                    + "after the kill%n", SCHOOLS, attempts.size(), school, resumed.node(),
                    Duration.between(killedAt, resumed.startedAt()).toMillis() / 1000.0);
        } finally {
            nodes.forEach(ServerProcess::close);
            pg.drop();
        }
    }

    /** Whether the school's version has a checkpoint yet (a solve killed after it resumes from it). */
    private static boolean checkpointed(ServerProcess node, JsonNode school) throws Exception {
        HttpResponse<String> r = node.get("api/schools/" + school.get("schoolId").asText() + "/days/" + DAY
                + "/plans/" + school.get("version").asInt() + "?plan=false");
        return r.statusCode() == 200 && JSON.readTree(r.body()).path("checkpoint").path("feasible").asBoolean();
    }
}
