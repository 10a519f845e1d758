package org.regroup.benchmarks.term;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.regroup.benchmarks.suite.PeerRegistry;
import org.regroup.domain.DayProblem;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.io.Json;
import org.regroup.domain.learning.LearningParameters;
import org.regroup.domain.scenario.Scenario;
import org.regroup.domain.scenario.ScenarioChanges;
import org.regroup.domain.scenario.ScenarioReader;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.solve.SolveOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./regroup simulate --term 60 --policies regroup,greedy,static-tracking --seeds 5}: the term simulator. Each
 * policy plans every school day of a term on the same school with the same absences; students learn by the learning
 * model; writes {@code term.json} (every run day by day) and {@code term.html} (the report a principal reads) with
 * the mastery plot as {@code term-mastery.svg}. The launcher sends {@code simulate --term} here (the peers live in
 * the benchmarks module); {@code simulate} without {@code --term} is the daily loop on the store.
 */
@Command(name = "simulate --term", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulates a term: each policy plans every school day of the same school with the same "
                + "absences, simulated students learn by the learning model (docs/learning-model.md), and the "
                + "report compares what the plans imply for learning, with 95 % intervals over seeds. A model "
                + "under stated assumptions, not evidence."},
        exitCodeOnInvalidInput = 2)
public final class TermCommand implements Callable<Integer> {

    private static final String HOME = System.getProperty("regroup.home", ".");

    @Spec
    CommandSpec spec;

    @Option(names = "--term", paramLabel = "DAYS", description = "School days in the term, e.g. 60.")
    int days;

    @Option(names = "--dataset", paramLabel = "FILE", description = "The school: a day problem (default: the bundled "
            + "datasets/medium.json).")
    Path dataset = Path.of(HOME, "datasets", "medium.json");

    @Option(names = "--policies", split = ",", paramLabel = "NAME", defaultValue = "regroup,greedy,static-tracking",
            description = "How the days are planned: regroup, greedy, static-tracking (default: ${DEFAULT-VALUE}).")
    List<String> policies;

    @Option(names = "--seeds", defaultValue = "5", paramLabel = "N", description = "Seeds 1..N: each draws the "
            + "students' pace, absences and the search's path (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--time-limit", defaultValue = "5s", paramLabel = "DURATION", description = "Regroup's solving "
            + "time per day, e.g. 5s or 1500ms (default: ${DEFAULT-VALUE}); a day starts from the day before.")
    String timeLimit;

    @Option(names = "--scenario", paramLabel = "FILE", description = "A what-if scenario whose --variant staffing "
            + "to simulate, e.g. datasets/scenarios/medium-staffing.json.")
    Path scenario;

    @Option(names = "--variant", paramLabel = "NAME", description = "Also run Regroup on the school as this variant "
            + "of --scenario changes it (repeatable), e.g. \"minus 2 aides\".")
    List<String> variants = new ArrayList<>();

    @Option(names = "--learning", paramLabel = "NAME=VALUE", description = "Change one assumption of the learning "
            + "model (repeatable), e.g. forgetting=0.05 or effect.online-practice=0.5.")
    List<String> learning = new ArrayList<>();

    @Option(names = "--absence", defaultValue = "0.06", paramLabel = "SHARE", description = "Chance a student is "
            + "away on a given day (default: ${DEFAULT-VALUE}, about the US average daily absence).")
    double absence;

    @Option(names = "--threads", paramLabel = "N", description = "Runs at once (default: the cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "DIR", description = "Where term.json, term.html and term-mastery.svg go "
            + "(default: term-<dataset> in the current directory).")
    Path out;

    @Option(names = "--report-only", description = "Run nothing: read term.json from --out, work out the figures "
            + "and write the report and plot again (after a change to the report, not to the simulation).")
    boolean reportOnly;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // the solver's progress lines would bury the term's own; warnings still show
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(new CommandLine(new TermCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter log = spec.commandLine().getOut();
        if (reportOnly) {
            return reportAgain(log);
        }
        if (days < 1 || seeds < 1 || threads < 1) {
            throw new ParameterException(spec.commandLine(), "--term DAYS is needed, and --term, --seeds and --threads "
                    + "must be at least 1");
        }
        if (absence < 0 || absence >= 1) {
            throw new ParameterException(spec.commandLine(), "--absence must be from 0 to below 1, was " + absence);
        }
        Duration limit = duration(timeLimit);
        LearningParameters parameters = learningParameters();
        DayProblem school = read(dataset);
        Map<String, DayProblem> schools = new LinkedHashMap<>();
        Map<String, Policy> byName = new LinkedHashMap<>();
        for (String name : policies) {
            byName.put(name, policy(name, limit));
            schools.put(name, school);
        }
        if (!variants.isEmpty()) {
            if (scenario == null) {
                throw new ParameterException(spec.commandLine(), "--variant needs --scenario FILE");
            }
            Scenario s = scenario(scenario);
            for (String v : variants) {
                int index = s.variants().stream().map(Scenario.Variant::name).toList().indexOf(v);
                if (index < 0) {
                    throw new ParameterException(spec.commandLine(), "--variant: " + scenario + " has no variant '"
                            + v + "'; it has: " + s.variants().stream().map(Scenario.Variant::name).toList());
                }
                String name = "regroup · " + v;
                schools.put(name, DayPlanBuilder.validated(ScenarioChanges.apply(school, s.variants().get(index),
                        index), scenario + " variant " + v));
                byName.put(name, new RegroupPolicy(SolveOptions.of(limit)));
            }
        }
        List<String> names = List.copyOf(byName.keySet());
        List<Long> seedList = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            seedList.add(seed);
        }
        Path dir = out != null ? out : Path.of("term-" + stem(dataset));
        Files.createDirectories(dir);
        log.printf(Locale.ROOT, "Term of %d school days on %s (%d students): %s × %d seeds, Regroup %s per day, %d "
                + "at once; results in %s%n", days, dataset.getFileName(), school.students().size(), names, seeds,
                timeLimit, threads, dir);
        log.flush();

        Instant started = Instant.now();
        List<TermSeries> runs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<TermSeries>> futures = new ArrayList<>();
            for (long seed : seedList) {
                for (String name : names) {
                    TermRun run = new TermRun(schools.get(name), name, byName.get(name), seed, days, parameters,
                            absence);
                    futures.add(pool.submit(() -> run.run(line -> {
                        synchronized (log) {
                            log.println(line);
                            log.flush();
                        }
                    })));
                }
            }
            for (Future<TermSeries> f : futures) {
                runs.add(f.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        TermResult result = new TermResult(command(), dataset.toString(), school.students().size(), days, names,
                seedList, timeLimit, absence, List.copyOf(learning), parameters, started.toString(), seconds, threads,
                machine(), TermResult.summarize(names, runs), runs);
        Json.writeAtomically(dir.resolve("term.json"), result);
        TermReport.write(result, dir.resolve("term.html"), dir.resolve("term-mastery.svg"));
        log.printf(Locale.ROOT, "%n%s%nTook %.0f s. Written %s, %s and %s%n", TermReport.headline(result), seconds,
                dir.resolve("term.html"), dir.resolve("term.json"), dir.resolve("term-mastery.svg"));
        return 0;
    }

    private int reportAgain(PrintWriter log) throws IOException {
        if (out == null) {
            throw new ParameterException(spec.commandLine(), "--report-only needs --out DIR (where term.json is)");
        }
        Path json = out.resolve("term.json");
        if (!Files.isRegularFile(json)) {
            throw new ParameterException(spec.commandLine(), "--report-only: no " + json);
        }
        TermResult result;
        try {
            result = Json.mapper().readValue(json.toFile(), TermResult.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ParameterException(spec.commandLine(), "--report-only: " + json + " is not a term simulation's "
                    + "result: " + e.getOriginalMessage());
        }
        // the figures again from the runs: a figure added or redefined since shows without running again
        result = new TermResult(result.command(), result.dataset(), result.students(), result.days(),
                result.policies(), result.seeds(), result.timeLimit(), result.absence(), result.learningChanges(),
                result.learning(), result.started(), result.seconds(), result.threads(), result.machine(),
                TermResult.summarize(result.policies(), result.runs()), result.runs());
        Json.writeAtomically(json, result);
        TermReport.write(result, out.resolve("term.html"), out.resolve("term-mastery.svg"));
        log.printf("Written %s and %s from %s%n", out.resolve("term.html"), out.resolve("term-mastery.svg"), json);
        return 0;
    }

    private Policy policy(String name, Duration limit) {
        if (name.equals("regroup")) {
            return new RegroupPolicy(SolveOptions.of(limit));
        }
        if (name.equals("cp-sat") || name.equals("witness")) {
            throw new ParameterException(spec.commandLine(), "--policies: " + name + " does not plan a school's "
                    + "days in a term here; use regroup, greedy or static-tracking");
        }
        return PeerRegistry.create(name).<Policy>map(p -> new PeerPolicy(p, limit)).orElseThrow(() ->
                new ParameterException(spec.commandLine(), "--policies: no policy '" + name + "'; use regroup, "
                        + "greedy or static-tracking"));
    }

    private LearningParameters learningParameters() {
        try {
            return LearningParameters.DEFAULTS.with(learning);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--learning " + e.getMessage());
        }
    }

    private DayProblem read(Path file) {
        try {
            return DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());
        } catch (InvalidInputException e) {
            throw new ParameterException(spec.commandLine(), "--dataset: " + e.getMessage());
        }
    }

    private Scenario scenario(Path file) {
        try {
            return ScenarioReader.read(file);
        } catch (InvalidInputException e) {
            throw new ParameterException(spec.commandLine(), "--scenario: " + e.getMessage());
        }
    }

    private Duration duration(String text) {
        var m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)").matcher(text.strip());
        if (!m.matches()) {
            throw new ParameterException(spec.commandLine(), "--time-limit: write e.g. 5s, 1500ms or 1m, not '"
                    + text + "'");
        }
        double n = Double.parseDouble(m.group(1));
        long millis = (long) (n * switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1000;
            default -> 60_000;
        });
        if (millis < 100) {
            throw new ParameterException(spec.commandLine(), "--time-limit must be at least 100ms");
        }
        return Duration.ofMillis(millis);
    }

    private String command() {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        return "./regroup simulate " + String.join(" ", args.stream().map(a -> a.contains(" ") ? "'" + a + "'" : a)
                .toList());
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    private static String machine() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB";
    }
}
