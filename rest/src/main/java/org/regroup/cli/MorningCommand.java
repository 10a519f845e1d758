package org.regroup.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.regroup.domain.io.Limits;
import org.regroup.rest.api.Durations;
import org.regroup.rest.days.CheckpointWriter;
import org.regroup.rest.days.SchoolDays;
import org.regroup.rest.district.ClusterNode;
import org.regroup.rest.district.DistrictMornings;
import org.regroup.rest.district.Node;
import org.regroup.rest.health.Metrics;
import org.regroup.rest.plans.PlanService;
import org.regroup.store.Database;
import org.regroup.store.Mornings;
import org.regroup.store.SchoolStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code regroup morning DATE}: a district's morning from the command line — the same jobs as
 * {@code POST /api/district/mornings/{date}}. This process is a node too (it runs jobs beside the servers on the
 * same PostgreSQL store, or alone on the embedded one) and follows the morning until every school has its plan.
 */
@Command(name = "morning", mixinStandardHelpOptions = true,
        description = "Plans every school's day of DATE in the store as jobs of the cluster (every server on the "
                + "same --db-url runs them, and so does this process unless --no-work), then follows them: each "
                + "school's plan published, left as a draft, or — not feasible by the deadline — the last published "
                + "plan carried forward. Exit 0 when every school has a plan, 3 when one has none, 2 on bad input.")
final class MorningCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATE", description = "The school day (YYYY-MM-DD).")
    String date;

    @Mixin
    StoreOptions store;

    @Option(names = "--deadline", paramLabel = "TIME", description = "When every plan must be there: a time of "
            + "DATE (06:30, this machine's time zone) or an instant (2026-12-05T06:30:00Z); default 07:00.")
    String deadline;

    @Option(names = "--time-limit", defaultValue = "30s", converter = DurationConverter.class,
            paramLabel = "DURATION", description = "Each school's solve (default: ${DEFAULT-VALUE}; cut short by the "
            + "deadline).")
    Duration timeLimit;

    @Option(names = "--schools", split = ",", paramLabel = "ID", description = "Only these schools (default: every "
            + "school in the store).")
    List<String> schools;

    @Option(names = "--priority", paramLabel = "SCHOOL=N", description = "Plan a school earlier (higher first; "
            + "default 0). Repeatable.")
    Map<String, Integer> priorities = new HashMap<>();

    @Option(names = "--no-publish", description = "Leave every plan as a draft for its school to publish (default: "
            + "publish each feasible plan, flagged when not workable, and a carried-forward one).")
    boolean noPublish;

    @Option(names = "--no-work", description = "Only schedule and follow: the servers on the store run the jobs.")
    boolean noWork;

    @Option(names = "--node", paramLabel = "NAME", description = "This process's name in the cluster (default: the "
            + "host's name followed by '-morning').")
    String node;

    @Option(names = "--concurrent", paramLabel = "N", description = "Jobs this process runs at once (default: the "
            + "number of cores).")
    Integer concurrent;

    @Override
    public Integer call() throws Exception {
        LocalDate day = Limits.date(date);
        if (day == null) {
            throw new ErrorReporter.UserError("DATE is '" + date + "', not " + Limits.DATE);
        }
        if (timeLimit.isZero() || timeLimit.isNegative()) {
            throw new ErrorReporter.UserError("--time-limit must be more than 0");
        }
        if (concurrent != null && concurrent < 1) {
            throw new ErrorReporter.UserError("--concurrent must be at least 1, was " + concurrent);
        }
        Node self;
        try {
            self = new Node(node != null ? node : Node.local().name() + "-morning", Node.DEFAULT_MAX_WAITING_JOBS);
        } catch (IllegalArgumentException bad) {
            throw new ErrorReporter.UserError("--node: " + bad.getMessage());
        }
        Instant due = DistrictMornings.deadline(day, deadline, ZoneId.systemDefault(), Instant.now(), "--deadline");
        PrintWriter out = spec.commandLine().getOut();
        PlanService.Settings d = PlanService.Settings.defaults();
        int threads = concurrent == null ? d.concurrent() : concurrent;
        PlanService.Settings settings = new PlanService.Settings(threads, d.queued(), d.keepPlans(), d.keepFor(),
                timeLimit, timeLimit.compareTo(d.maxTimeLimit()) > 0 ? timeLimit : d.maxTimeLimit(),
                d.memoryBudgetBytes());
        Metrics metrics = new Metrics();
        try (Database database = store.open();
                PlanService plans = new PlanService(settings, new org.regroup.rest.health.Vitals(), metrics)) {
            SchoolStore schoolStore = new SchoolStore(database, database.isH2() ? null : self.name());
            try (CheckpointWriter checkpoints = new CheckpointWriter(schoolStore, Duration.ofSeconds(5));
                    ClusterNode cluster = new ClusterNode(database, schoolStore,
                            new SchoolDays(schoolStore, plans, checkpoints), plans, metrics, self)) {
                DistrictMornings.View started = start(cluster.mornings(), day, due);
                out.printf("Morning of %s: %d school(s), deadline %s, %s per solve; %s%n", day,
                        started.schools().size(), due, Durations.format(timeLimit), noWork
                                ? "the servers on this store run the jobs"
                                : "node " + self.name() + " runs up to " + threads
                                        + " at once, with any servers on the store");
                out.flush();
                if (!noWork) {
                    cluster.start();
                }
                DistrictMornings.View view = follow(cluster.mornings(), day, out);
                return view.schools().stream().anyMatch(m -> m.status() == Mornings.Status.FAILED) ? 3 : 0;
            }
        }
    }

    /** Schedules the morning; its errors are named by this command's options, not the HTTP body's fields. */
    private DistrictMornings.View start(DistrictMornings mornings, LocalDate day, Instant due) {
        try {
            return mornings.start(day, new DistrictMornings.Request(schools, due, timeLimit, !noPublish, priorities));
        } catch (org.regroup.domain.InvalidInputException invalid) {
            throw new org.regroup.domain.InvalidInputException("the morning", invalid.errors().stream()
                    .map(e -> new org.regroup.domain.InputError(e.path().replace("$.schools", "--schools")
                            .replace("$.priorities.", "--priority "), e.message().equals("the store has no school "
                            + "to plan") ? e.message() + " (add schools first: ./regroup import oneroster …, or "
                            + "POST /api/schools/{id} on a server)" : e.message()))
                    .toList());
        }
    }

    /** Prints each school's part as it changes, until every school's has ended. */
    private static DistrictMornings.View follow(DistrictMornings mornings, LocalDate day, PrintWriter out)
            throws InterruptedException {
        Map<String, String> shown = new HashMap<>();
        while (true) {
            DistrictMornings.View view = mornings.view(day);
            for (Mornings.SchoolMorning m : view.schools()) {
                String line = String.format("  %-16s %-16s %-6s %-26s %s%s", m.schoolId(), m.status().wire(),
                        m.version() == null ? "" : "v" + m.version(), m.score() == null ? "" : m.score(),
                        m.node() == null ? "" : "on " + m.node(), m.note() == null ? "" : " — " + m.note());
                if (!line.equals(shown.put(m.schoolId(), line))) {
                    out.println(line);
                }
            }
            out.flush();
            if (view.done()) {
                out.println("Done: " + view.counts());
                out.flush();
                return view;
            }
            Thread.sleep(1000);
        }
    }
}
