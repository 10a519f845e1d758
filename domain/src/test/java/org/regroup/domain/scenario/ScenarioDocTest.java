package org.regroup.domain.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.io.DayProblemValidator;

/** The "Scenarios" section of {@code docs/format.md} against the code: its change table and its example. */
class ScenarioDocTest {

    private static final Path FORMAT_MD = Path.of("..", "docs", "format.md");

    private static String section() throws IOException {
        String doc = Files.readString(FORMAT_MD, StandardCharsets.UTF_8);
        int from = doc.indexOf("\n## Scenarios\n");
        assertThat(from).as("section ## Scenarios").isNotNegative();
        int to = doc.indexOf("\n## ", from + 1);
        return to < 0 ? doc.substring(from) : doc.substring(from, to);
    }

    @Test
    void theChangeTableListsEveryChangeType() throws IOException {
        String changes = section().split("\n### Changes\n")[1].split("\n### ")[0];
        List<String> types = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z-]+)` ").matcher(changes);
        while (row.find()) {
            types.add(row.group(1));
        }

        assertThat(types).containsExactlyElementsOf(ScenarioReader.CHANGE_TYPES);
    }

    @Test
    void theExampleReadsAndEachVariantIsAValidMediumDay() throws IOException {
        Matcher json = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(section());
        assertThat(json.find()).as("a json example").isTrue();

        Scenario scenario = ScenarioReader.parse(json.group(1).getBytes(StandardCharsets.UTF_8), "format.md");

        // the example's base is relative to datasets/scenarios/, like the bundled scenario
        assertThat(scenario.base()).isEqualTo("../medium.json");
        DayProblem medium = DayProblemReader.read(Path.of("..", "datasets", "medium.json"));
        for (int v = 0; v < scenario.variants().size(); v++) {
            DayProblem day = ScenarioChanges.apply(medium, scenario.variants().get(v), v);
            assertThat(DayProblemValidator.validate(day)).as(scenario.variants().get(v).name()).isEmpty();
        }
    }
}
