package org.regroup.solver.model;

import java.time.LocalTime;

import org.regroup.domain.BlockKind;

/** A block of today, in day order, with the gaps to its neighbours (for off-site travel). */
public final class Period {

    private final String id;
    private final int index;
    private final LocalTime start;
    private final LocalTime end;
    private final BlockKind kind;
    private final String subject;
    private final boolean doubleWithNext;
    private final int gapBeforeMinutes;
    private final int gapAfterMinutes;

    public Period(String id, int index, LocalTime start, LocalTime end, BlockKind kind, String subject,
            boolean doubleWithNext, int gapBeforeMinutes, int gapAfterMinutes) {
        this.id = id;
        this.index = index;
        this.start = start;
        this.end = end;
        this.kind = kind;
        this.subject = subject;
        this.doubleWithNext = doubleWithNext;
        this.gapBeforeMinutes = gapBeforeMinutes;
        this.gapAfterMinutes = gapAfterMinutes;
    }

    public String getId() {
        return id;
    }

    public int getIndex() {
        return index;
    }

    public LocalTime getStart() {
        return start;
    }

    public LocalTime getEnd() {
        return end;
    }

    public int getMinutes() {
        return (int) java.time.Duration.between(start, end).toMinutes();
    }

    public BlockKind getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public boolean isDoubleWithNext() {
        return doubleWithNext;
    }

    /** Minutes between the previous block's end and this one's start ({@code Integer.MAX_VALUE} for the first). */
    public int getGapBeforeMinutes() {
        return gapBeforeMinutes;
    }

    /** Minutes between this block's end and the next one's start ({@code Integer.MAX_VALUE} for the last). */
    public int getGapAfterMinutes() {
        return gapAfterMinutes;
    }

    @Override
    public String toString() {
        return id;
    }
}
