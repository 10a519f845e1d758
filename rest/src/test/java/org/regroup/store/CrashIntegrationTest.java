package org.regroup.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.io.Json;
import org.regroup.testing.ServerProcess;

/**
 * Nothing acknowledged is lost: a real server process on the embedded store receives evidence from several clients,
 * is killed with SIGKILL mid-stream, and is started again on the same data directory; every result it answered 2xx
 * for is there, with the mastery it led to. A day's solve killed the same way is reported interrupted with its last
 * checkpoint and resumes from it.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CrashIntegrationTest {

    private static final ObjectMapper JSON = Json.mapper();
    /** How long a wait for a state may take on a busy machine (seconds; about one on an idle one). */
    private static final int PATIENCE_SECONDS = 180;

    @TempDir
    Path dir;

    @Test
    void killedWhileSolvingADayItReportsTheCheckpointAndResumesFromIt() throws Exception {
        DayProblem small = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);
        ServerProcess first = ServerProcess.start(dir);
        String version = "api/schools/crash/days/2026-11-23/plans/1";
        try {
            assertThat(first.post("api/schools/crash", JSON.writeValueAsBytes(small)).statusCode())
                    .isEqualTo(201);
            HttpResponse<String> started = first.post("api/schools/crash/days/2026-11-23/plan?timeLimit=5m",
                    new byte[0]);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            first.await(version + "?plan=false", v -> v.path("checkpoint").path("feasible").asBoolean(),
                    PATIENCE_SECONDS);
        } finally {
            first.process().destroyForcibly(); // SIGKILL mid-solve
            first.process().waitFor(10, TimeUnit.SECONDS);
        }

        ServerProcess second = ServerProcess.start(dir);
        try {
            JsonNode cut = JSON.readTree(second.get(version + "?plan=false").body());
            assertThat(cut.get("status").asText()).isEqualTo("interrupted");
            JsonNode checkpoint = cut.get("checkpoint");
            assertThat(checkpoint.get("feasible").asBoolean()).as(cut.toString()).isTrue();
            assertThat(checkpoint.get("takenAt").asText()).isNotEmpty();
            assertThat(checkpoint.get("kpis").get("placedShare").asDouble()).isPositive();
            HardMediumSoftScore atCrash = HardMediumSoftScore.parseScore(checkpoint.get("score").asText());

            HttpResponse<String> resumed = second.post(version + "/resume?timeLimit=3s", new byte[0]);
            assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(202);
            assertThat(JSON.readTree(resumed.body()).get("version").asInt()).isEqualTo(1);
            assertThat(JSON.readTree(resumed.body()).get("startedFrom").asText()).startsWith("checkpoint of ")
                    .contains(checkpoint.get("score").asText());
            assertThat(second.post(version + "/resume", new byte[0]).statusCode())
                    .as("a version solving again is not resumed twice").isEqualTo(409);
            JsonNode done = second.await(version + "?plan=false", v -> v.get("status").asText()
                    .equals("draft"), PATIENCE_SECONDS);
            assertThat(HardMediumSoftScore.parseScore(done.get("score").asText()))
                    .as("the resumed solve started from the checkpoint").isGreaterThanOrEqualTo(atCrash);
        } finally {
            second.process().destroy();
            second.process().waitFor(15, TimeUnit.SECONDS);
        }
    }

    @Test
    void killedWhileIngestingItLosesNothingItAcknowledged() throws Exception {
        DayProblem small = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);
        ServerProcess first = ServerProcess.start(dir);
        assertThat(first.post("api/schools/crash", JSON.writeValueAsBytes(small)).statusCode())
                .isEqualTo(201);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int client = t;
            Thread thread = new Thread(() -> {
                for (int batch = 0; !stop.get(); batch++) {
                    List<Map<String, Object>> results = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        Student s = small.students().get((batch * 50 + i) % small.students().size());
                        String skill = s.mastery().keySet().stream().sorted().findFirst().orElseThrow();
                        results.add(Map.of("eventId", "c" + client + "-b" + batch + "-" + i, "studentId", s.id(),
                                "skillId", skill, "correct", i % 3 != 0, "observedAt", "2026-11-23T09:00:00Z"));
                    }
                    try {
                        HttpResponse<String> r = first.post("api/schools/crash/evidence",
                                JSON.writeValueAsBytes(Map.of("results", results)));
                        if (r.statusCode() == 200) {
                            results.forEach(x -> acknowledged.add((String) x.get("eventId")));
                        }
                    } catch (IOException | InterruptedException serverGone) {
                        return;
                    }
                }
            });
            thread.start();
            clients.add(thread);
        }
        // Until 1,000 are acknowledged (a state, not a time: a busy machine takes longer, and then the test waits).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (acknowledged.size() < 1_000 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        first.process().waitFor(10, TimeUnit.SECONDS);
        stop.set(true);
        for (Thread c : clients) {
            c.join(10_000);
        }
        assertThat(acknowledged).as("the clients got answers before the kill").hasSizeGreaterThanOrEqualTo(1_000);

        ServerProcess second = ServerProcess.start(dir);
        try {
            long stored = JSON.readTree(second.get("api/schools/crash").body()).get("evidence").asLong();
            assertThat(stored).as("every acknowledged result survived").isGreaterThanOrEqualTo(acknowledged.size());
            // Sending them all again counts none twice: each acknowledged id is in the log.
            List<Map<String, Object>> again = new ArrayList<>();
            for (String id : acknowledged) {
                String[] part = id.split("-");
                int client = Integer.parseInt(part[0].substring(1));
                int batch = Integer.parseInt(part[1].substring(1));
                int i = Integer.parseInt(part[2]);
                Student s = small.students().get((batch * 50 + i) % small.students().size());
                again.add(Map.of("eventId", id, "studentId", s.id(), "skillId",
                        s.mastery().keySet().stream().sorted().findFirst().orElseThrow(), "correct", true,
                        "observedAt", "2026-11-23T10:00:00Z", "source", "client " + client));
            }
            HttpResponse<String> resent = second.post("api/schools/crash/evidence",
                    JSON.writeValueAsBytes(Map.of("results", again)));
            assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
            assertThat(JSON.readTree(resent.body()).get("applied").asInt()).as("all were already logged").isZero();
        } finally {
            second.process().destroy();
            second.process().waitFor(15, TimeUnit.SECONDS);
        }
    }
}
