package org.regroup.domain.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The published JSON Schemas in {@code docs/schema/}, loaded from the repository (tests run in the module dir). */
final class Schemas {

    static final Path DOCS = Path.of("..", "docs");
    static final Path DAY_PROBLEM_FILE = DOCS.resolve("schema/day-problem.schema.json");
    static final Path PLAN_FILE = DOCS.resolve("schema/plan.schema.json");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    static final JsonNode DAY_PROBLEM_TREE = tree(DAY_PROBLEM_FILE);
    static final JsonNode PLAN_TREE = tree(PLAN_FILE);
    static final JsonSchema DAY_PROBLEM = FACTORY.getSchema(DAY_PROBLEM_TREE, CONFIG);
    static final JsonSchema PLAN = FACTORY.getSchema(PLAN_TREE, CONFIG);
    static final JsonSchema META = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), CONFIG);

    private Schemas() {
    }

    static JsonNode tree(Path file) {
        try {
            return DayJson.TREES.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the schema finds wrong with the document, as "path: message" lines; empty when it conforms. */
    static List<String> violations(JsonSchema schema, JsonNode document) {
        return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
