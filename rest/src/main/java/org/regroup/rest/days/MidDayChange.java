package org.regroup.rest.days;

import java.util.List;

/**
 * Something that happened during a school day, from a block on: an adult gone, a space closed, a student gone home.
 * Blocks before {@code fromBlock} have happened and stay as they were.
 */
public record MidDayChange(String fromBlock, List<String> staffAbsent, List<String> spacesClosed,
        List<String> studentsGone) {

    public MidDayChange {
        staffAbsent = staffAbsent == null ? List.of() : List.copyOf(staffAbsent);
        spacesClosed = spacesClosed == null ? List.of() : List.copyOf(spacesClosed);
        studentsGone = studentsGone == null ? List.of() : List.copyOf(studentsGone);
    }
}
