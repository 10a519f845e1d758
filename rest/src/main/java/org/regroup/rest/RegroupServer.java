package org.regroup.rest;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.regroup.domain.mastery.BktParameters;
import org.regroup.rest.api.DatasetResource;
import org.regroup.rest.auth.AccessFilter;
import org.regroup.rest.auth.AccessPolicy;
import org.regroup.rest.auth.AccountAdmin;
import org.regroup.rest.auth.AuditTrail;
import org.regroup.rest.auth.Authenticator;
import org.regroup.rest.auth.BrowserGuards;
import org.regroup.rest.auth.EvidenceScope;
import org.regroup.rest.auth.Security;
import org.regroup.rest.auth.SecurityHeaders;
import org.regroup.rest.auth.oidc.OidcHttp;
import org.regroup.rest.auth.oidc.OidcProvider;
import org.regroup.rest.auth.oidc.OidcSignIn;
import org.regroup.rest.api.HealthResource;
import org.regroup.rest.api.OpenApiResource;
import org.regroup.rest.api.PlanDetailResource;
import org.regroup.rest.api.PlanResource;
import org.regroup.rest.api.ScenarioResource;
import org.regroup.rest.api.SchoolDayResource;
import org.regroup.rest.api.SchoolResource;
import org.regroup.rest.api.ServerLimits;
import org.regroup.rest.days.CheckpointWriter;
import org.regroup.rest.days.EvidenceService;
import org.regroup.rest.days.SchoolDays;
import org.regroup.rest.days.ScratchPlans;
import org.regroup.rest.days.StoredVersions;
import org.regroup.rest.days.VersionViews;
import org.regroup.rest.errors.ErrorMappers;
import org.regroup.rest.errors.GrizzlyErrors;
import org.regroup.rest.errors.ProblemFilters;
import org.regroup.rest.district.ClusterNode;
import org.regroup.rest.district.DistrictMornings;
import org.regroup.rest.district.JobEngine;
import org.regroup.rest.district.Node;
import org.regroup.rest.health.Metrics;
import org.regroup.rest.health.Vitals;
import org.regroup.rest.plans.PlanService;
import org.regroup.rest.privacy.RetentionSweep;
import org.regroup.rest.privacy.StudentRecords;
import org.regroup.rest.scenarios.ScenarioService;
import org.regroup.store.Database;
import org.regroup.store.SchoolStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Jersey on Grizzly, JSON by the project's one ObjectMapper, plans solved by {@link PlanService}.
 * Binds to 127.0.0.1 unless told otherwise.
 */
public final class RegroupServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegroupServer.class);

    private final HttpServer http;
    private final PlanService plans;
    private final Vitals vitals;
    private final ScenarioService scenarios;
    private final CheckpointWriter checkpoints;
    private final Database database;
    private final URI uri;

    /** A solve's best plan is checkpointed in the store at most this often (and at once when first feasible). */
    static final java.time.Duration CHECKPOINT_EVERY = java.time.Duration.ofSeconds(5);

    /**
     * Request threads. No request waits on a solve, but a request's body arrives as fast as its client sends it:
     * enough threads that slow uploads (each bounded by {@code BodyLimits.DEADLINE}) never leave /api/health
     * without one. Grizzly's default is two per core, so four slow clients froze a 2-core server.
     */
    static final int REQUEST_THREADS_CORE = 8;
    static final int REQUEST_THREADS_MAX = 64;
    /** A read that waits longer than this for the next bytes of a body gives up (the body is answered 408). */
    static final java.time.Duration READ_TIMEOUT = java.time.Duration.ofSeconds(15);

    /** Scenarios run one at a time (each uses every core); this many more may wait, this many finished are kept. */
    static final int SCENARIOS_QUEUED = 2;
    static final int SCENARIOS_KEPT = 20;

    private final Authenticator authenticator;
    private final RetentionSweep retention;
    private final JobEngine engine;

    private RegroupServer(HttpServer http, Vitals vitals, PlanService plans, ScenarioService scenarios,
            CheckpointWriter checkpoints, Database database, URI uri, Authenticator authenticator,
            RetentionSweep retention, JobEngine engine) {
        this.engine = engine;
        this.authenticator = authenticator;
        this.retention = retention;
        this.http = http;
        this.vitals = vitals;
        this.plans = plans;
        this.scenarios = scenarios;
        this.checkpoints = checkpoints;
        this.database = database;
        this.uri = uri;
    }

    /** Starts the server; port 0 picks a free one (tests). */
    /** A server whose store is an in-memory H2 database, gone when the server stops (tests, demos). */
    public static RegroupServer start(String host, int port, PlanService.Settings settings, ServerLimits limits)
            throws IOException {
        return start(host, port, settings, limits, Database.open("jdbc:h2:mem:regroup-" + java.util.UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", null, null, null), Security.loopback());
    }

    /** A server on {@code database} (migrated); the server closes it when it stops. */
    public static RegroupServer start(String host, int port, PlanService.Settings settings, ServerLimits limits,
            Database database, Security security) throws IOException {
        return start(host, port, settings, limits, database, security, List.of(), RetentionSweep.Retention.DEFAULTS);
    }

    /**
     * As above, also signing in with the school's identity providers ({@code serve --oidc}, discovered), and
     * deleting what is past {@code retention} at start and then daily.
     */
    public static RegroupServer start(String host, int port, PlanService.Settings settings, ServerLimits limits,
            Database database, Security security, List<OidcProvider> identityProviders,
            RetentionSweep.Retention retention) throws IOException {
        return start(host, port, settings, limits, database, security, identityProviders, retention, Node.local());
    }

    /**
     * As above, as {@code node} of a cluster: every process on one database is one, each running the cluster's jobs
     * (a district's mornings) on {@code settings.concurrent()} threads.
     */
    public static RegroupServer start(String host, int port, PlanService.Settings settings, ServerLimits limits,
            Database database, Security security, List<OidcProvider> identityProviders,
            RetentionSweep.Retention retention, Node node) throws IOException {
        Vitals vitals = new Vitals();
        Metrics metrics = new Metrics();
        PlanService plans = new PlanService(settings, vitals, metrics);
        ScenarioService scenarios = new ScenarioService(plans, vitals, SCENARIOS_QUEUED, SCENARIOS_KEPT);
        // On H2 the process is the store's only one: its solves are all its own.
        SchoolStore store = new SchoolStore(database, database.isH2() ? null : node.name());
        store.timeTransactions(metrics::storeTransaction);
        EvidenceService evidence = new EvidenceService(store.evidence(), BktParameters.DEFAULTS);
        int interrupted = store.versions().markInterrupted();
        if (interrupted > 0) {
            LOG.warn("store: {} plan(s) were solving when the server last stopped; marked interrupted", interrupted);
        }
        CheckpointWriter checkpoints = new CheckpointWriter(store, CHECKPOINT_EVERY);
        SchoolDays days = new SchoolDays(store, plans, checkpoints);
        ClusterNode cluster = new ClusterNode(database, store, days, plans, metrics, node);
        DistrictMornings mornings = cluster.mornings();
        JobEngine engine = cluster.engine();
        StoredVersions stored = new StoredVersions(store, plans.memory());
        Clock clock = Clock.systemUTC();
        Authenticator authenticator = new Authenticator(store.accounts(), clock);
        // No HTTP client (and its selector thread) without a provider to talk to.
        OidcSignIn oidc = new OidcSignIn(identityProviders, authenticator,
                identityProviders.isEmpty() ? null : OidcHttp.client(), clock);
        StudentRecords records = new StudentRecords(store, evidence, stored, plans, clock);
        ResourceConfig app = application(vitals, plans, scenarios, store, evidence, days, stored,
                new VersionViews(store, stored), new ScratchPlans(store), limits)
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(clock).to(Clock.class);
                        bind(security).to(Security.class);
                        bind(authenticator).to(Authenticator.class);
                        bind(oidc).to(OidcSignIn.class);
                        bind(new AccountAdmin(store.accounts(), clock)).to(AccountAdmin.class);
                        bind(new AccessPolicy(store, scenarios, clock)).to(AccessPolicy.class);
                        bind(records).to(StudentRecords.class);
                        bind(new org.regroup.rest.calendar.CalendarFeedService(store, stored, clock))
                                .to(org.regroup.rest.calendar.CalendarFeedService.class);
                        bind(mornings).to(DistrictMornings.class);
                        bind(engine).to(JobEngine.class);
                        bind(metrics).to(Metrics.class);
                    }
                });
        String scheme = security.tls() ? "https" : "http";
        URI requested = URI.create(scheme + "://" + hostInUri(host) + ":" + port + "/");
        HttpServer http = security.tls()
                ? GrizzlyHttpServerFactory.createHttpServer(requested, app, true, tls(security), false)
                : GrizzlyHttpServerFactory.createHttpServer(requested, app, false);
        GrizzlyErrors.install(http);
        for (NetworkListener listener : http.getListeners()) {
            listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig().copy()
                    .setPoolName("regroup-http").setCorePoolSize(REQUEST_THREADS_CORE)
                    .setMaxPoolSize(REQUEST_THREADS_MAX));
            listener.getTransport().setReadTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        http.start();
        engine.start();
        // Plans past retention may still be held parsed: drop them with what the sweep deleted.
        RetentionSweep sweep = new RetentionSweep(store, retention, clock, swept -> {
            if (swept.planVersions() > 0) {
                stored.forget(null);
            }
            authenticator.dropEndedSessions();
        }).start();
        int bound = http.getListeners().iterator().next().getPort();
        URI uri = URI.create(scheme + "://" + hostInUri(host) + ":" + bound + "/");
        LOG.info("Regroup listening on {}; store {}; sign-in {}{}", uri, database.describe(),
                security.signInRequired() ? "required" : "OFF", oidc.providers().isEmpty() ? ""
                        : "; identity providers " + String.join(", ", oidc.providers()));
        return new RegroupServer(http, vitals, plans, scenarios, checkpoints, database, uri, authenticator, sweep,
                engine);
    }

    private static String hostInUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** HTTPS with the key store given (PKCS#12 or JKS), TLS 1.2 and 1.3 only. */
    private static org.glassfish.grizzly.ssl.SSLEngineConfigurator tls(Security security) {
        org.glassfish.grizzly.ssl.SSLContextConfigurator context = new org.glassfish.grizzly.ssl.SSLContextConfigurator();
        context.setKeyStoreFile(security.tlsKeyStore().toAbsolutePath().toString());
        context.setKeyStorePass(security.tlsPassword());
        context.setKeyStoreType(security.tlsKeyStore().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jks")
                ? "JKS" : "PKCS12");
        if (!context.validateConfiguration(true)) {
            throw new IllegalArgumentException("the TLS key store " + security.tlsKeyStore() + " cannot be read "
                    + "with the password given (REGROUP_TLS_PASSWORD)");
        }
        org.glassfish.grizzly.ssl.SSLEngineConfigurator engine = new org.glassfish.grizzly.ssl.SSLEngineConfigurator(
                context.createSSLContext(true), false, false, false);
        engine.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return engine;
    }

    static ResourceConfig application(Vitals vitals, PlanService plans, ScenarioService scenarios, SchoolStore store,
            EvidenceService evidence, SchoolDays days, StoredVersions stored, VersionViews versions,
            ScratchPlans scratch, ServerLimits limits) {
        return new ResourceConfig()
                // OPTIONS answers Allow, not a WADL document naming Jersey and its version (GET /api/openapi.json
                // describes the API)
                .property(org.glassfish.jersey.server.ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(PlanResource.class)
                .register(SchoolResource.class)
                .register(SchoolDayResource.class)
                .register(ScenarioResource.class)
                .register(PlanDetailResource.class)
                .register(DatasetResource.class)
                .register(HealthResource.class)
                .register(org.regroup.rest.api.MetricsResource.class)
                .register(org.regroup.rest.api.DistrictMorningResource.class)
                .register(OpenApiResource.class)
                .register(org.regroup.rest.api.ApiIndexResource.class)
                .register(org.regroup.rest.api.UiResource.class)
                .register(org.regroup.rest.api.UiResource.WebJars.class)
                .register(org.regroup.rest.api.SessionResource.class)
                .register(org.regroup.rest.api.SetupResource.class)
                .register(org.regroup.rest.api.OidcSignInResource.class)
                .register(org.regroup.rest.api.TokenResource.class)
                .register(org.regroup.rest.api.AccountResource.class)
                .register(org.regroup.rest.api.AuditResource.class)
                .register(org.regroup.rest.api.SkillMapResource.class)
                .register(org.regroup.rest.api.PrivacyResource.class)
                .register(org.regroup.rest.api.StudentPathResource.class)
                .register(org.regroup.rest.api.DayRequestResource.class)
                .register(org.regroup.rest.api.ImportResource.class)
                .register(org.regroup.rest.api.OneRosterExportResource.class)
                .register(org.regroup.rest.api.AttendanceResource.class)
                .register(org.regroup.rest.api.AttendanceResource.Csv.class)
                .register(org.regroup.rest.api.CalendarFeedResource.class)
                .register(org.regroup.rest.api.CalendarSubscriptionResource.class)
                .register(BrowserGuards.class)
                .register(AccessFilter.class)
                .register(EvidenceScope.class)
                .register(AuditTrail.class)
                .register(SecurityHeaders.class)
                .register(JacksonFeature.withoutExceptionMappers())
                .register(ApiJson.class)
                .register(new org.regroup.rest.api.BodyLimits(limits))
                .register(ErrorMappers.InvalidInput.class)
                .register(ErrorMappers.UnreadableJson.class)
                .register(ErrorMappers.Unreadable.class)
                .register(ErrorMappers.Api.class)
                .register(ErrorMappers.Busy.class)
                .register(ErrorMappers.AlreadySolving.class)
                .register(ErrorMappers.StoreFailure.class)
                .register(ErrorMappers.Web.class)
                .register(ErrorMappers.UnreadableHeader.class)
                .register(ErrorMappers.TruncatedBody.class)
                .register(ErrorMappers.Unexpected.class)
                .register(ProblemFilters.ReadableHeaders.class)
                .register(ProblemFilters.ContentTypeRequired.class)
                .register(ProblemFilters.BareErrors.class)
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(vitals).to(Vitals.class);
                        bind(plans).to(PlanService.class);
                        bind(scenarios).to(ScenarioService.class);
                        bind(store).to(SchoolStore.class);
                        bind(evidence).to(EvidenceService.class);
                        bind(days).to(SchoolDays.class);
                        bind(stored).to(StoredVersions.class);
                        bind(scratch).to(ScratchPlans.class);
                        bind(versions).to(VersionViews.class);
                        bind(limits).to(ServerLimits.class);
                    }
                });
    }

    public URI uri() {
        return uri;
    }

    public PlanService plans() {
        return plans;
    }

    /** Accounts, tokens and sessions of this server's store (the first administrator's setup token). */
    public Authenticator authenticator() {
        return authenticator;
    }

    /** What the server knows of its own health (tests record an out-of-memory error through it). */
    Vitals vitals() {
        return vitals;
    }

    /** Stops solving (every plan keeps its best), then stops accepting requests. */
    @Override
    public void close() {
        engine.close(); // first: the morning jobs running here stop their solves and are left for other nodes
        retention.close();
        scenarios.close();
        plans.close(); // solves end and store their final plans; checkpoints still waiting are written next
        checkpoints.close();
        try {
            http.shutdown(5, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            http.shutdownNow();
        }
        database.close();
        LOG.info("Regroup stopped");
    }
}
