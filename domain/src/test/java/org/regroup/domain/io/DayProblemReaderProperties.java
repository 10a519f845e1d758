package org.regroup.domain.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;
import org.regroup.domain.DayProblem;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.io.JsonMutations.Mutation;
import org.regroup.domain.io.JsonMutations.TextEdit;

/**
 * Whatever bytes arrive, the day-problem reader reads them or refuses them with {@link InvalidInputException}, every
 * error at a JSON path and in words, never a stack trace; and what it accepts it writes back and reads again to the
 * same day. Bytes and near-JSON; generated trees; and (most tries) valid days — the hand-written one, the SMALL demo
 * and a 10-student one — changed in 1 to 4 places. Seeds are fixed; {@code -Dregroup.fuzz.scale=N} runs N times the
 * tries, {@code -Dregroup.fuzz.seed=S} another sequence ({@link FuzzTries}).
 */
@AddLifecycleHook(FuzzTries.class)
class DayProblemReaderProperties {

    static final String FORMAT = "regroup/day-problem";
    static final JsonNode VALID_DAY = DayJson.valid();
    static final JsonNode SMALL = tree(DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1));
    static final JsonNode TEN_STUDENTS = tree(DatasetGenerator.generate(DatasetGenerator.MIN_STUDENTS, 7));
    static final List<JsonNode> SEEDS = List.of(VALID_DAY, TEN_STUDENTS, SMALL);

    /** Every field name the schema knows, at any depth. */
    static final List<String> NAMES = fieldNames(Schemas.DAY_PROBLEM_TREE);
    static final List<String> TOP_LEVEL = List.copyOf(iterable(Schemas.DAY_PROBLEM_TREE.path("properties")));
    /** Ids the seed days use, so that a changed reference still names something. */
    static final List<String> IDS = ids(SEEDS);

    @Property(tries = 3000, seed = "15001")
    void anyBytesAreReadOrRefusedAtAPath(@ForAll("bytes") byte[] bytes) {
        Statistics.collect(read(bytes));
    }

    @Property(tries = 2000, seed = "15002")
    void anyJsonTreeIsReadOrRefusedAtAPath(@ForAll("documents") JsonNode document) {
        Statistics.collect(read(JsonMutations.write(document)));
    }

    @Property(tries = 2500, seed = "15003")
    void aValidDayChangedInPlacesIsReadOrRefusedAtAPath(@ForAll("seed") int seed,
            @ForAll("mutations") List<Mutation> mutations, @ForAll("textEdit") TextEdit edit) {
        String outcome = JsonMutations.explained(SEEDS.get(seed), mutations, edit,
                DayProblemReaderProperties::read);
        Statistics.collect(outcome);
        // the mutations must reach past the parser often enough to test the validator
        Statistics.coverage(c -> c.check("unreadable").percentage(p -> p <= 80));
    }

    /** "valid", "invalid" or "unreadable"; anything but {@link InvalidInputException} fails the property. */
    static String read(byte[] json) {
        DayProblem problem;
        try {
            problem = DayProblemReader.parseOnly(json, "fuzz");
        } catch (InvalidInputException unreadable) {
            JsonMutations.checkRefusal(unreadable);
            assertThat(unreadable.source()).isEqualTo("fuzz");
            return "unreadable";
        }
        try {
            DayProblemReader.validated(problem, "fuzz");
        } catch (InvalidInputException invalid) {
            JsonMutations.checkRefusal(invalid);
            return "invalid";
        }
        // absent and empty are one to the format (empty lists are not written): compare what is written
        byte[] written = written(problem);
        assertThat(new String(written(DayProblemReader.parse(written, "written")), StandardCharsets.UTF_8))
                .as("the day written back and read again").isEqualTo(new String(written, StandardCharsets.UTF_8));
        return "valid";
    }

    private static byte[] written(DayProblem problem) {
        try {
            return Json.mapper().writeValueAsBytes(problem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return JsonMutations.bytes(NAMES);
    }

    @Provide
    Arbitrary<JsonNode> documents() {
        return JsonMutations.document(TOP_LEVEL, NAMES, IDS, FORMAT);
    }

    @Provide
    Arbitrary<Integer> seed() {
        return Arbitraries.frequency(Tuple.of(15, 0), Tuple.of(4, 1), Tuple.of(1, 2));
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return JsonMutations.mutation(NAMES, IDS).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<TextEdit> textEdit() {
        return JsonMutations.textEdit().injectNull(0.8);
    }

    // ---- the seeds ----

    static JsonNode tree(Object value) {
        try {
            return JsonMutations.TREES.readTree(Json.mapper().writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> fieldNames(JsonNode schema) {
        Set<String> names = new LinkedHashSet<>();
        collectNames(schema, names);
        return List.copyOf(names);
    }

    private static void collectNames(JsonNode node, Set<String> names) {
        if (node.has("properties") && node.get("properties").isObject()) {
            names.addAll(iterable(node.get("properties")));
        }
        node.elements().forEachRemaining(child -> collectNames(child, names));
    }

    static List<String> ids(List<JsonNode> documents) {
        Set<String> ids = new LinkedHashSet<>();
        documents.forEach(d -> d.findValues("id").forEach(id -> ids.add(id.asText())));
        return List.copyOf(ids);
    }

    private static List<String> iterable(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
