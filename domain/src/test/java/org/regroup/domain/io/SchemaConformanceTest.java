package org.regroup.domain.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regroup.domain.io.DayJson.arr;
import static org.regroup.domain.io.DayJson.errorsOf;
import static org.regroup.domain.io.DayJson.json;
import static org.regroup.domain.io.DayJson.obj;
import static org.regroup.domain.io.DayJson.valid;
import static org.regroup.domain.io.Schemas.violations;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.regroup.domain.Accommodations;
import org.regroup.domain.Activity;
import org.regroup.domain.ActivityKind;
import org.regroup.domain.BlockKind;
import org.regroup.domain.Commitment;
import org.regroup.domain.DayProblem;
import org.regroup.domain.FocusKind;
import org.regroup.domain.Goal;
import org.regroup.domain.Leadership;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.Prerequisite;
import org.regroup.domain.Qualification;
import org.regroup.domain.Request;
import org.regroup.domain.RequestPriority;
import org.regroup.domain.School;
import org.regroup.domain.Skill;
import org.regroup.domain.SkillState;
import org.regroup.domain.Space;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.plan.BlockPlan;
import org.regroup.domain.plan.Focus;
import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.SessionPlan;
import org.regroup.domain.plan.StudentDay;
import org.regroup.domain.plan.Unplaced;
import org.regroup.domain.plan.Violation;

/**
 * The published schemas ({@code docs/schema/}) against the records, the reader and the examples: a document the
 * schema accepts is one the reader reads, field for field, and what Regroup writes is what the schema describes.
 */
class SchemaConformanceTest {

    // ---------------------------------------------------------------------------------------------------------------
    // The schemas themselves
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void theSchemasAreValidDraft202012Schemas() {
        assertThat(violations(Schemas.META, Schemas.DAY_PROBLEM_TREE)).isEmpty();
        assertThat(violations(Schemas.META, Schemas.PLAN_TREE)).isEmpty();
        assertThat(Schemas.DAY_PROBLEM_TREE.path("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(Schemas.PLAN_TREE.path("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    /** Schema definition → the record it describes (the empty name is the document itself). */
    private static final Map<String, Class<?>> DAY_PROBLEM_RECORDS = ordered(
            "", DayProblem.class, "school", School.class, "catchAll", School.CatchAll.class, "block", TimeBlock.class,
            "skill", Skill.class, "prerequisite", Prerequisite.class, "modality", ModalitySpec.class,
            "activity", Activity.class, "staff", Staff.class, "qualification", Qualification.class,
            "space", Space.class, "student", Student.class, "goal", Goal.class,
            "accommodations", Accommodations.class, "commitment", Commitment.class, "request", Request.class);

    private static final Map<String, Class<?>> PLAN_RECORDS = ordered(
            "", Plan.class, "kpis", Kpis.class, "groupSizes", Kpis.GroupSizes.class, "blockPlan", BlockPlan.class,
            "session", SessionPlan.class, "seat", SessionPlan.Seat.class, "studentDay", StudentDay.class,
            "entry", StudentDay.Entry.class, "focus", Focus.class, "unplaced", Unplaced.class,
            "violation", Violation.class);

    @Test
    void everyDayProblemRecordHasExactlyItsFieldsInTheSchemaAndNoOthers() {
        DAY_PROBLEM_RECORDS.forEach((def, record) -> {
            JsonNode schema = def.isEmpty() ? Schemas.DAY_PROBLEM_TREE : Schemas.DAY_PROBLEM_TREE.at("/$defs/" + def);
            assertThat(names(schema.path("properties"))).as(def + " properties")
                    .containsExactlyInAnyOrderElementsOf(components(record));
            // the reader rejects unknown fields everywhere in the input
            assertThat(schema.path("additionalProperties").isBoolean()
                    && !schema.path("additionalProperties").asBoolean()).as(def + " closed").isTrue();
        });
    }

    @Test
    void everyPlanRecordHasExactlyItsFieldsInTheSchema() {
        PLAN_RECORDS.forEach((def, record) -> {
            JsonNode schema = def.isEmpty() ? Schemas.PLAN_TREE : Schemas.PLAN_TREE.at("/$defs/" + def);
            assertThat(names(schema.path("properties"))).as(def + " properties")
                    .containsExactlyInAnyOrderElementsOf(components(record));
        });
    }

    @Test
    void everyEnumHasExactlyItsJsonNames() {
        Map<String, Class<? extends Enum<?>>> enums = new LinkedHashMap<>();
        enums.put("blockKind", BlockKind.class);
        enums.put("focusKind", FocusKind.class);
        enums.put("skillState", SkillState.class);
        enums.put("leadership", Leadership.class);
        enums.put("staffRole", StaffRole.class);
        enums.put("spaceKind", SpaceKind.class);
        enums.put("activityKind", ActivityKind.class);
        enums.put("requestPriority", RequestPriority.class);
        enums.forEach((def, type) -> assertThat(texts(Schemas.DAY_PROBLEM_TREE.at("/$defs/" + def + "/enum")))
                .as(def).containsExactlyElementsOf(jsonNames(type)));

        assertThat(texts(Schemas.PLAN_TREE.at("/$defs/entry/properties/status/enum")))
                .containsExactlyElementsOf(jsonNames(StudentDay.Status.class));
        assertThat(texts(Schemas.PLAN_TREE.at("/$defs/focus/properties/kind/enum")))
                .containsExactlyElementsOf(jsonNames(FocusKind.class));
        assertThat(texts(Schemas.PLAN_TREE.at("/$defs/violation/properties/level/enum")))
                .containsExactlyElementsOf(jsonNames(Violation.Level.class));
        assertThat(texts(Schemas.DAY_PROBLEM_TREE.at("/$defs/standardModality/enum")))
                .containsExactlyElementsOf(ModalityCatalog.DEFAULTS.stream().map(ModalitySpec::id).toList());
    }

    /** Each field the schema requires is one the reader cannot do without. */
    @Test
    void removingAFieldTheSchemaRequiresIsAnErrorForTheReaderToo() {
        Map<String, String> instance = ordered("", "", "catchAll", "/school/catchAll/0", "block", "/blocks/0",
                "skill", "/skills/0", "prerequisite", "/prerequisites/0", "modality", "/modalities/0",
                "activity", "/activities/0", "staff", "/staff/0", "qualification", "/staff/0/qualifications/0",
                "space", "/spaces/0", "student", "/students/0", "commitment", "/students/1/commitments/0",
                "request", "/requests/0");
        List<String> checked = new ArrayList<>();
        instance.forEach((def, pointer) -> {
            JsonNode schema = def.isEmpty() ? Schemas.DAY_PROBLEM_TREE : Schemas.DAY_PROBLEM_TREE.at("/$defs/" + def);
            for (String field : texts(schema.path("required"))) {
                ObjectNode day = valid();
                assertThat(obj(day, pointer).remove(field)).as(def + "." + field + " in the valid day").isNotNull();
                assertThat(violations(Schemas.DAY_PROBLEM, day)).as("schema without " + def + "." + field).isNotEmpty();
                assertThat(errorsOf(day)).as("reader without " + def + "." + field).isNotEmpty();
                checked.add(def + "." + field);
            }
        });
        assertThat(checked).contains(".format", ".version", ".school", ".blocks", "block.start", "skill.grade",
                "staff.role", "space.capacity", "student.grade", "request.requestedBy");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Day problems
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void theValidDayConformsToTheSchemaAndReads() {
        ObjectNode day = valid();

        assertThat(violations(Schemas.DAY_PROBLEM, day)).isEmpty();
        assertThat(errorsOf(day)).isEmpty();
    }

    @Test
    void aDayProblemAsRegroupWritesItConformsAndReadsBackTheSame() throws IOException {
        DayProblem read = DayProblemReader.parse(DayJson.text(valid()).getBytes(StandardCharsets.UTF_8), "test");

        String written = Json.mapper().writeValueAsString(read);

        assertThat(violations(Schemas.DAY_PROBLEM, DayJson.TREES.readTree(written))).isEmpty();
        assertThat(DayProblemReader.parse(written.getBytes(StandardCharsets.UTF_8), "written")).isEqualTo(read);
    }

    static Stream<Arguments> outsideTheFormat() {
        return Stream.of(
                both("misspelt field", d -> obj(d, "/students/0").put("grades", 3)),
                both("format missing", d -> d.remove("format")),
                both("another format", d -> d.put("format", "regroup/plan")),
                both("version 2", d -> d.put("version", 2)),
                both("unknown enum value", d -> obj(d, "/spaces/0").put("kind", "gym")),
                both("time not HH:MM", d -> obj(d, "/blocks/0").put("start", "9:00")),
                both("date not YYYY-MM-DD", d -> d.put("date", "2026-23-11x")),
                both("no blocks", d -> d.putArray("blocks")),
                both("mastery threshold 0", d -> obj(d, "/school").put("masteryThreshold", 0)),
                both("capacity 0", d -> obj(d, "/spaces/0").put("capacity", 0)),
                both("maxGroups 0", d -> obj(d, "/spaces/3").put("maxGroups", 0)),
                both("travel time for a classroom", d -> obj(d, "/spaces/0").put("travelMinutes", 5)),
                both("negative travel time", d -> obj(d, "/spaces/4").put("travelMinutes", -1)),
                both("mastery above 1", d -> obj(d, "/students/0/mastery").put("nf-1", 1.01)),
                both("skill grade 14", d -> obj(d, "/skills/0").put("grade", 14)),
                both("blank strand", d -> obj(d, "/skills/0").put("strand", " ")),
                both("blank id", d -> obj(d, "/students/3").put("id", "")),
                both("negative weight", d -> obj(d, "/weights").put("Open session", -1)),
                both("custom modality without leadership", d -> obj(d, "/modalities/1").remove("leadership")),
                both("modality minSize 0", d -> obj(d, "/modalities/0").put("minSize", 0)),
                both("activity without modalities", d -> obj(d, "/activities/1").putArray("modalities")),
                both("activity named advisory", d -> obj(d, "/activities/1").put("id", "advisory")),
                both("goal with skill and strand", d -> obj(d, "/students/2/goals/0").put("strand", "math/NF")),
                both("goal with neither", d -> obj(d, "/students/2/goals/0").remove("skill")),
                both("goal priority 0", d -> obj(d, "/students/0/goals/0").put("priority", 0)),
                both("request asking for nothing", d -> obj(d, "/requests/1").remove("modality")),
                both("request by nobody", d -> obj(d, "/requests/1").put("requestedBy", "")),
                both("negative 1:1 minutes", d -> obj(d, "/students/2/accommodations").put("oneToOneMinutes", -5)),
                both("maxStudents 0", d -> obj(d, "/staff/2").put("maxStudents", 0)),
                both("negative cost", d -> obj(d, "/staff/0").put("costPerDay", -1)),
                both("catch-all capacity 0", d -> obj(d, "/school/catchAll/0").put("capacity", 0)),
                // Rule names are checked when the day is built for the solver (the domain does not know them)
                Arguments.of("unknown soft rule weighted", (Consumer<ObjectNode>) d -> obj(d, "/weights")
                        .put("Be nice", 5), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outsideTheFormat")
    void whatTheSchemaRejectsTheReaderRejects(String mistake, Consumer<ObjectNode> change, boolean readerToo) {
        ObjectNode day = valid();
        change.accept(day);

        assertThat(violations(Schemas.DAY_PROBLEM, day)).as("schema on: " + mistake).isNotEmpty();
        if (readerToo) {
            assertThat(errorsOf(day)).as("reader on: " + mistake).isNotEmpty();
        }
    }

    @Test
    void everyStandardModalityNeedsNoMoreThanItsId() {
        ObjectNode day = valid();
        ModalityCatalog.DEFAULTS.forEach(m -> arr(day, "/modalities").add(json("{'id':'" + m.id() + "'}")));
        arr(day, "/modalities").remove(0);

        assertThat(violations(Schemas.DAY_PROBLEM, day)).isEmpty();
        assertThat(errorsOf(day)).isEmpty();
    }

    /** Generated data sets in {@code datasets/} (when there are any) are documents of the format. */
    @TestFactory
    Stream<DynamicTest> everyDatasetConformsAndReads() throws IOException {
        Path datasets = Path.of("..", "datasets");
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(datasets)) {
            try (Stream<Path> list = Files.list(datasets)) {
                list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        if (files.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("no datasets/*.json to check",
                    () -> Assumptions.abort("no datasets/*.json to check")));
        }
        return files.stream().flatMap(file -> Stream.of(
                DynamicTest.dynamicTest("schema: " + file.getFileName(), () -> assertThat(
                        violations(Schemas.DAY_PROBLEM, DayJson.TREES.readTree(file.toFile()))).isEmpty()),
                DynamicTest.dynamicTest("reader: " + file.getFileName(), () -> assertThat(
                        DayProblemReader.read(file)).isNotNull())));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Plans
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void thePlanExampleConformsAndDeserializes() throws IOException {
        JsonNode example = DayJson.resource("/io/plan-example.json");

        assertThat(violations(Schemas.PLAN, example)).isEmpty();
        Plan plan = Json.mapper().treeToValue(example, Plan.class);
        assertThat(plan.format()).isEqualTo(Plan.FORMAT);
        assertThat(plan.version()).isEqualTo(Plan.VERSION);
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.workable()).isFalse();
        assertThat(plan.kpis().placedShare()).isEqualTo(0.9);
        assertThat(plan.kpis().groupSizes()).containsKey("one-to-one");
        assertThat(plan.blocks()).extracting(BlockPlan::blockId).containsExactly("b1", "b2", "adv", "act");
        SessionPlan catchAll = plan.blocks().get(1).sessions().get(1);
        assertThat(catchAll.catchAll()).isTrue();
        assertThat(catchAll.focus()).isNull();
        assertThat(catchAll.students().get(0).focus().kind()).isEqualTo(FocusKind.SKILL);
        assertThat(plan.students().get(1).blocks().get(1).status()).isEqualTo(StudentDay.Status.COMMITMENT);
        assertThat(plan.unplaced()).extracting(Unplaced::studentId).containsExactly("s-ben");
        assertThat(plan.violations()).singleElement().satisfies(v -> {
            assertThat(v.level()).isEqualTo(Violation.Level.MEDIUM);
            assertThat(v.sessions()).containsExactly("t-ortiz@b1");
            assertThat(v.staff()).containsExactly("t-ortiz");
            assertThat(v.students()).containsExactly("s-ana");
        });
    }

    /** Plans Regroup wrote before version 2 (in a school's store, say) still read, and mean what they did. */
    @Test
    void aVersion1PlanConformsAndDeserializes() throws IOException {
        JsonNode v1 = DayJson.resource("/io/plan-v1.json");

        assertThat(violations(Schemas.PLAN, v1)).isEmpty();
        Plan plan = Json.mapper().treeToValue(v1, Plan.class);
        assertThat(plan.version()).isEqualTo(1).isIn(Plan.READABLE_VERSIONS);
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.workable()).as("version 1 did not say").isNull();
        assertThat(plan.violations()).isEmpty();
        assertThat(plan.unplaced()).extracting(Unplaced::studentId).containsExactly("s-ben");
    }

    @Test
    void onlyVersion2PlansSayWhetherTheyAreWorkableAndWhatTheyBreak() {
        ObjectNode v1WithViolations = DayJson.resource("/io/plan-v1.json").deepCopy();
        v1WithViolations.set("violations", DayJson.resource("/io/plan-example.json").get("violations"));
        ObjectNode v1Workable = DayJson.resource("/io/plan-v1.json").deepCopy();
        v1Workable.put("workable", false);
        ObjectNode v2Silent = DayJson.resource("/io/plan-example.json").deepCopy();
        v2Silent.remove("workable");

        assertThat(violations(Schemas.PLAN, v1WithViolations)).isNotEmpty();
        assertThat(violations(Schemas.PLAN, v1Workable)).isNotEmpty();
        assertThat(violations(Schemas.PLAN, v2Silent)).isNotEmpty();
    }

    @Test
    void aPlanAsRegroupWritesItConformsAndReadsBackTheSame() throws IOException {
        Plan plan = Json.mapper().treeToValue(DayJson.resource("/io/plan-example.json"), Plan.class);

        JsonNode written = DayJson.TREES.readTree(Json.mapper().writeValueAsString(plan));

        assertThat(violations(Schemas.PLAN, written)).isEmpty();
        assertThat(Json.mapper().treeToValue(written, Plan.class)).isEqualTo(plan);
        // times are written with seconds ("09:00:00"); both forms are ISO-8601 local times and both are read
        assertThat(written.at("/blocks/0/start").asText()).startsWith("09:00");
    }

    @Test
    void anEmptyPlanAsRegroupWritesItConforms() throws IOException {
        Kpis none = new Kpis(0, 1.0, 0, 1.0, 0, 0, 0, 0, 0, 0, Map.of(), 0, null);
        Plan empty = new Plan(Plan.FORMAT, Plan.VERSION, null, null, null, false, false, none, List.of(), List.of(),
                List.of(), List.of());

        JsonNode written = DayJson.TREES.readTree(Json.mapper().writeValueAsString(empty));

        assertThat(violations(Schemas.PLAN, written)).isEmpty();
        assertThat(names(written)).containsExactlyInAnyOrder("format", "version", "feasible", "workable", "kpis");
    }

    @Test
    void thePlanSchemaRejectsWhatIsNotAPlan() {
        JsonNode example = DayJson.resource("/io/plan-example.json");
        List<Consumer<ObjectNode>> mistakes = List.of(
                p -> p.put("format", "regroup/day-problem"),
                p -> p.put("version", 3),
                p -> p.remove("feasible"),
                p -> obj(p, "/violations/0").put("level", "soft"),
                p -> obj(p, "/violations/0").remove("rule"),
                p -> p.put("score", "-1hard"),
                p -> obj(p, "/kpis").put("placedShare", 1.5),
                p -> obj(p, "/students/3/blocks/0").put("status", "late"),
                p -> obj(p, "/students/0/blocks/0").remove("sessionId"),
                p -> obj(p, "/blocks/0/sessions/0").putArray("students"),
                p -> obj(p, "/blocks/0/sessions/0").put("room", "room-12"));
        for (int i = 0; i < mistakes.size(); i++) {
            ObjectNode plan = example.deepCopy();
            mistakes.get(i).accept(plan);
            assertThat(violations(Schemas.PLAN, plan)).as("mistake " + i).isNotEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static Arguments both(String name, Consumer<ObjectNode> change) {
        return Arguments.of(name, change, true);
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<String> jsonNames(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> {
            try {
                JsonProperty p = type.getField(c.name()).getAnnotation(JsonProperty.class);
                return p == null ? c.name() : p.value();
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... pairs) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (V) pairs[i + 1]);
        }
        return map;
    }
}
