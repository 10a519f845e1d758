package org.regroup.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.regroup.rest.RegroupServer;
import org.regroup.rest.api.Durations;
import org.regroup.rest.api.ServerLimits;
import org.regroup.rest.plans.PlanService;
import org.regroup.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code regroup serve}: the HTTP API until Ctrl-C (running solves stop and keep their best plan). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = { "Serves the Regroup HTTP API (see docs/api.md) until stopped with Ctrl-C or SIGTERM; solves "
                + "in progress then stop and keep their best plan." })
final class ServeCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--datasets", defaultValue = "datasets", paramLabel = "DIR",
            description = "Demo days served at /api/datasets (default: ${DEFAULT-VALUE}).")
    Path datasets;

    @Option(names = "--max-body-mib", defaultValue = "20", paramLabel = "MIB",
            description = "Largest request body accepted (default: ${DEFAULT-VALUE} MiB).")
    int maxBodyMib;

    @Option(names = "--concurrent", paramLabel = "N", description = "Solves at once (default: the number of cores).")
    Integer concurrent;

    @Option(names = "--queue", paramLabel = "N", description = "Solves waiting beyond those; more get 429 "
            + "(default: 4 per core).")
    Integer queue;

    @Option(names = "--keep", defaultValue = "50", paramLabel = "N",
            description = "Finished plans kept (default: ${DEFAULT-VALUE}; they are also dropped after 24 h).")
    int keep;

    @Option(names = "--data-dir", defaultValue = "data", paramLabel = "DIR",
            description = "Where the embedded store keeps its file (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "The store's database instead of the embedded "
            + "one, e.g. jdbc:postgresql://127.0.0.1:5432/regroup (password from REGROUP_DB_PASSWORD).")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "The database user (with --db-url).")
    String dbUser;

    @Option(names = "--time-limit", defaultValue = "30s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Solving time when a request names none (default: ${DEFAULT-VALUE}).")
    Duration timeLimit;

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ErrorReporter.UserError("--port must be between 0 and 65535, was " + port);
        }
        if (maxBodyMib < 1) {
            throw new ErrorReporter.UserError("--max-body-mib must be at least 1, was " + maxBodyMib);
        }
        if (concurrent != null && concurrent < 1) {
            throw new ErrorReporter.UserError("--concurrent must be at least 1, was " + concurrent);
        }
        if (queue != null && queue < 0) {
            throw new ErrorReporter.UserError("--queue must be 0 or more, was " + queue);
        }
        if (keep < 1) {
            throw new ErrorReporter.UserError("--keep must be at least 1, was " + keep);
        }
        PlanService.Settings d = PlanService.Settings.defaults();
        if (timeLimit.isZero() || timeLimit.isNegative() || timeLimit.compareTo(d.maxTimeLimit()) > 0) {
            throw new ErrorReporter.UserError("--time-limit must be more than 0 and at most "
                    + Durations.format(d.maxTimeLimit()) + ", was " + Durations.format(timeLimit));
        }
        PlanService.Settings settings = new PlanService.Settings(concurrent == null ? d.concurrent() : concurrent,
                queue == null ? d.queued() : queue, keep, d.keepFor(), timeLimit, d.maxTimeLimit(),
                d.memoryBudgetBytes());
        String url = dbUrl != null ? dbUrl : Database.h2Url(dataDir);
        Database database;
        try {
            database = Database.open(url, dbUser, System.getenv("REGROUP_DB_PASSWORD"), null);
        } catch (RuntimeException e) {
            throw new ErrorReporter.UserError("cannot open the store at " + Database.redact(url) + ": "
                    + rootMessage(e));
        }
        RegroupServer server = RegroupServer.start(host, port,
                settings, new ServerLimits((long) maxBodyMib * 1024 * 1024, datasets), database);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "regroup-shutdown"));
        spec.commandLine().getOut().println("Regroup API at " + server.uri() + "api (Ctrl-C to stop)");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
