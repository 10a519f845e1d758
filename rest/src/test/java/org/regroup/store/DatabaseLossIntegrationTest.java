package org.regroup.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.io.Json;
import org.regroup.testing.ServerProcess;
import org.regroup.testing.TcpProxy;

/**
 * A node that loses its database mid-morning: it stops the solve it runs before its peer takes the job over (one job
 * never runs on two nodes at once), reports itself not ready, and takes work again once the database is back; the
 * school still gets its plan, from the peer.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DatabaseLossIntegrationTest {

    private static final ObjectMapper JSON = Json.mapper();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 8);
    private static final int PATIENCE_SECONDS = 600;
    /** slf4j's line when the watchdog stops a run's solve: "2026-12-04T21:55:01.123Z [...] WARN ... school s1: …". */
    private static final Pattern STOPPED = Pattern.compile("^(\\S+) .*morning " + DAY + ": school (\\S+): solve \\S+ "
            + "stopped here: .*cannot reach the database");

    @TempDir
    Path dir;

    @Test
    void aNodeCutOffItsDatabaseStopsItsSolveBeforeAPeerTakesTheJobAndComesBackReady() throws Exception {
        TestDatabases.PostgresSchema pg = TestDatabases.postgresSchema();
        pg.create();
        try (TcpProxy proxy = new TcpProxy(5432);
                ServerProcess steady = ServerProcess.start(Files.createDirectories(dir.resolve("steady")),
                        "--db-url", pg.url(), "--db-user", TestDatabases.POSTGRES_USER, "--node", "steady",
                        "--concurrent", "1");
                ServerProcess lost = ServerProcess.start(Files.createDirectories(dir.resolve("lost")), "--db-url",
                        pg.url().replace(":5432/", ":" + proxy.port() + "/"), "--db-user",
                        TestDatabases.POSTGRES_USER, "--node", "lost", "--concurrent", "1")) {
            for (int s = 1; s <= 4; s++) {
                HttpResponse<String> created = steady.post("api/schools/s" + s, JSON.writeValueAsBytes(
                        DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, s)));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            }
            HttpResponse<String> asked = lost.post("api/district/mornings/" + DAY, JSON.writeValueAsBytes(Map.of(
                    "timeLimit", "15s", "deadline", Instant.now().plus(Duration.ofHours(1)).toString())));
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
            String morning = "api/district/mornings/" + DAY;
            JsonNode solving = steady.await(morning, m -> m.findParents("schoolId").stream().anyMatch(s ->
                    "lost".equals(s.path("node").asText()) && "solving".equals(s.path("status").asText())
                            && s.hasNonNull("version")), PATIENCE_SECONDS);
            String school = solving.findParents("schoolId").stream().filter(s -> "lost".equals(s.path("node")
                    .asText()) && "solving".equals(s.path("status").asText())).findFirst().orElseThrow()
                    .get("schoolId").asText();

            proxy.cut();
            Instant cutAt = Instant.now();
            HttpResponse<String> notReady = lost.getSignedOut("api/health/ready");
            assertThat(notReady.statusCode()).as(notReady.body()).isEqualTo(503);
            assertThat(notReady.body()).contains("the store does not answer");

            JsonNode done = steady.await(morning, m -> m.path("done").asBoolean(), PATIENCE_SECONDS);
            for (JsonNode s : done.get("schools")) {
                assertThat(s.get("status").asText()).as(s.toString()).isEqualTo("published");
            }
            JsonNode taken = done.findParents("schoolId").stream().filter(s -> s.get("schoolId").asText()
                    .equals(school)).findFirst().orElseThrow();
            assertThat(taken.get("node").asText()).isEqualTo("steady");
            assertThat(taken.get("attempts").asInt()).isGreaterThan(1);

            // The lost node stopped its solve (its log says when) before the steady node began the school again.
            Instant stoppedAt = null;
            for (String line : Files.readAllLines(dir.resolve("lost").resolve("server.log"))) {
                Matcher m = STOPPED.matcher(line);
                if (m.find() && m.group(2).equals(school)) {
                    stoppedAt = java.time.OffsetDateTime.parse(m.group(1)).toInstant();
                }
            }
            assertThat(stoppedAt).as("the lost node's log says it stopped %s's solve", school).isNotNull()
                    .isAfter(cutAt.minusSeconds(1));
            List<Mornings.Attempt> runs;
            Database database = Database.open(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, null,
                    pg.name());
            try {
                runs = new SchoolStore(database).mornings().attempts(DAY).stream()
                        .filter(a -> a.schoolId().equals(school)).toList();
            } finally {
                database.close();
            }
            Mornings.Attempt again = runs.stream().filter(a -> a.node().equals("steady")).findFirst().orElseThrow();
            assertThat(again.startedAt()).as("the peer began after the lost node had stopped its solve")
                    .isAfter(stoppedAt);

            proxy.restore();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
            while (lost.getSignedOut("api/health/ready").statusCode() != 200) {
                assertThat(System.nanoTime()).as("the lost node ready again").isLessThan(until);
                Thread.sleep(500);
            }
            System.out.printf("database lost: %s's solve stopped %.1f s after the cut, the peer began it %.1f s "
                    + "after that%n", school, Duration.between(cutAt, stoppedAt).toMillis() / 1000.0,
                    Duration.between(stoppedAt, again.startedAt()).toMillis() / 1000.0);
        } finally {
            pg.drop();
        }
    }
}
