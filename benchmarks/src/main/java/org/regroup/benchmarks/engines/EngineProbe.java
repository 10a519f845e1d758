package org.regroup.benchmarks.engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Which durable job engine for a district's morning — db-scheduler or JobRunr (open-source edition) — measured on
 * PostgreSQL, each run of each engine in a fresh schema of its own:
 * <ol>
 *   <li>pickup latency: on an idle node with 2 worker threads, one job scheduled to run now, 20 times one at a time,
 *       each at a random point of the node's polling cycle (after a random pause shorter than its poll interval):
 *       time from the schedule call returning to the job starting;</li>
 *   <li>throughput: {@code --jobs} jobs each sleeping {@code --work-ms}, scheduled on the first of two nodes (2
 *       worker threads each): wall time from the first schedule call until every job has run, and the jobs run more
 *       than once;</li>
 *   <li>takeover: a child JVM (this class, {@code --node-child}) is node A and starts a 10-minute job; node B starts
 *       in this JVM and runs for 3 s plus a random part of the engine's longest takeover cycle; A is SIGKILLed; the
 *       time from the kill to B starting the job (given up after 5 minutes);</li>
 *   <li>nothing run twice at once: every job execution's start and end (the database's clock) is in
 *       {@code probe_execution}; executions of one job that overlap are counted, for 2 and 3 (A's execution ends
 *       when its JVM is dead).</li>
 * </ol>
 *
 * <p>Usage: {@code java -cp benchmarks/target/regroup-benchmarks.jar org.regroup.benchmarks.engines.EngineProbe
 * [--jobs 200] [--work-ms 50] [--runs 3] [--pickups 20] [--engines db-scheduler,jobrunr]
 * [--url jdbc:postgresql://127.0.0.1:5432/test] [--user postgres]}. PostgreSQL must let the user in without a
 * password (trust) and create schemas. Prints Markdown tables.
 */
public final class EngineProbe {

    private static final int THREADS = 2;
    private static final Duration TAKEOVER_GIVE_UP = Duration.ofMinutes(5);

    record Options(int jobs, long workMillis, int runs, int pickups, List<String> engines) {
    }

    record Pickup(double medianMillis, double maxMillis, double minMillis) {
    }

    record Throughput(double wallSeconds, double jobsPerSecond, int executions, String perNode, int ranMoreThanOnce,
            int overlaps) {
    }

    /** {@code seconds} is empty when B did not start the job within the give-up time. */
    record Takeover(Optional<Double> seconds, double killedAfterSeconds, int executions, int overlaps, String trail) {
    }

    record Result(String engine, int run, Pickup pickup, Throughput throughput, Takeover takeover) {
    }

    private EngineProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        if (args.length > 0 && args[0].equals("--node-child")) {
            nodeChild(args);
            return;
        }
        Options options = parse(args);
        System.out.printf("# Job engines on PostgreSQL%n%n");
        System.out.printf("- date: %s%n", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        System.out.printf("- command: `java -cp benchmarks/target/regroup-benchmarks.jar %s%s`%n",
                EngineProbe.class.getName(), args.length == 0 ? "" : " " + String.join(" ", args));
        System.out.printf("- machine: %d cores, Java %s, %s; database %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), System.getProperty("os.name"),
                databaseVersion());
        System.out.printf("- jobs %d × %d ms, %d runs, %d pickup jobs per run, %d worker threads per node%n%n",
                options.jobs(), options.workMillis(), options.runs(), options.pickups(), THREADS);

        List<Result> results = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            for (String name : options.engines()) {
                Result r = runOnce(engine(name), run, options);
                results.add(r);
                System.out.printf("run %d %s: pickup median %.1f ms (max %.1f); %d jobs in %.2f s = %.1f jobs/s,"
                                + " %s, %d ran more than once, %d overlaps; takeover %s, %d executions of the long job,"
                                + " %d overlaps%s%n",
                        run, name, r.pickup().medianMillis(), r.pickup().maxMillis(), options.jobs(),
                        r.throughput().wallSeconds(), r.throughput().jobsPerSecond(), r.throughput().perNode(),
                        r.throughput().ranMoreThanOnce(), r.throughput().overlaps(),
                        r.takeover().seconds().map(s -> String.format(Locale.ROOT, "%.1f s", s))
                                .orElse("none within " + TAKEOVER_GIVE_UP.toMinutes() + " min"),
                        r.takeover().executions(), r.takeover().overlaps(),
                        r.takeover().trail().isEmpty() ? "" : "; the long job's states: " + r.takeover().trail());
            }
        }
        System.out.println();
        for (String name : options.engines()) {
            report(engine(name), results.stream().filter(r -> r.engine().equals(name)).toList(), options);
        }
    }

    private static Options parse(String[] args) {
        int jobs = 200;
        long workMillis = 50;
        int runs = 3;
        int pickups = 20;
        List<String> engines = List.of("db-scheduler", "jobrunr");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--jobs" -> jobs = Integer.parseInt(value);
                case "--work-ms" -> workMillis = Long.parseLong(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--pickups" -> pickups = Integer.parseInt(value);
                case "--engines" -> engines = Arrays.asList(value.split(","));
                case "--url" -> Db.baseUrl = value;
                case "--user" -> Db.user = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage: EngineProbe"
                        + " [--jobs 200] [--work-ms 50] [--runs 3] [--pickups 20] [--engines db-scheduler,jobrunr]"
                        + " [--url JDBC-URL] [--user USER]");
            }
            i++;
        }
        engines.forEach(EngineProbe::engine);
        return new Options(jobs, workMillis, runs, pickups, engines);
    }

    static Engine engine(String name) {
        return switch (name) {
            case "db-scheduler" -> new DbSchedulerEngine();
            case "jobrunr" -> new JobRunrEngine();
            default -> throw new IllegalArgumentException("unknown engine " + name + " (db-scheduler or jobrunr)");
        };
    }

    private static Result runOnce(Engine engine, int run, Options options) throws Exception {
        String schema = "engine_probe_" + engine.name().replace("-", "") + "_" + run + "_"
                + ProcessHandle.current().pid();
        Db.createSchema(schema);
        try (HikariDataSource recorder = Db.pool(schema, "recorder", 4)) {
            Work.createTable(recorder);
            engine.createTables(recorder, schema);
            Work.reset(recorder, options.workMillis());
            Pickup pickup = pickup(engine, schema, options.pickups());
            Throughput throughput = throughput(engine, schema, options, recorder);
            Takeover takeover = takeover(engine, schema, run, recorder);
            return new Result(engine.name(), run, pickup, throughput, takeover);
        } finally {
            Db.dropSchema(schema);
        }
    }

    /** 1: one job at a time on an idle node, each at a random point of its polling cycle. */
    private static Pickup pickup(Engine engine, String schema, int jobs) throws Exception {
        List<Double> millis = new ArrayList<>();
        try (Engine.Node node = engine.node(schema, "solo", THREADS)) {
            node.start();
            Thread.sleep(2_000);
            node.schedule("warm-up");
            Work.started("warm-up").get(1, TimeUnit.MINUTES); // not counted: the first job loads classes
            for (int i = 0; i < jobs; i++) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(engine.pollInterval().toMillis()));
                String id = "pick-" + i;
                node.schedule(id);
                long scheduled = System.nanoTime();
                long started = Work.started(id).get(1, TimeUnit.MINUTES);
                millis.add((started - scheduled) / 1e6);
                Work.ended(id).get(1, TimeUnit.MINUTES);
            }
        }
        Collections.sort(millis);
        int n = millis.size();
        double median = n % 2 == 1 ? millis.get(n / 2) : (millis.get(n / 2 - 1) + millis.get(n / 2)) / 2;
        return new Pickup(median, millis.get(n - 1), millis.get(0));
    }

    /** 2: many short jobs on two nodes. */
    private static Throughput throughput(Engine engine, String schema, Options options, DataSource recorder)
            throws Exception {
        List<CompletableFuture<Long>> ends = new ArrayList<>();
        long first;
        try (Engine.Node one = engine.node(schema, "node-1", THREADS);
                Engine.Node two = engine.node(schema, "node-2", THREADS)) {
            one.start();
            two.start();
            Thread.sleep(2_000);
            first = System.nanoTime();
            for (int i = 0; i < options.jobs(); i++) {
                String id = Work.THROUGHPUT + i;
                ends.add(Work.ended(id));
                one.schedule(id);
            }
            long limit = 120 + options.jobs() * options.workMillis() / 1000;
            try {
                CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get(limit, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                long done = ends.stream().filter(CompletableFuture::isDone).count();
                throw new IllegalStateException(engine.name() + ": only " + done + " of " + options.jobs()
                        + " jobs ran within " + limit + " s", e);
            }
        }
        long last = ends.stream().mapToLong(CompletableFuture::join).max().orElseThrow();
        double wall = (last - first) / 1e9;
        TreeMap<String, Integer> perNode = new TreeMap<>();
        try (Connection c = recorder.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT node, count(*) FROM probe_execution WHERE job_id LIKE 'tp-%' GROUP BY node")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    perNode.put(r.getString(1), r.getInt(2));
                }
            }
        }
        int executions = perNode.values().stream().mapToInt(Integer::intValue).sum();
        int twice = count(recorder, "SELECT count(*) FROM (SELECT job_id FROM probe_execution WHERE job_id LIKE 'tp-%'"
                + " GROUP BY job_id HAVING count(*) > 1) more");
        return new Throughput(wall, options.jobs() / wall, executions,
                String.join("/", perNode.values().stream().map(String::valueOf).toList()) + " on "
                        + String.join("/", perNode.keySet()),
                twice, overlaps(recorder, "tp-%"));
    }

    /** 3: node A (a child JVM) dies in the middle of a long job; node B must run it again. */
    private static Takeover takeover(Engine engine, String schema, int run, DataSource recorder) throws Exception {
        String job = Work.LONG + run;
        Path log = Path.of(System.getProperty("java.io.tmpdir"), schema + "-node-A.log");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                EngineProbe.class.getName(), "--node-child", engine.name(), schema, job, Db.baseUrl, Db.user)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Engine.Node b = null;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (count(recorder, "SELECT count(*) FROM probe_execution WHERE node = 'A'") == 0) {
                if (!child.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(engine.name() + ": node A did not start the long job; see "
                            + log + ":\n" + tail(log));
                }
                Thread.sleep(50);
            }
            b = engine.node(schema, "B", THREADS);
            b.start();
            long aliveTogether = 3_000 + ThreadLocalRandom.current().nextLong(engine.housekeepingCycle().toMillis());
            Thread.sleep(aliveTogether);
            child.destroyForcibly(); // SIGKILL
            child.waitFor();
            long killed = System.nanoTime();
            update(recorder, "UPDATE probe_execution SET ended_at = clock_timestamp() WHERE node = 'A'"
                    + " AND ended_at IS NULL");
            Optional<Double> seconds;
            try {
                long started = Work.started(job).get(TAKEOVER_GIVE_UP.toSeconds(), TimeUnit.SECONDS);
                seconds = Optional.of((started - killed) / 1e9);
                Work.releaseLongJobs();
                Work.ended(job).get(1, TimeUnit.MINUTES);
            } catch (TimeoutException e) {
                seconds = Optional.empty();
            }
            return new Takeover(seconds, aliveTogether / 1e3,
                    count(recorder, "SELECT count(*) FROM probe_execution WHERE job_id LIKE 'long-%'"),
                    overlaps(recorder, "long-%"), engine.trail(recorder, schema, job));
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
            Work.releaseLongJobs();
            if (b != null) {
                b.close();
            }
            Files.deleteIfExists(log);
        }
    }

    /** Node A of the takeover: runs in its own JVM until the parent kills it (or gives up after 6 minutes). */
    private static void nodeChild(String[] args) throws Exception {
        Engine engine = engine(args[1]);
        String schema = args[2];
        String job = args[3];
        Db.baseUrl = args[4];
        Db.user = args[5];
        HikariDataSource recorder = Db.pool(schema, "recorder-A", 2);
        Work.reset(recorder, 0);
        Engine.Node a = engine.node(schema, "A", THREADS);
        a.start();
        a.schedule(job);
        System.out.println("node A started and scheduled the long job");
        Thread.sleep(Duration.ofMinutes(6).toMillis());
        System.exit(3);
    }

    private static void report(Engine engine, List<Result> results, Options options) {
        System.out.printf("## %s%n%n%s%n%n", engine.name(), engine.settings());
        System.out.println("| run | pickup median ms | pickup max ms | throughput wall s | jobs/s | executions per"
                + " node | ran more than once | takeover s (kill → B starts) | B ran for before kill s |"
                + " overlapping executions (2 + 3) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.2f | %.1f | %s | %d | %s | %.1f | %d + %d |%n",
                    r.run(), r.pickup().medianMillis(), r.pickup().maxMillis(), r.throughput().wallSeconds(),
                    r.throughput().jobsPerSecond(), r.throughput().perNode(), r.throughput().ranMoreThanOnce(),
                    r.takeover().seconds().map(s -> String.format(Locale.ROOT, "%.1f", s))
                            .orElse("none in " + TAKEOVER_GIVE_UP.toMinutes() + " min"),
                    r.takeover().killedAfterSeconds(), r.throughput().overlaps(), r.takeover().overlaps());
        }
        System.out.println();
    }

    private static int overlaps(DataSource recorder, String jobs) throws SQLException {
        return count(recorder, "SELECT count(*) FROM probe_execution x JOIN probe_execution y"
                + " ON x.job_id = y.job_id AND x.id < y.id WHERE x.job_id LIKE '" + jobs + "'"
                + " AND x.started_at < coalesce(y.ended_at, 'infinity') AND y.started_at < coalesce(x.ended_at,"
                + " 'infinity')");
    }

    private static int count(DataSource database, String sql) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void update(DataSource database, String sql) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }

    private static String databaseVersion() throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(Db.baseUrl, Db.user, null)) {
            return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
