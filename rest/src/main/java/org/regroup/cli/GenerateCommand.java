package org.regroup.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.regroup.domain.DayProblem;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code regroup generate}: writes a seeded demo day on the real CCSS graph. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes a seeded, realistic demo day (real CCSS K-8 math graph, synthetic school).")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--size", paramLabel = "SIZE", description = "small, medium, large, overconstrained or offsite "
            + "(default: medium).")
    String size;

    @Option(names = "--students", paramLabel = "N", description = "Instead of --size: a school of N students, "
            + "staff and spaces scaled like medium (for scaling series).")
    Integer students;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the day problem.")
    Path out;

    @Override
    public Integer call() throws IOException {
        OutFile.checkWritable(out, Path.of("day.json"));
        DayProblem problem;
        if (students != null && size != null) {
            throw new ErrorReporter.UserError("give either --size or --students, not both");
        }
        if (students != null) {
            if (students < 10) {
                throw new ErrorReporter.UserError("--students must be at least 10, was " + students);
            }
            problem = DatasetGenerator.generate(students, seed);
        } else {
            DatasetGenerator.Preset preset;
            try {
                preset = DatasetGenerator.Preset.valueOf((size == null ? "medium" : size).trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new ErrorReporter.UserError("--size must be small, medium, large, overconstrained or offsite, "
                        + "was '" + size + "'");
            }
            problem = DatasetGenerator.generate(preset, seed);
        }
        Json.writeAtomically(out, problem);
        spec.commandLine().getOut().printf("Wrote %s: %d students, %d staff, %d spaces, %d blocks, %d skills%n", out,
                problem.students().size(), problem.staff().size(), problem.spaces().size(), problem.blocks().size(),
                problem.skills().size());
        return 0;
    }
}
