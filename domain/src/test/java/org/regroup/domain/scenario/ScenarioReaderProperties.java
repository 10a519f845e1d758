package org.regroup.domain.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;
import org.regroup.domain.DayProblem;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.io.DayProblemValidator;
import org.regroup.domain.io.FuzzTries;
import org.regroup.domain.io.JsonMutations;
import org.regroup.domain.io.JsonMutations.Mutation;
import org.regroup.domain.io.JsonMutations.TextEdit;

/**
 * Whatever a what-if scenario file says, reading it and applying its variants to the base day either works or ends in
 * {@link InvalidInputException}, every error at a JSON path; and a variant that applies gives a day the validator can
 * check. The seed scenario uses every change type on the hand-written valid day.
 */
@AddLifecycleHook(FuzzTries.class)
class ScenarioReaderProperties {

    static final String SCENARIO = """
            {
              "format": "regroup/scenario", "version": 1, "id": "fuzz", "name": "Every change", "base": "day.json",
              "timeLimit": "1m30s",
              "variants": [
                {"name": "staff", "description": "one of each staff change", "changes": [
                  {"type": "remove-staff", "staffId": "a-lee"},
                  {"type": "add-staff", "staff": {"id": "tu-new", "name": "New tutor", "role": "tutor",
                    "qualifications": [{"strand": "math", "minGrade": 2, "maxGrade": 5}],
                    "maxTeachingBlocks": 2, "maxStudents": 6, "costPerDay": 200.0}},
                  {"type": "staff-availability", "staffId": "tu-kim", "availableBlocks": ["b1"]},
                  {"type": "staff-caps", "staffId": "t-ortiz", "maxTeachingBlocks": 3, "maxStudents": 20}]},
                {"name": "spaces", "changes": [
                  {"type": "close-space", "spaceId": "lab", "blocks": ["b1"]},
                  {"type": "open-space", "spaceId": "lab"},
                  {"type": "add-space", "space": {"id": "hall", "name": "Hall", "kind": "classroom", "capacity": 30}},
                  {"type": "change-space", "spaceId": "room-12", "kind": "lab", "capacity": 25,
                    "features": ["computers", "quiet"], "maxGroups": 2}]},
                {"name": "blocks and rules", "changes": [
                  {"type": "add-block", "block": {"id": "b3", "start": "12:30", "end": "13:15", "order": 5,
                    "kind": "skills", "subject": "math"}},
                  {"type": "change-block-times", "blockId": "b1", "start": "09:05", "end": "09:45"},
                  {"type": "remove-block", "blockId": "b2"},
                  {"type": "modality-rules", "modalityId": "small-group", "minSize": 2, "maxSize": 8,
                    "studentsPerAdult": 8},
                  {"type": "weights", "weights": {"Open session": 5}}]}
              ],
              "fewest": {"role": "aide", "order": ["a-lee"]}
            }
            """;

    /** The hand-written valid day (4 blocks, 3 adults, 5 spaces, 4 students). */
    static final DayProblem BASE = DayProblemReader.parse(resource("/io/valid-day.json"), "base day");
    static final JsonNode SEED = validSeed();
    static final List<String> NAMES = names(SEED);
    static final List<String> IDS = ids();

    @Property(tries = 1500, seed = "15004")
    void aScenarioChangedInPlacesIsReadOrRefusedAtAPath(@ForAll("mutations") List<Mutation> mutations,
            @ForAll("textEdit") TextEdit edit) {
        Statistics.collect(JsonMutations.explained(SEED, mutations, edit, ScenarioReaderProperties::readAndApply));
        // enough of the changed scenarios must get to the variants for them to be tested
        Statistics.coverage(c -> c.check("applied").percentage(p -> p >= 10));
    }

    @Property(tries = 1000, seed = "15005")
    void anyScenarioTreeIsReadOrRefusedAtAPath(@ForAll("documents") JsonNode document) {
        Statistics.collect(readAndApply(JsonMutations.write(document)));
    }

    /** "unreadable" or "invalid", else whether any variant applied; anything else thrown fails the property. */
    static String readAndApply(byte[] json) {
        Scenario scenario;
        try {
            scenario = ScenarioReader.parseOnly(json, "fuzz");
        } catch (InvalidInputException unreadable) {
            JsonMutations.checkRefusal(unreadable);
            return "unreadable";
        }
        try {
            ScenarioReader.validated(scenario, "fuzz");
        } catch (InvalidInputException invalid) {
            JsonMutations.checkRefusal(invalid);
            return "invalid";
        }
        int applied = 0;
        for (int v = 0; v < scenario.variants().size(); v++) {
            try {
                DayProblemValidator.validate(ScenarioChanges.apply(BASE, scenario.variants().get(v), v));
                applied++;
            } catch (InvalidInputException refused) {
                JsonMutations.checkRefusal(refused);
            }
        }
        return applied > 0 ? "applied" : "no variant applied";
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return JsonMutations.mutation(NAMES, IDS).list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<TextEdit> textEdit() {
        return JsonMutations.textEdit().injectNull(0.85);
    }

    @Provide
    Arbitrary<JsonNode> documents() {
        return JsonMutations.document(List.of("format", "version", "id", "name", "base", "timeLimit", "variants",
                "fewest"), NAMES, IDS, Scenario.FORMAT);
    }

    /** The seed, checked: it reads, and every variant applies to the base day and leaves it valid. */
    private static JsonNode validSeed() {
        try {
            JsonNode seed = JsonMutations.TREES.readTree(SCENARIO);
            Scenario scenario = ScenarioReader.parse(JsonMutations.write(seed), "seed");
            for (int v = 0; v < scenario.variants().size(); v++) {
                List<?> errors = DayProblemValidator.validate(ScenarioChanges.apply(BASE, scenario.variants().get(v),
                        v));
                if (!errors.isEmpty()) {
                    throw new IllegalStateException("the seed scenario's variant " + v + " leaves errors: " + errors);
                }
            }
            return seed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ScenarioReaderProperties.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(JsonNode seed) {
        Set<String> names = new LinkedHashSet<>();
        collectNames(seed, names);
        return List.copyOf(names);
    }

    private static void collectNames(JsonNode node, Set<String> names) {
        node.fieldNames().forEachRemaining(names::add);
        node.elements().forEachRemaining(child -> collectNames(child, names));
    }

    private static List<String> ids() {
        List<String> ids = new ArrayList<>(ScenarioReader.CHANGE_TYPES);
        BASE.staff().forEach(s -> ids.add(s.id()));
        BASE.spaces().forEach(s -> ids.add(s.id()));
        BASE.blocks().forEach(b -> ids.add(b.id()));
        BASE.modalities().forEach(m -> ids.add(m.id()));
        ids.addAll(List.of("aide", "tutor", "Open session", "base", "day.json"));
        return ids;
    }
}
