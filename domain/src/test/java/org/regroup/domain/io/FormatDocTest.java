package org.regroup.domain.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regroup.domain.io.Schemas.violations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.StaffRole;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.plan.Plan;

/**
 * {@code docs/format.md} against the code it documents: its examples are documents of the format, its catalog and
 * role tables are the built-in defaults, and its rule names and default weights are the solver's.
 */
class FormatDocTest {

    private static final Path FORMAT_MD = Schemas.DOCS.resolve("format.md");
    private static final Path SOLVER_CONSTRAINTS = Path.of("..", "solver", "src", "main", "java", "org", "regroup",
            "solver", "constraints");

    private static String doc() throws IOException {
        return Files.readString(FORMAT_MD, StandardCharsets.UTF_8);
    }

    @Test
    void theExamplesAreDocumentsOfTheFormat() throws IOException {
        Matcher blocks = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(doc());
        int days = 0;
        int plans = 0;
        while (blocks.find()) {
            String text = blocks.group(1);
            JsonNode tree = DayJson.TREES.readTree(text);
            String format = tree.path("format").asText();
            if (DayProblem.FORMAT.equals(format)) {
                assertThat(violations(Schemas.DAY_PROBLEM, tree)).as("day problem example").isEmpty();
                assertThat(DayJson.errorsOf(text)).as("day problem example").isEmpty();
                days++;
            } else if (Plan.FORMAT.equals(format)) {
                assertThat(violations(Schemas.PLAN, tree)).as("plan example").isEmpty();
                assertThat(Json.mapper().treeToValue(tree, Plan.class).format()).isEqualTo(Plan.FORMAT);
                plans++;
            }
        }
        assertThat(days).as("day problem examples").isPositive();
        assertThat(plans).as("plan examples").isPositive();
    }

    @Test
    void theModalityTableIsTheBuiltInCatalog() throws IOException {
        Map<String, List<String>> rows = tableRows(section(doc(), "### The eight standard modalities"));

        assertThat(rows.keySet()).containsExactlyElementsOf(
                ModalityCatalog.DEFAULTS.stream().map(ModalitySpec::id).toList());
        for (ModalitySpec m : ModalityCatalog.DEFAULTS) {
            List<String> cells = rows.get(m.id());
            assertThat(cells.get(1)).as(m.id() + " name").isEqualTo(m.name());
            assertThat(cells.get(2)).as(m.id() + " size").isEqualTo(m.minSize() + "–" + m.maxSize());
            assertThat(cells.get(3)).as(m.id() + " leadership").isEqualTo(json(m.leadership()));
            assertThat(cells.get(4)).as(m.id() + " per adult").isEqualTo(String.valueOf(m.studentsPerAdult()));
            assertThat(words(cells.get(5))).as(m.id() + " features").isEqualTo(Set.copyOf(m.requiredFeatures()));
            assertThat(words(cells.get(6))).as(m.id() + " suits")
                    .isEqualTo(m.suits().stream().map(FormatDocTest::json).collect(Collectors.toSet()));
            assertThat(words(cells.get(7))).as(m.id() + " focus kinds")
                    .isEqualTo(m.focusKinds().stream().map(FormatDocTest::json).collect(Collectors.toSet()));
            assertThat(cells.get(8)).as(m.id() + " shared").isEqualTo(m.sharedFocus() ? "yes" : "no");
            assertThat(cells.get(9)).as(m.id() + " off-site").isEqualTo(m.offSite() ? "yes" : "no");
        }
    }

    @Test
    void theRoleTableIsTheRoleDefaults() throws IOException {
        Map<String, List<String>> rows = tableRows(section(doc(), "### Role defaults"));

        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(StaffRole.values()).map(FormatDocTest::json).toList());
        for (StaffRole role : StaffRole.values()) {
            String cell = rows.get(json(role)).get(1);
            Set<String> expected = Set.copyOf(ModalityCatalog.roleDefaults(role));
            if (cell.equals("all eight")) {
                assertThat(expected).hasSize(ModalityCatalog.DEFAULTS.size());
            } else {
                assertThat(words(cell)).as(role.name()).isEqualTo(expected);
            }
        }
    }

    /** "Feasible" and "workable" have one definition, which the plan schema repeats. */
    @Test
    void feasibleAndWorkableAreDefinedOnce() throws IOException {
        String section = section(doc(), "## Feasible and workable");
        assertThat(section).contains("**Feasible**: no hard rule is broken")
                .contains("**Workable**: feasible, and no medium rule is broken either");
        assertThat(Schemas.PLAN_TREE.at("/properties/feasible/description").asText()).startsWith("No hard rule");
        assertThat(Schemas.PLAN_TREE.at("/properties/workable/description").asText())
                .startsWith("Feasible, and no medium rule is broken either");
    }

    /** The soft rules are the solver's public contract: the schema, the doc and the solver name the same ones. */
    @Test
    void theSoftRulesAndDefaultWeightsAreTheSolvers() throws IOException {
        Path rules = SOLVER_CONSTRAINTS.resolve("Rules.java");
        Path provider = SOLVER_CONSTRAINTS.resolve("RegroupConstraintProvider.java");
        Assumptions.assumeTrue(Files.isRegularFile(rules) && Files.isRegularFile(provider),
                "solver sources not beside the domain module");
        String rulesSource = Files.readString(rules);
        Map<String, String> names = new LinkedHashMap<>();
        Matcher constant = Pattern.compile("static final String (\\w+) = \"([^\"]+)\";").matcher(rulesSource);
        while (constant.find()) {
            names.put(constant.group(1), constant.group(2));
        }
        Matcher softList = Pattern.compile("SOFT = List\\.of\\(([^;]*)\\);").matcher(rulesSource);
        assertThat(softList.find()).as("Rules.SOFT").isTrue();
        List<String> soft = Arrays.stream(softList.group(1).split(",")).map(String::trim)
                .map(names::get).toList();

        List<String> inSchema = new ArrayList<>();
        Schemas.DAY_PROBLEM_TREE.at("/$defs/softRule/enum").forEach(n -> inSchema.add(n.asText()));
        assertThat(inSchema).containsExactlyInAnyOrderElementsOf(soft);

        String providerSource = Files.readString(provider);
        Map<String, Integer> constants = new LinkedHashMap<>();
        Matcher weight = Pattern.compile("static final int (\\w+) = (\\d+);").matcher(providerSource);
        while (weight.find()) {
            constants.put(weight.group(1), Integer.parseInt(weight.group(2)));
        }
        Map<String, List<String>> table = tableRows(section(doc(), "## Rules and weights"));
        Matcher use = Pattern.compile("ofSoft\\((\\w+)\\).*?asConstraint\\(Rules\\.(\\w+)\\)", Pattern.DOTALL)
                .matcher(providerSource);
        int checked = 0;
        while (use.find()) {
            String rule = names.get(use.group(2));
            assertThat(table).as("weights table row for " + rule).containsKey(rule);
            assertThat(table.get(rule).get(1)).as("default weight of " + rule)
                    .isEqualTo(String.valueOf(constants.get(use.group(1))));
            checked++;
        }
        assertThat(checked).isEqualTo(soft.size());
        assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(soft);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The text from a heading to the next heading of the same or a higher level. */
    private static String section(String doc, String heading) {
        List<String> lines = doc.lines().toList();
        int from = lines.indexOf(heading);
        assertThat(from).as("section " + heading).isNotNegative();
        int level = heading.indexOf(' ');
        int to = from + 1;
        while (to < lines.size() && !(lines.get(to).startsWith("#") && lines.get(to).indexOf(' ') <= level)) {
            to++;
        }
        return String.join("\n", lines.subList(from, to));
    }

    /** Table rows keyed by their first cell (backticks removed); header and rule rows skipped. */
    private static Map<String, List<String>> tableRows(String text) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        List<String> lines = text.lines().filter(l -> l.startsWith("|")).toList();
        for (int i = 2; i < lines.size(); i++) {
            String line = lines.get(i);
            List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                    .map(c -> c.trim().replace("`", "")).toList();
            rows.put(cells.get(0), cells);
        }
        return rows;
    }

    private static Set<String> words(String cell) {
        return Arrays.stream(cell.split(",")).map(String::trim).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }

    private static String json(Enum<?> value) {
        try {
            var p = value.getDeclaringClass().getField(value.name())
                    .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            return p == null ? value.name() : p.value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
