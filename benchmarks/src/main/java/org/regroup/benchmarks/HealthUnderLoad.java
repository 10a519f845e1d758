package org.regroup.benchmarks;

import static org.regroup.benchmarks.ServerCalls.AUTHORIZATION;
import static org.regroup.benchmarks.ServerCalls.expect;
import static org.regroup.benchmarks.ServerCalls.send;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.regroup.domain.io.Json;

/**
 * Does /api/health stay quick while the server is as busy as issue 14 made it: slow uploads holding request threads,
 * teachers' overrides re-planning, and a day solving — all at once, against a running server ({@code ./regroup serve}).
 * Samples health every 50 ms and reports the latency percentiles.
 *
 * <p>Usage: {@code java -cp benchmarks/target/regroup-benchmarks.jar org.regroup.benchmarks.HealthUnderLoad
 * [BASE=http://127.0.0.1:8080/] [DAY.json=datasets/medium.json] [samples=400] [slowUploads=4] [overrides=4]
 * [OUT.json=benchmarks/results/health-under-load.json]}, signed in with the API token in {@code REGROUP_TOKEN} (a
 * district admin's: {@code ./regroup users token NAME}). The slow uploads are signed in too, so that they hold request
 * threads as a real client's would.
 */
public final class HealthUnderLoad {

    public record Report(String dataset, int slowUploads, int overridesStarted, int solvesStarted, int samples,
            double p50Millis, double p95Millis, double p99Millis, double maxMillis, int slowestSolvingSeen,
            int healthNot200, int cores, String java) {
    }

    private HealthUnderLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080/");
        Path dayFile = Path.of(args.length > 1 ? args[1] : "datasets/medium.json");
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        int uploads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int overrides = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        Path out = Path.of(args.length > 5 ? args[5] : "benchmarks/results/health-under-load.json");

        String school = "load-" + System.currentTimeMillis();
        String day = "api/schools/" + school + "/days/2026-12-01";
        expect(send(base, "POST", "api/schools/" + school, Files.readAllBytes(dayFile)), 201);
        expect(send(base, "POST", day + "/plan?timeLimit=5s", new byte[0]), 202);
        await(base, day + "/plans/1?plan=false", "draft");
        JsonNode plan = Json.mapper().readTree(send(base, "GET", day + "/plans/1", null).body()).get("plan");

        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            Thread t = new Thread(() -> slowUpload(base, school, stop), "slow-upload-" + i);
            t.start();
            load.add(t);
        }
        // Teachers' overrides, each a new version re-planning for 60 s, and a day planned from scratch for 60 s.
        int overridesStarted = 0;
        for (JsonNode student : plan.get("students")) {
            if (overridesStarted == overrides) {
                break;
            }
            for (JsonNode e : student.get("blocks")) {
                if (!"placed".equals(e.path("status").asText())) {
                    continue;
                }
                String at = day + "/placements/" + student.get("studentId").asText() + "/"
                        + e.get("blockId").asText();
                JsonNode options = Json.mapper().readTree(send(base, "GET", at + "/alternatives?version=1&limit=1",
                        null).body()).path("alternatives");
                if (options.size() == 0) {
                    continue;
                }
                HttpResponse<String> r = send(base, "PUT", at + "?version=1", Json.mapper().writeValueAsBytes(
                        java.util.Map.of("sessionId", options.get(0).get("sessionId").asText(), "timeLimit",
                                "60s")));
                if (r.statusCode() == 202) {
                    overridesStarted++;
                }
                break;
            }
        }
        int solves = send(base, "POST", day + "/plan?timeLimit=60s&from=scratch", new byte[0]).statusCode() == 202
                ? 1 : 0;

        double[] millis = new double[samples];
        int not200 = 0;
        int solvingSeen = 0;
        for (int i = 0; i < samples; i++) {
            long t = System.nanoTime();
            HttpResponse<String> health = send(base, "GET", "api/health", null);
            millis[i] = (System.nanoTime() - t) / 1e6;
            if (health.statusCode() != 200) {
                not200++;
            } else {
                solvingSeen = Math.max(solvingSeen, Json.mapper().readTree(health.body()).path("solving").asInt());
            }
            Thread.sleep(50);
        }
        stop.set(true);
        for (Thread t : load) {
            t.join(90_000);
        }
        Arrays.sort(millis);
        Report report = new Report(dayFile.toString(), uploads, overridesStarted, solves, samples,
                at(millis, 0.50), at(millis, 0.95), at(millis, 0.99), millis[millis.length - 1], solvingSeen, not200,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Json.writeAtomically(out, report);
        System.out.printf("health under %d slow uploads, %d overrides, %d solve (%d solving at most): "
                + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms over %d samples; %d not 200%n", uploads,
                overridesStarted, solves, solvingSeen, report.p50Millis(), report.p95Millis(), report.p99Millis(),
                report.maxMillis(), samples, not200);
    }

    /** Sends an evidence batch one byte a second, again and again, until told to stop. */
    private static void slowUpload(URI base, String school, AtomicBoolean stop) {
        while (!stop.get()) {
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/schools/" + school + "/evidence HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                        + AUTHORIZATION + "\r\nContent-Type: "
                        + "application/json\r\nContent-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                while (!stop.get() && socket.getInputStream().available() == 0) {
                    Thread.sleep(1000);
                    out.write(' ');
                    out.flush();
                }
            } catch (IOException answeredOrClosed) {
                // the server gave up on this body (408): start another
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static void await(URI base, String path, String status) throws Exception {
        for (int i = 0; i < 3000; i++) {
            JsonNode v = Json.mapper().readTree(send(base, "GET", path, null).body());
            if (status.equals(v.path("status").asText())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(path + " never became " + status);
    }
}
