package org.regroup.testing;

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
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.regroup.cli.RegroupCommand;
import org.regroup.domain.io.Json;

/**
 * {@code regroup serve} in a JVM of its own on a data directory, to be killed with SIGKILL and started again the way a
 * machine loses power: what the store acknowledged must be there after, at the same addresses.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Regroup API at (http://\\S+/)api");
    public static final ObjectMapper JSON = Json.mapper();

    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A district admin's API token on the server's store (made before the server starts): requests are signed in. */
    private final String token;

    private ServerProcess(Process process, URI base, String token) {
        this.process = process;
        this.base = base;
        this.token = token;
    }

    /**
     * Makes (once per store) the district admin the tests sign in as, with {@code ./regroup users} on the same
     * store, and returns a new API token of it.
     */
    static String adminToken(Path dir, String... serveOptions) {
        List<String> store = new ArrayList<>(List.of("--data-dir", dir.resolve("data").toString()));
        for (int i = 0; i + 1 < serveOptions.length; i++) {
            if (serveOptions[i].equals("--db-url") || serveOptions[i].equals("--db-user")) {
                store.add(serveOptions[i]);
                store.add(serveOptions[i + 1]);
            }
        }
        List<String> add = new ArrayList<>(List.of("users", "add", "test-admin", "--role", "district-admin",
                "--no-password"));
        add.addAll(store);
        new picocli.CommandLine(new RegroupCommand()).execute(add.toArray(String[]::new)); // taken after a restart
        List<String> token = new ArrayList<>(List.of("users", "token", "test-admin"));
        token.addAll(store);
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new RegroupCommand());
        cli.setOut(new java.io.PrintWriter(out));
        int exit = cli.execute(token.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("users token exited " + exit);
        }
        return out.toString().trim();
    }

    /**
     * Starts a server on {@code dir}/data (its datasets folder is {@code dir}; what it logs goes to
     * {@code dir}/server.log); returns once it listens.
     * {@code serveOptions} are added to {@code regroup serve}'s (e.g. {@code --db-url URL}).
     */
    public static ServerProcess start(Path dir, String... serveOptions) throws IOException, InterruptedException {
        String token = adminToken(dir, serveOptions);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), RegroupCommand.class.getName(),
                "serve", "--port", "0", "--data-dir", dir.resolve("data").toString(), "--datasets", dir.toString()));
        command.addAll(List.of(serveOptions));
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()))
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                // Keep reading what it prints, so that a full pipe never blocks it.
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "server-stdout");
                drain.setDaemon(true);
                drain.start();
                return new ServerProcess(p, URI.create(m.group(1)), token);
            }
        }
        throw new IllegalStateException("the server did not start (exit " + p.waitFor(5, TimeUnit.SECONDS) + ")");
    }

    public URI base() {
        return base;
    }

    /** The API token requests are signed in with. */
    public String token() {
        return token;
    }

    public Process process() {
        return process;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed that was not already. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET()
                .header("Authorization", "Bearer " + token);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As a load balancer or a probe asks: not signed in. */
    public HttpResponse<String> getSignedOut(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> put(String path, Object body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Polls {@code path} until {@code done} holds for its JSON; fails after {@code seconds}. */
    public JsonNode await(String path, Predicate<JsonNode> done, int seconds) throws IOException,
            InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(path);
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
}
