package org.regroup.store;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.testing.ServerProcess;

/**
 * Kill cycles: a real server process receives evidence batches (unique event ids) from several clients and is killed
 * with SIGKILL at a random moment, again and again on the same store. After each kill, with the server down, the store
 * is opened the way the server opens it ({@link Database#open}) and read event id by event id: every acknowledged
 * event must be there exactly once, nothing may be there that was never sent, and each student's mastery must count
 * exactly the evidence logged for it. On H2 it is then shut as if killed again, so that the next cycle's server
 * recovers the file itself, and must report the same count. On H2 each cycle also counts what a copy of the killed
 * file opened by H2 alone lacks: what was lost before {@link H2CrashRecovery}.
 *
 * <pre>
 * java -cp rest/target/regroup.jar:rest/target/test-classes org.regroup.store.KillCycles [--cycles 20] [--clients 4]
 *     [--max-batch 200] [--kill-ms 300-5000] [--seed N] [--db-url JDBC_URL] [--dir DIR] [--aged-h2 true]
 *     [--out FILE.json]
 * </pre>
 * (benchmarks/load/kill-cycles.sh builds the classpath). Exits 1 when anything acknowledged was lost or doubled.
 */
public final class KillCycles {

    /**
     * What to run. Each request is a batch of 1–{@code maxBatch} results (sizes vary, as clients send what they
     * have). {@code dbUrl} null: embedded H2 under {@code dir}/data; otherwise that database (a school of its own per
     * run). The kill comes {@code killMinMillis}–{@code killMaxMillis} after the cycle's first acknowledged batch (a
     * state: a busy machine takes longer to get there, and the cycle waits). {@code agedH2}: the new H2 store reuses
     * freed space at once (RETENTION_TIME 0, kept in the database), as every store older than 45 s does; a short test
     * would otherwise spend its first 45 s where H2's lost commits cannot happen.
     */
    public record Settings(int cycles, int clients, int maxBatch, long killMinMillis, long killMaxMillis, long seed,
            String dbUrl, Path dir, boolean agedH2) {
    }

    /**
     * One cycle, counted by event id. {@code inFlight}: sent without an answer when the server died (they may or
     * may not be stored). H2 only (else -1): {@code h2CommitsKept}, commits H2's own crash recovery would have
     * dropped ({@link H2CrashRecovery}), and {@code lostByH2Alone}, acknowledged events a copy of the killed store
     * opened by H2 alone (as before the fix) lacks.
     */
    public record Cycle(int cycle, long killAfterMillis, int acknowledged, int inFlight, int inFlightStored,
            long stored, int lost, int duplicated, int unknown, int masteryMismatches, boolean restartCountMatches,
            long h2CommitsKept, long lostByH2Alone) {
    }

    /** All cycles, with the totals the verdict is made of. */
    public record Result(String store, Settings settings, Instant startedAt, double seconds, List<Cycle> cycles,
            long acknowledged, long stored, long lost, long duplicated, long unknown, long masteryMismatches,
            long restartCountMismatches, long clientErrors, long lostByH2Alone, long cyclesLostByH2Alone) {

        public boolean nothingLostOrDoubled() {
            return lost == 0 && duplicated == 0 && unknown == 0 && masteryMismatches == 0
                    && restartCountMismatches == 0 && clientErrors == 0;
        }
    }

    private static final int PATIENCE_SECONDS = 180;
    private static final String SKILL_TIME = "2026-11-23T09:00:00Z";

    private final Settings settings;
    private final Consumer<String> log;
    private final DayProblem school = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);
    private final String schoolId;
    private final Random random;
    /** Every id ever sent, and every id acknowledged, over all cycles. */
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger clientErrors = new AtomicInteger();

    private KillCycles(Settings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
        this.random = new Random(settings.seed());
        this.schoolId = "kill-" + Long.toHexString(settings.seed() & 0xffffffL) + "-"
                + Long.toHexString(System.nanoTime() & 0xffffL);
    }

    /** Runs the cycles; {@code log} gets one line per cycle. */
    public static Result run(Settings settings, Consumer<String> log) throws IOException, InterruptedException {
        return new KillCycles(settings, log).run();
    }

    private String url() {
        return settings.dbUrl() != null ? settings.dbUrl() : Database.h2Url(settings.dir().resolve("data"));
    }

    private String[] serveOptions() {
        return settings.dbUrl() == null ? new String[0] : new String[] {"--db-url", settings.dbUrl()};
    }

    private Result run() throws IOException, InterruptedException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<Cycle> cycles = new ArrayList<>();
        long expectedCount = -1;
        if (settings.agedH2() && settings.dbUrl() == null) {
            try (Database db = Database.open(url(), null, null, null); Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("SET RETENTION_TIME 0");
            } catch (SQLException e) {
                throw new StoreException("setting RETENTION_TIME", e);
            }
        }
        for (int k = 0; k < settings.cycles(); k++) {
            long startAt = System.nanoTime();
            ServerProcess server = ServerProcess.start(settings.dir(), serveOptions());
            long startedAt = System.nanoTime();
            boolean countMatches = true;
            long killAfter;
            Set<String> sentNow = ConcurrentHashMap.newKeySet();
            Set<String> ackedNow = ConcurrentHashMap.newKeySet();
            try {
                if (k == 0) {
                    HttpResponse<String> created = server.post("api/schools/" + schoolId,
                            ServerProcess.JSON.writeValueAsBytes(school));
                    if (created.statusCode() != 201) {
                        throw new IllegalStateException("creating the school: " + created.statusCode() + " "
                                + created.body());
                    }
                } else {
                    long count = server.json("api/schools/" + schoolId).get("evidence").asLong();
                    countMatches = count == expectedCount;
                }
                killAfter = ingestAndKill(server, k, sentNow, ackedNow);
            } finally {
                server.kill();
            }
            long killedAt = System.nanoTime();
            Cycle cycle = check(k, killAfter, sentNow, ackedNow, countMatches);
            long checkedAt = System.nanoTime();
            expectedCount = cycle.stored();
            cycles.add(cycle);
            log.accept(String.format("cycle %d/%d: killed %d ms after the first 2xx; acknowledged %d, in flight %d "
                    + "(%d stored); stored %d in all; lost %d, duplicated %d, unknown %d, mastery mismatches %d%s%s",
                    k + 1, settings.cycles(), cycle.killAfterMillis(), cycle.acknowledged(), cycle.inFlight(),
                    cycle.inFlightStored(), cycle.stored(), cycle.lost(), cycle.duplicated(), cycle.unknown(),
                    cycle.masteryMismatches(), countMatches ? "" : "; RESTARTED SERVER'S COUNT DIFFERS",
                    cycle.h2CommitsKept() > 0 ? "; H2 alone would have dropped the last " + cycle.h2CommitsKept()
                            + " commit(s), " + cycle.lostByH2Alone() + " acknowledged events" : "")
                    + String.format(" [start %.1f s, ingest %.1f s, check %.1f s]", (startedAt - startAt) / 1e9,
                            (killedAt - startedAt) / 1e9, (checkedAt - killedAt) / 1e9));
        }
        // The last cycle's store, as a server started on it sees it.
        long restartMismatches = cycles.stream().filter(c -> !c.restartCountMatches()).count();
        try (ServerProcess last = ServerProcess.start(settings.dir(), serveOptions())) {
            if (last.json("api/schools/" + schoolId).get("evidence").asLong() != expectedCount) {
                restartMismatches++;
            }
        }
        return new Result(settings.dbUrl() == null ? "H2" : Database.redact(settings.dbUrl()), settings, started,
                (System.nanoTime() - t0) / 1e9, cycles, acknowledged.size(),
                expectedCount, sum(cycles, Cycle::lost), sum(cycles, Cycle::duplicated), sum(cycles, Cycle::unknown),
                sum(cycles, Cycle::masteryMismatches), restartMismatches, clientErrors.get(),
                settings.dbUrl() == null ? sum(cycles, Cycle::lostByH2Alone) : -1,
                cycles.stream().filter(c -> c.lostByH2Alone() > 0).count());
    }

    private static long sum(List<Cycle> cycles, java.util.function.ToLongFunction<Cycle> f) {
        return cycles.stream().mapToLong(f).sum();
    }

    /** Clients post until the server dies; it is killed a random time after the first acknowledged batch. */
    private long ingestAndKill(ServerProcess server, int cycle, Set<String> sentNow, Set<String> ackedNow)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch firstAck = new CountDownLatch(1);
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        List<Student> students = school.students();
        for (int c = 0; c < settings.clients(); c++) {
            int client = c;
            Random sizes = new Random(settings.seed() * 31 + cycle * 8 + client);
            Thread thread = new Thread(() -> {
                for (int b = 0; !stop.get(); b++) {
                    List<Map<String, Object>> results = new ArrayList<>();
                    List<String> ids = new ArrayList<>();
                    int size = 1 + sizes.nextInt(settings.maxBatch());
                    for (int i = 0; i < size; i++) {
                        String id = UUID.randomUUID().toString(); // as apps make them: spread over the key space
                        Student s = students.get((client * 7919 + b * 211 + i) % students.size());
                        List<String> skills = s.mastery().keySet().stream().sorted().toList();
                        results.add(Map.of("eventId", id, "studentId", s.id(), "skillId",
                                skills.get((b + i) % skills.size()), "correct", i % 3 != 0, "observedAt",
                                SKILL_TIME));
                        ids.add(id);
                    }
                    // Sent before the answer: a batch the server dies on may or may not be stored.
                    sent.addAll(ids);
                    sentNow.addAll(ids);
                    HttpResponse<String> r;
                    try {
                        r = server.post("api/schools/" + schoolId + "/evidence",
                                ServerProcess.JSON.writeValueAsBytes(Map.of("results", results)));
                    } catch (IOException | InterruptedException serverGone) {
                        return;
                    }
                    if (r.statusCode() == 200 && applied(r.body()) == ids.size()) {
                        acknowledged.addAll(ids);
                        ackedNow.addAll(ids);
                        firstAck.countDown();
                    } else {
                        clientErrors.incrementAndGet();
                        firstError.compareAndSet(null, r.statusCode() + " " + r.body());
                    }
                }
            }, "kill-cycles-client-" + c);
            thread.start();
            clients.add(thread);
        }
        long kill = settings.killMinMillis()
                + (long) (random.nextDouble() * (settings.killMaxMillis() - settings.killMinMillis()));
        try {
            if (!firstAck.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no batch acknowledged in " + PATIENCE_SECONDS + " s; first error: "
                        + firstError.get());
            }
            Thread.sleep(kill);
        } finally {
            server.kill(); // SIGKILL: no shutdown hook, no flush
            stop.set(true);
            for (Thread t : clients) {
                t.join(TimeUnit.SECONDS.toMillis(90));
            }
        }
        if (firstError.get() != null) {
            log.accept("a client got an unexpected answer: " + firstError.get());
        }
        return kill;
    }

    private static int applied(String body) {
        try {
            return ServerProcess.JSON.readTree(body).get("applied").asInt();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * With the server dead: the store opened as a server opens it, event id by event id, then shut as if killed again
     * (SHUTDOWN IMMEDIATELY: a clean close would compact the file), so that the next server recovers it itself.
     */
    private Cycle check(int k, long killAfter, Set<String> sentNow, Set<String> ackedNow, boolean countMatches)
            throws IOException {
        long lostByH2Alone = settings.dbUrl() == null ? lostByH2Alone() : -1;
        // Reads only: what is checked below is what Database.open alone makes of the killed store.
        long h2CommitsKept = H2CrashRecovery.storeFile(url()).flatMap(H2CrashRecovery::inspect)
                .map(H2CrashRecovery.Outcome::commitsKept).orElse(settings.dbUrl() == null ? 0L : -1L);
        Map<String, Integer> stored = new HashMap<>();
        int[] masteryMismatches = new int[1];
        try (Database db = Database.open(url(), null, null, null)) {
            read(db, stored, masteryMismatches);
            if (settings.dbUrl() == null) {
                try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN IMMEDIATELY");
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading the store after the kill", e);
        }
        int lost = (int) acknowledged.stream().filter(id -> !stored.containsKey(id)).count();
        int duplicated = (int) stored.values().stream().filter(n -> n > 1).count();
        int unknown = (int) stored.keySet().stream().filter(id -> !sent.contains(id)).count();
        Set<String> inFlight = new HashSet<>(sentNow);
        inFlight.removeAll(ackedNow);
        int inFlightStored = (int) inFlight.stream().filter(stored::containsKey).count();
        long rows = stored.values().stream().mapToLong(Integer::longValue).sum();
        return new Cycle(k + 1, killAfter, ackedNow.size(), inFlight.size(), inFlightStored, rows, lost, duplicated,
                unknown, masteryMismatches[0], countMatches, h2CommitsKept, lostByH2Alone);
    }

    private void read(Database db, Map<String, Integer> stored, int[] masteryMismatches) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT event_id, COUNT(*) FROM evidence WHERE school_id = ? GROUP BY event_id")) {
                q.setString(1, schoolId);
                Jdbc.eachRow(q, rs -> stored.put(rs.getString(1), rs.getInt(2)));
            }
            // Evidence and mastery are written together: each (student, skill) has counted exactly its evidence.
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM mastery m LEFT JOIN (SELECT "
                    + "student_id, skill_id, SUM(items) AS n FROM evidence WHERE school_id = ? GROUP BY student_id, "
                    + "skill_id) e ON e.student_id = m.student_id AND e.skill_id = m.skill_id WHERE m.school_id = ? "
                    + "AND m.observations <> COALESCE(e.n, 0)");
                    PreparedStatement orphans = c.prepareStatement("SELECT COUNT(*) FROM (SELECT DISTINCT "
                            + "student_id, skill_id FROM evidence WHERE school_id = ?) e LEFT JOIN mastery m ON "
                            + "m.school_id = ? AND m.student_id = e.student_id AND m.skill_id = e.skill_id WHERE "
                            + "m.student_id IS NULL")) {
                masteryMismatches[0] = count(q) + count(orphans);
            }
        }
    }

    /** Acknowledged events missing from a copy of the killed H2 store opened by H2 alone, without H2CrashRecovery. */
    private long lostByH2Alone() throws IOException {
        Path copy = settings.dir().resolve("h2-alone");
        Files.createDirectories(copy);
        Files.copy(settings.dir().resolve("data").resolve("regroup.mv.db"), copy.resolve("regroup.mv.db"),
                StandardCopyOption.REPLACE_EXISTING);
        Set<String> stored = new HashSet<>();
        try (Connection c = DriverManager.getConnection(Database.h2Url(copy));
                PreparedStatement q = c.prepareStatement("SELECT event_id FROM evidence WHERE school_id = ?")) {
            q.setString(1, schoolId);
            Jdbc.eachRow(q, rs -> stored.add(rs.getString(1)));
        } catch (SQLException e) {
            throw new StoreException("reading a copy of the killed store with H2 alone", e);
        } finally {
            Files.deleteIfExists(copy.resolve("regroup.mv.db"));
        }
        return acknowledged.stream().filter(id -> !stored.contains(id)).count();
    }

    private int count(PreparedStatement q) throws SQLException {
        q.setString(1, schoolId);
        q.setString(2, schoolId);
        try (ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            a.put(args[i].substring(2), args[i + 1]);
        }
        String[] kill = a.getOrDefault("kill-ms", "300-5000").split("-");
        Path dir = a.containsKey("dir") ? Files.createDirectories(Path.of(a.get("dir")))
                : Files.createTempDirectory("kill-cycles");
        Settings settings = new Settings(Integer.parseInt(a.getOrDefault("cycles", "20")),
                Integer.parseInt(a.getOrDefault("clients", "4")), Integer.parseInt(a.getOrDefault("max-batch", "200")),
                Long.parseLong(kill[0]), Long.parseLong(kill[1]),
                Long.parseLong(a.getOrDefault("seed", Long.toString(new Random().nextInt(1_000_000)))),
                a.get("db-url"), dir, Boolean.parseBoolean(a.getOrDefault("aged-h2", "false")));
        System.out.println("kill cycles: " + settings.cycles() + " on "
                + (settings.dbUrl() == null ? "H2 under " + dir : Database.redact(settings.dbUrl())) + ", "
                + settings.clients() + " clients, batches of 1–" + settings.maxBatch() + ", SIGKILL "
                + settings.killMinMillis() + "–" + settings.killMaxMillis() + " ms after the first 2xx, seed "
                + settings.seed());
        Result r = run(settings, System.out::println);
        System.out.printf("%s: %d cycles in %.0f s; %d events acknowledged, %d stored; lost %d, duplicated %d, "
                + "unknown %d, mastery mismatches %d, restart count mismatches %d, client errors %d%n", r.store(),
                r.cycles().size(), r.seconds(), r.acknowledged(), r.stored(), r.lost(), r.duplicated(), r.unknown(),
                r.masteryMismatches(), r.restartCountMismatches(), r.clientErrors());
        if (settings.dbUrl() == null) {
            System.out.printf("H2 alone (the same killed stores opened without H2CrashRecovery): %d acknowledged "
                    + "events lost in %d of %d cycles%n", r.lostByH2Alone(), r.cyclesLostByH2Alone(),
                    r.cycles().size());
        }
        if (a.containsKey("out")) {
            Path out = Path.of(a.get("out"));
            ServerProcess.JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), r);
            System.out.println("written to " + out);
        }
        if (!a.containsKey("dir")) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(r.nothingLostOrDoubled() ? 0 : 1);
    }
}
