package org.regroup.domain.io.oneroster;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with (or worth saying about) an export, where it is: the file, the line its record starts on (1 is
 * the header), the column by its header name, and the record's sourcedId. Never a person's name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportProblem(Severity severity, String file, Long line, String column, String sourcedId,
        String message) {

    public enum Severity {
        /** The export cannot be imported as it is: nothing is written. */
        ERROR,
        /** Imported; something was skipped or read leniently. */
        WARNING
    }

    /** {@code users.csv:12:grades}: where, as editors and compilers write it (a JSON path for standing data). */
    public String path() {
        StringBuilder at = new StringBuilder(file == null ? "export" : file);
        if (line != null) {
            at.append(':').append(line);
        }
        if (column != null) {
            at.append(':').append(column);
        }
        return at.toString();
    }

    @Override
    public String toString() {
        return path() + (sourcedId == null ? "" : " (sourcedId " + sourcedId + ")") + ": " + message;
    }
}
