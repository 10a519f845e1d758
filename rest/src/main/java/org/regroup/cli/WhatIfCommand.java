package org.regroup.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.regroup.domain.DayProblem;
import org.regroup.domain.io.Json;
import org.regroup.domain.scenario.Scenario;
import org.regroup.domain.scenario.ScenarioReader;
import org.regroup.rest.api.Durations;
import org.regroup.rest.whatif.WhatIfReport;
import org.regroup.solver.whatif.Comparison;
import org.regroup.solver.whatif.WhatIf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code regroup what-if SCENARIO.json}: a base day and its variants solved side by side and compared. */
@Command(name = "what-if", mixinStandardHelpOptions = true,
        description = { "Solve a scenario's base day and each variant side by side, print the comparison and write "
                + "an HTML report (and the comparison as JSON next to it)." })
final class WhatIfCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario (JSON, docs/format.md#scenarios).")
    Path file;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Solving time of each plan (default: the scenario's timeLimit, else 30s).")
    Duration timeLimit;

    @Option(names = "--cores", paramLabel = "N",
            description = "Plans solved at once (default: the number of cores).")
    Integer cores;

    @Option(names = "--out", paramLabel = "REPORT",
            description = "Where to write the HTML report (default: SCENARIO.report.html beside the scenario).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path report = out != null ? out : defaultReportPath(file);
        Path json = report.resolveSibling(report.getFileName().toString().replaceFirst("\\.html?$", "") + ".json");
        OutFile.checkWritable(report, defaultReportPath(file));
        int parallel = cores != null ? cores : Runtime.getRuntime().availableProcessors();
        if (parallel < 1) {
            throw new ErrorReporter.UserError("--cores must be at least 1, was " + parallel);
        }

        Scenario scenario = ScenarioReader.read(file);
        DayProblem base = ScenarioReader.base(scenario, file);
        Duration limit = timeLimit != null ? timeLimit
                : scenario.timeLimit() != null ? Durations.parseOrNull(scenario.timeLimit()) : Duration.ofSeconds(30);
        WhatIf.days(scenario, base); // every variant checked before anything is solved
        int plans = scenario.variants().size() + 1;
        err.printf("What if: %s — base and %d variant%s, %s each, %d at a time%s%n",
                scenario.name() != null ? scenario.name() : file.getFileName(), plans - 1, plans == 2 ? "" : "s",
                Durations.format(limit), parallel, scenario.fewest() == null ? ""
                        : "; then the fewest " + scenario.fewest().role().name().toLowerCase() + "s");
        Comparison comparison;
        try (WhatIf whatIf = new WhatIf(limit, parallel)) {
            comparison = whatIf.compare(scenario, base, p -> {
                err.printf("  solved %-28s %s  %s%n", p.name(), p.workable() ? "workable" : "NOT workable",
                        p.score());
                err.flush();
            });
        }
        stdout.println();
        stdout.print(WhatIfReport.text(comparison));
        Json.writeAtomically(report, o -> o.write(WhatIfReport.html(comparison).getBytes(StandardCharsets.UTF_8)));
        Json.writeAtomically(json, comparison);
        stdout.printf("%nReport: %s%nData:   %s%n", report, json);
        stdout.flush();
        return 0;
    }

    static Path defaultReportPath(Path scenario) {
        String name = scenario.getFileName().toString().replaceFirst("\\.json$", "");
        return scenario.resolveSibling(name + ".report.html");
    }
}
