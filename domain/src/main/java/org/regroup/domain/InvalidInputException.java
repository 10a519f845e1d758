package org.regroup.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An input that cannot be planned, with every error found (not just the first), each naming where it is.
 */
public class InvalidInputException extends RuntimeException {

    private final String source;
    private final List<InputError> errors;

    public InvalidInputException(String source, List<InputError> errors) {
        super(describe(source, errors));
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    public String source() {
        return source;
    }

    public List<InputError> errors() {
        return errors;
    }

    private static String describe(String source, List<InputError> errors) {
        String head = (source == null ? "input" : source) + ": " + errors.size()
                + (errors.size() == 1 ? " error" : " errors");
        return errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n", head + "\n", ""));
    }
}
