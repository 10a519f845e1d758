package org.regroup.domain;

/**
 * One thing wrong with an input: where (a JSON path such as {@code $.students[3].grade}) and what.
 */
public record InputError(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
