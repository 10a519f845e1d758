package org.regroup.solver.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.regroup.domain.DayProblem;
import org.regroup.domain.demo.shapes.Shapes;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.solver.model.DayPlan;

/** The committed school shapes (datasets/shapes) are days the solver takes as they are. */
class ShapeDaysBuildTest {

    static Stream<String> names() {
        return Shapes.names().stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyCommittedShapeIsValidAndBuilds(String name) {
        Path file = Path.of("..", "datasets", "shapes", name + ".json");
        DayProblem day = DayProblemReader.read(file);

        assertThat(DayPlanBuilder.validated(day, file.toString())).isSameAs(day);
        DayPlan plan = DayPlanBuilder.build(day, file.toString());
        assertThat(plan.getLearners()).isNotEmpty();
        assertThat(plan.getSessions()).isNotEmpty();
    }
}
