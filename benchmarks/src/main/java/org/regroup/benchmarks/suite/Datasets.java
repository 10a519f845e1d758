package org.regroup.benchmarks.suite;

import java.nio.file.Path;

import org.regroup.domain.DayProblem;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.solver.build.DayPlanBuilder;

/** Where a run's day comes from: a day-problem file, or {@code generated:N} for the scaling series. */
final class Datasets {

    static final String GENERATED = "generated:";

    private Datasets() {
    }

    static DayProblem load(String dataset) {
        if (dataset.startsWith(GENERATED)) {
            int students = Integer.parseInt(dataset.substring(GENERATED.length()));
            return DayPlanBuilder.validated(DatasetGenerator.generate(students, 1L), dataset);
        }
        return DayPlanBuilder.validated(DayProblemReader.readOnly(Path.of(dataset)), dataset);
    }

    /** The name in results: the file name, or {@code generated-N}. */
    static String label(String dataset) {
        return dataset.startsWith(GENERATED) ? "generated-" + dataset.substring(GENERATED.length())
                : Path.of(dataset).getFileName().toString();
    }

    static String generated(int students) {
        return GENERATED + students;
    }
}
