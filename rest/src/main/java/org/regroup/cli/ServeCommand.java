package org.regroup.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.regroup.rest.RegroupServer;
import org.regroup.rest.api.Durations;
import org.regroup.rest.api.ServerLimits;
import org.regroup.rest.auth.Security;
import org.regroup.rest.auth.oidc.OidcConfig;
import org.regroup.rest.auth.oidc.OidcHttp;
import org.regroup.rest.auth.oidc.OidcProvider;
import org.regroup.rest.plans.PlanService;
import org.regroup.rest.privacy.RetentionSweep;
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

    @picocli.CommandLine.Mixin
    StoreOptions store;

    @Option(names = "--node", paramLabel = "NAME", description = "This process's name in a cluster of servers on one "
            + "PostgreSQL store (default: the host's name; give each its own when several run on one machine). Every "
            + "server runs the cluster's jobs (a district's morning) on --concurrent threads.")
    String node;

    @Option(names = "--max-waiting-jobs", defaultValue = "" + org.regroup.rest.district.Node.DEFAULT_MAX_WAITING_JOBS,
            paramLabel = "N", description = "Jobs the cluster may have waiting; a morning that would add more gets "
            + "429 (default: ${DEFAULT-VALUE}).")
    int maxWaitingJobs;

    @Option(names = "--allowed-host", paramLabel = "NAME", description = "A name clients reach this server by "
            + "(repeatable), e.g. regroup.school.example; requests naming another Host are refused (DNS rebinding). "
            + "The loopback names and --host are always allowed.")
    java.util.List<String> allowedHosts = new java.util.ArrayList<>();

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "Serve HTTPS with this PKCS#12 key store "
            + "(its password from REGROUP_TLS_PASSWORD).")
    Path tlsKeyStore;

    @Option(names = "--oidc", paramLabel = "FILE", description = "Also sign in with the school's identity "
            + "providers (Google Workspace, Microsoft Entra…) listed in this JSON file (docs/api.md); their client "
            + "secrets from the environment variables it names.")
    Path oidcFile;

    @Option(names = "--no-sign-in", description = "Answer without sign-in: anyone who reaches the port reads and "
            + "changes everything. Only on a loopback address (demos, benchmarks).")
    boolean noSignIn;

    @Option(names = "--time-limit", defaultValue = "30s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Solving time when a request names none (default: ${DEFAULT-VALUE}).")
    Duration timeLimit;

    @Option(names = "--keep-evidence-days", paramLabel = "DAYS", description = "Delete evidence observed more than "
            + "DAYS days ago (default: keep; mastery stays). See docs/privacy.md.")
    Integer keepEvidenceDays;

    @Option(names = "--keep-audit-days", defaultValue = "400", paramLabel = "DAYS",
            description = "Delete audit log entries older than DAYS days (default: ${DEFAULT-VALUE}).")
    int keepAuditDays;

    @Option(names = "--keep-plans-days", defaultValue = "400", paramLabel = "DAYS", description = "Delete the plans "
            + "and day inputs of school days more than DAYS days ago; each school's two latest published days stay "
            + "(default: ${DEFAULT-VALUE}).")
    int keepPlansDays;

    /** Sign-in, the names the server answers to, HTTPS: checked before anything starts. */
    private Security security() {
        java.net.InetAddress address;
        try {
            address = java.net.InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            throw new ErrorReporter.UserError("--host " + host + " is not an address of this machine");
        }
        boolean loopback = address.isLoopbackAddress();
        if (noSignIn && !loopback) {
            throw new ErrorReporter.UserError("--no-sign-in is only allowed on a loopback address (127.0.0.1): on "
                    + host + " anyone on the network would read every student's record");
        }
        java.util.Set<String> hosts = new java.util.HashSet<>(Security.LOOPBACK);
        if (!address.isAnyLocalAddress()) {
            hosts.add(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
        } else if (allowedHosts.isEmpty()) {
            throw new ErrorReporter.UserError("--host " + host + " listens on every address: name the host names "
                    + "clients use with --allowed-host NAME (requests for other names are refused)");
        }
        for (String name : allowedHosts) {
            if (!name.matches("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]+\\]")) {
                throw new ErrorReporter.UserError("--allowed-host " + name + " is not a host name");
            }
            hosts.add(name);
        }
        char[] password = null;
        if (tlsKeyStore != null) {
            if (!java.nio.file.Files.isReadable(tlsKeyStore)) {
                throw new ErrorReporter.UserError("--tls-keystore " + tlsKeyStore + " cannot be read");
            }
            String p = System.getenv("REGROUP_TLS_PASSWORD");
            password = p == null ? new char[0] : p.toCharArray();
        }
        return new Security(!noSignIn, hosts, tlsKeyStore, password);
    }

    /** The identity providers of --oidc, checked and discovered before anything starts. */
    private java.util.List<OidcProvider> identityProviders(Security security) {
        if (oidcFile == null) {
            return java.util.List.of();
        }
        java.util.List<OidcProvider> providers;
        try {
            providers = OidcConfig.load(oidcFile, System::getenv, OidcHttp.client());
        } catch (OidcConfig.Invalid invalid) {
            throw new ErrorReporter.UserError("--oidc " + invalid.getMessage());
        }
        for (OidcProvider p : providers) {
            String host = p.config().redirectUri().getHost().toLowerCase(java.util.Locale.ROOT);
            if (!security.hosts().contains(host)) {
                // The provider sends the browser back there; a Host this server refuses would end every sign-in.
                throw new ErrorReporter.UserError("--oidc " + oidcFile + ": " + p.config().where()
                        + ".redirectUri: " + host + " is not a name of this server (add --allowed-host " + host + ")");
            }
        }
        return providers;
    }

    private static void atLeastADay(String option, Integer days) {
        if (days != null && days < 1) {
            throw new ErrorReporter.UserError(option + " must be at least 1, was " + days);
        }
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
        atLeastADay("--keep-evidence-days", keepEvidenceDays);
        atLeastADay("--keep-audit-days", keepAuditDays);
        atLeastADay("--keep-plans-days", keepPlansDays);
        RetentionSweep.Retention retention = new RetentionSweep.Retention(keepEvidenceDays, keepAuditDays,
                keepPlansDays);
        Security security = security();
        java.util.List<OidcProvider> identityProviders = identityProviders(security);
        PlanService.Settings d = PlanService.Settings.defaults();
        if (timeLimit.isZero() || timeLimit.isNegative() || timeLimit.compareTo(d.maxTimeLimit()) > 0) {
            throw new ErrorReporter.UserError("--time-limit must be more than 0 and at most "
                    + Durations.format(d.maxTimeLimit()) + ", was " + Durations.format(timeLimit));
        }
        PlanService.Settings settings = new PlanService.Settings(concurrent == null ? d.concurrent() : concurrent,
                queue == null ? d.queued() : queue, keep, d.keepFor(), timeLimit, d.maxTimeLimit(),
                d.memoryBudgetBytes());
        org.regroup.rest.district.Node self;
        try {
            self = new org.regroup.rest.district.Node(node == null ? org.regroup.rest.district.Node.local().name()
                    : node, maxWaitingJobs);
        } catch (IllegalArgumentException bad) {
            throw new ErrorReporter.UserError((node != null ? "--node: " : "--max-waiting-jobs: ")
                    + bad.getMessage());
        }
        Database database = store.open();
        RegroupServer server;
        try {
            server = RegroupServer.start(host, port, settings,
                    new ServerLimits((long) maxBodyMib * 1024 * 1024, datasets), database, security,
                    identityProviders, retention, self);
        } catch (IllegalArgumentException badTls) {
            database.close();
            throw new ErrorReporter.UserError(badTls.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "regroup-shutdown"));
        var out = spec.commandLine().getOut();
        if (security.signInRequired()) {
            server.authenticator().setupToken().ifPresent(token -> {
                out.println("No account yet. Make the first administrator (once) with this setup token:");
                out.println("  curl -X POST " + server.uri() + "api/setup -H 'Content-Type: application/json' -d "
                        + "'{\"setupToken\": \"" + token + "\", \"username\": \"admin\", \"password\": \"…\"}'");
                out.println("  or: ./regroup users add admin --role district-admin (same --data-dir/--db-url)");
            });
        } else {
            out.println("WARNING: sign-in is off (--no-sign-in): anyone who reaches " + server.uri()
                    + " reads and changes every school's data");
        }
        spec.commandLine().getOut().println("Regroup API at " + server.uri() + "api (Ctrl-C to stop)");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
