package org.regroup.domain.demo.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.regroup.domain.io.Json;

/** The committed days in datasets/shapes are what the generator makes now, so they never drift from it. */
class ShapeDatasetsTest {

    private static final Path DIR = Path.of("..", "datasets", "shapes");

    static Stream<String> names() {
        return Shapes.names().stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void theCommittedDayIsTheGeneratedOne(String name) throws IOException {
        Path file = DIR.resolve(name + ".json");
        assertThat(file).as("regenerate with: ./regroup generate --shape %s --seed 1 --out %s", name, file)
                .isRegularFile();
        assertThat(Files.readAllBytes(file))
                .as("%s differs from the generator; regenerate with: ./regroup generate --shape %s --seed 1 --out %s",
                        file, name, file)
                .isEqualTo(Json.mapper().writeValueAsBytes(GeneratedShapes.day(name)));
    }

    @Test
    void nothingElseIsCommittedThere() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - ".json".length())))
                    .containsExactlyInAnyOrderElementsOf(Shapes.names());
        }
    }

    @Test
    void theReadmeTellsOfEveryShape() throws IOException {
        String readme = Files.readString(DIR.resolve("README.md"));
        assertThat(Shapes.names()).allSatisfy(name -> assertThat(readme).contains("`" + name + "`"));
    }
}
