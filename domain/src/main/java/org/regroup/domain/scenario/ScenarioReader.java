package org.regroup.domain.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import org.regroup.domain.DayProblem;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.io.Json;

/**
 * Reads a scenario file (docs/format.md, "Scenarios") and checks what can be checked without the base day: header,
 * variants, the fields each change needs. Whether the ids a change names exist is {@link ScenarioChanges}' job, as it
 * depends on the base day and on the variant's earlier changes.
 */
public final class ScenarioReader {

    /** "30s", "2m", "500ms", "1m30s": what the command line's time limits accept. */
    private static final Pattern TIME_LIMIT = Pattern.compile("(\\d+(ms|s|m|h))+");

    /** What reports call the base day; no variant may take the name. */
    public static final String BASE = "base";

    /** The JSON names of the change types, from {@link Change}'s own annotation (one list, never out of step). */
    static final List<String> CHANGE_TYPES = Arrays.stream(Change.class.getAnnotation(JsonSubTypes.class).value())
            .map(JsonSubTypes.Type::name).toList();

    private ScenarioReader() {
    }

    /** Reads and validates; throws {@link InvalidInputException} (source = the file) with every problem found. */
    public static Scenario read(Path file) {
        return parse(DayProblemReader.bytes(file), file.toString());
    }

    /** Parses and validates JSON text from any source (a request body, a test). */
    public static Scenario parse(byte[] json, String source) {
        return validated(parseOnly(json, source), source);
    }

    /**
     * Reads the JSON into records without checking what it says: only unreadable JSON (syntax, types, unknown fields
     * or change types) fails here. A server answers these 400 and {@link #validated} failures 422.
     */
    public static Scenario parseOnly(byte[] json, String source) {
        Scenario scenario;
        try {
            scenario = Json.mapper().readValue(json, Scenario.class);
        } catch (InvalidTypeIdException e) {
            // Jackson's own message names Java classes; a principal needs the allowed type names.
            String path = DayProblemReader.describe(e).path();
            String got = e.getTypeId() == null ? "missing change type" : "unknown change type '" + e.getTypeId() + "'";
            throw new InvalidInputException(source, List.of(new InputError(path.endsWith(".type") ? path : path + ".type",
                    got + "; \"type\" is one of " + quoted(CHANGE_TYPES))));
        } catch (IOException e) {
            throw new InvalidInputException(source, List.of(DayProblemReader.describe(e)));
        }
        if (scenario == null) {
            throw new InvalidInputException(source, List.of(new InputError("$", "empty document")));
        }
        return scenario;
    }

    /** The scenario itself when {@link #validate} finds nothing wrong; every error otherwise. */
    public static Scenario validated(Scenario scenario, String source) {
        List<InputError> errors = validate(scenario);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(source, errors);
        }
        return scenario;
    }

    /**
     * The base day, read (not validated) from {@code scenario.base()} relative to the scenario file. Its errors are
     * reported against the scenario file at {@code $.base}, naming the base file.
     */
    public static DayProblem base(Scenario scenario, Path scenarioFile) {
        String source = scenarioFile.toString();
        if (blank(scenario.base())) {
            throw new InvalidInputException(source, List.of(missingBase()));
        }
        Path file = scenarioFile.resolveSibling(scenario.base()).normalize();
        try {
            return DayProblemReader.readOnly(file);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(source, e.errors().stream()
                    .map(err -> new InputError("$.base", "base day " + file + ": "
                            + ("$".equals(err.path()) ? "" : err.path() + ": ") + err.message()))
                    .toList());
        }
    }

    /** Every problem of a parsed scenario that does not need the base day; empty when there is none. */
    public static List<InputError> validate(Scenario s) {
        List<InputError> errors = new ArrayList<>();
        if (s.format() == null) {
            errors.add(new InputError("$.format", "missing: must be \"" + Scenario.FORMAT + "\""));
        } else if (!Scenario.FORMAT.equals(s.format())) {
            errors.add(new InputError("$.format", "is \"" + s.format() + "\", expected \"" + Scenario.FORMAT + "\""));
        }
        if (s.version() == null) {
            errors.add(new InputError("$.version", "missing: this Regroup reads version " + Scenario.VERSION));
        } else if (s.version() != Scenario.VERSION) {
            errors.add(new InputError("$.version", "version " + s.version()
                    + " is not supported; this Regroup reads version " + Scenario.VERSION));
        }
        if (blank(s.base())) {
            errors.add(missingBase());
        }
        if (s.timeLimit() != null && !isPositiveDuration(s.timeLimit())) {
            errors.add(new InputError("$.timeLimit", "cannot read '" + s.timeLimit()
                    + "' as a time limit: write a positive duration like \"30s\", \"2m\", \"500ms\" or \"1m30s\""));
        }
        if (s.costUnit() != null && (s.costUnit().isBlank() || s.costUnit().strip().length() > Scenario.COST_UNIT_MAX
                || s.costUnit().chars().anyMatch(Character::isISOControl))) {
            errors.add(new InputError("$.costUnit", "must be a short label like \"EUR\", \"USD\" or \"$\" (1 to "
                    + Scenario.COST_UNIT_MAX + " characters, no control characters)"));
        }
        variants(s.variants(), errors);
        fewest(s.fewest(), errors);
        return errors;
    }

    private static void variants(List<Scenario.Variant> variants, List<InputError> errors) {
        if (variants.isEmpty()) {
            errors.add(new InputError("$.variants", "at least one variant is needed"));
        }
        Map<String, Integer> firstByName = new HashMap<>();
        for (int v = 0; v < variants.size(); v++) {
            Scenario.Variant variant = variants.get(v);
            String at = "$.variants[" + v + "]";
            if (variant == null) {
                errors.add(new InputError(at, "missing variant"));
                continue;
            }
            if (blank(variant.name())) {
                errors.add(new InputError(at + ".name", "missing: every variant needs a name for the report"));
            } else if (variant.name().strip().equalsIgnoreCase(BASE)) {
                errors.add(new InputError(at + ".name", "'" + variant.name() + "' is the name of the base day in "
                        + "the report; give the variant another name"));
            } else {
                Integer first = firstByName.putIfAbsent(variant.name(), v);
                if (first != null) {
                    errors.add(new InputError(at + ".name", "variant name '" + variant.name()
                            + "' is already used by $.variants[" + first + "]"));
                }
            }
            String label = ScenarioChanges.label(variant, v);
            for (int c = 0; c < variant.changes().size(); c++) {
                ScenarioChanges.checkFields(variant.changes().get(c),
                        new ScenarioChanges.Report(errors, at + ".changes[" + c + "]", label));
            }
        }
    }

    private static void fewest(Scenario.FewestSearch fewest, List<InputError> errors) {
        if (fewest == null) {
            return;
        }
        if (fewest.role() == null) {
            errors.add(new InputError("$.fewest.role", "missing: the role whose number is searched (e.g. \"aide\")"));
        }
        List<String> order = fewest.order() == null ? List.of() : fewest.order();
        for (int i = 0; i < order.size(); i++) {
            if (blank(order.get(i))) {
                errors.add(new InputError("$.fewest.order[" + i + "]", "missing staff id"));
            } else if (order.indexOf(order.get(i)) < i) {
                errors.add(new InputError("$.fewest.order[" + i + "]", "staff '" + order.get(i) + "' is listed twice"));
            }
        }
    }

    /** {@code (\d+(ms|s|m|h))+} and not zero in total. */
    static boolean isPositiveDuration(String text) {
        return TIME_LIMIT.matcher(text).matches() && text.chars().anyMatch(ch -> ch >= '1' && ch <= '9');
    }

    private static InputError missingBase() {
        return new InputError("$.base", "missing: the base day-problem file, relative to the scenario file");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }
}
