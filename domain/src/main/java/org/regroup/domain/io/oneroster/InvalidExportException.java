package org.regroup.domain.io.oneroster;

import java.util.List;
import java.util.stream.Collectors;

/** An export that cannot be imported: every error, each with its file, line, column and sourcedId. */
public final class InvalidExportException extends RuntimeException {

    private final List<ImportProblem> errors;

    public InvalidExportException(List<ImportProblem> errors) {
        super(errors.size() + (errors.size() == 1 ? " error" : " errors") + " in the export, nothing was imported"
                + errors.stream().map(e -> "\n  " + e).collect(Collectors.joining()));
        this.errors = List.copyOf(errors);
    }

    public List<ImportProblem> errors() {
        return errors;
    }
}
