package org.regroup.rest.errors;

import org.regroup.domain.InvalidInputException;

/** The request body could not be read as a day problem (as opposed to read, but invalid). */
public final class UnreadableBodyException extends RuntimeException {

    private final InvalidInputException input;

    public UnreadableBodyException(InvalidInputException input) {
        super(input.getMessage(), input);
        this.input = input;
    }

    public InvalidInputException input() {
        return input;
    }
}
