package org.regroup.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.cli.RegroupCommand;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.io.Json;

/**
 * Nothing acknowledged is lost: a real server process on the embedded store receives evidence from several clients,
 * is killed with SIGKILL mid-stream, and is started again on the same data directory; every result it answered 2xx
 * for is there, with the mastery it led to. A day's solve killed the same way is reported interrupted with its last
 * checkpoint and resumes from it.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CrashIntegrationTest {

    private static final Pattern LISTENING = Pattern.compile("Regroup API at (http://\\S+/)api");
    private static final ObjectMapper JSON = Json.mapper();
    /** How long a wait for a state may take on a busy machine (seconds; about one on an idle one). */
    private static final int PATIENCE_SECONDS = 180;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Starts {@code regroup serve} in its own JVM on the data directory; returns it and its base URI. */
    private record Server(Process process, URI base) {
    }

    private Server start() throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), RegroupCommand.class.getName(), "serve",
                "--port", "0", "--data-dir", dir.resolve("data").toString(), "--datasets", dir.toString());
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return new Server(p, URI.create(m.group(1)));
            }
        }
        throw new IllegalStateException("the server did not start (exit " + p.waitFor(5, TimeUnit.SECONDS) + ")");
    }

    private HttpResponse<String> post(URI base, String path, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code path} until {@code done} holds for its JSON; fails after {@code seconds}. */
    private JsonNode await(URI base, String path, java.util.function.Predicate<JsonNode> done, int seconds)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(base, path);
            if (r.statusCode() == 200) {
                last = JSON.readTree(r.body());
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " never got there; last: " + last);
    }

    @Test
    void killedWhileSolvingADayItReportsTheCheckpointAndResumesFromIt() throws Exception {
        DayProblem small = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);
        Server first = start();
        String version = "api/schools/crash/days/2026-11-23/plans/1";
        try {
            assertThat(post(first.base(), "api/schools/crash", JSON.writeValueAsBytes(small)).statusCode())
                    .isEqualTo(201);
            HttpResponse<String> started = post(first.base(), "api/schools/crash/days/2026-11-23/plan?timeLimit=5m",
                    new byte[0]);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            await(first.base(), version + "?plan=false", v -> v.path("checkpoint").path("feasible").asBoolean(),
                    PATIENCE_SECONDS);
        } finally {
            first.process().destroyForcibly(); // SIGKILL mid-solve
            first.process().waitFor(10, TimeUnit.SECONDS);
        }

        Server second = start();
        try {
            JsonNode cut = JSON.readTree(get(second.base(), version + "?plan=false").body());
            assertThat(cut.get("status").asText()).isEqualTo("interrupted");
            JsonNode checkpoint = cut.get("checkpoint");
            assertThat(checkpoint.get("feasible").asBoolean()).as(cut.toString()).isTrue();
            assertThat(checkpoint.get("takenAt").asText()).isNotEmpty();
            assertThat(checkpoint.get("kpis").get("placedShare").asDouble()).isPositive();
            HardMediumSoftScore atCrash = HardMediumSoftScore.parseScore(checkpoint.get("score").asText());

            HttpResponse<String> resumed = post(second.base(), version + "/resume?timeLimit=3s", new byte[0]);
            assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(202);
            assertThat(JSON.readTree(resumed.body()).get("version").asInt()).isEqualTo(1);
            assertThat(JSON.readTree(resumed.body()).get("startedFrom").asText()).startsWith("checkpoint of ")
                    .contains(checkpoint.get("score").asText());
            assertThat(post(second.base(), version + "/resume", new byte[0]).statusCode())
                    .as("a version solving again is not resumed twice").isEqualTo(409);
            JsonNode done = await(second.base(), version + "?plan=false", v -> v.get("status").asText()
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
        Server first = start();
        assertThat(post(first.base(), "api/schools/crash", JSON.writeValueAsBytes(small)).statusCode())
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
                        HttpResponse<String> r = post(first.base(), "api/schools/crash/evidence",
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

        Server second = start();
        try {
            long stored = JSON.readTree(http.send(HttpRequest.newBuilder(second.base().resolve("api/schools/crash"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body()).get("evidence").asLong();
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
            HttpResponse<String> resent = post(second.base(), "api/schools/crash/evidence",
                    JSON.writeValueAsBytes(Map.of("results", again)));
            assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
            assertThat(JSON.readTree(resent.body()).get("applied").asInt()).as("all were already logged").isZero();
        } finally {
            second.process().destroy();
            second.process().waitFor(15, TimeUnit.SECONDS);
        }
    }
}
