package org.regroup.domain.demo.shapes;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.BlockKind;
import org.regroup.domain.TimeBlock;

/**
 * A shape's bell schedule: blocks of one length (advisory shorter) from {@code start}, {@code gapMinutes} apart, with
 * a lunch of {@code lunchMinutes} after the first {@code lunchAfter} blocks (none when 0). Skill blocks are math.
 */
public record Bell(LocalTime start, int blockMinutes, int gapMinutes, List<BlockKind> kinds, int lunchAfter,
        int lunchMinutes) {

    static final String SUBJECT = "math";
    static final int ADVISORY_MINUTES = 25;

    public Bell {
        kinds = List.copyOf(kinds);
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("a day needs at least one block");
        }
        if (blockMinutes < 10 || gapMinutes < 0 || lunchMinutes < 0 || lunchAfter < 0 || lunchAfter > kinds.size()) {
            throw new IllegalArgumentException("blocks of " + blockMinutes + " min, gaps of " + gapMinutes
                    + " min, lunch of " + lunchMinutes + " min after block " + lunchAfter + " do not make a day");
        }
        if (start.toSecondOfDay() / 60 + length(blockMinutes, gapMinutes, kinds, lunchAfter, lunchMinutes)
                >= 24 * 60) {
            throw new IllegalArgumentException("the day runs past midnight");
        }
    }

    /** Skill blocks only, {@code count} of them. */
    public static Bell skills(String start, int count, int blockMinutes, int gapMinutes, int lunchAfter,
            int lunchMinutes) {
        return new Bell(LocalTime.parse(start), blockMinutes, gapMinutes,
                java.util.Collections.nCopies(count, BlockKind.SKILLS), lunchAfter, lunchMinutes);
    }

    public List<TimeBlock> blocks() {
        List<TimeBlock> blocks = new ArrayList<>();
        LocalTime at = start;
        for (int i = 0; i < kinds.size(); i++) {
            BlockKind kind = kinds.get(i);
            LocalTime end = at.plusMinutes(minutes(kind, blockMinutes));
            blocks.add(new TimeBlock("B" + (i + 1), at, end, i + 1, kind, kind == BlockKind.SKILLS ? SUBJECT : null,
                    false));
            at = end.plusMinutes(i + 1 == lunchAfter ? lunchMinutes : gapMinutes);
        }
        return blocks;
    }

    public int count(BlockKind kind) {
        return (int) kinds.stream().filter(k -> k == kind).count();
    }

    private static int minutes(BlockKind kind, int blockMinutes) {
        return kind == BlockKind.ADVISORY ? Math.min(ADVISORY_MINUTES, blockMinutes) : blockMinutes;
    }

    /** Minutes from the first bell to the last. */
    private static int length(int blockMinutes, int gapMinutes, List<BlockKind> kinds, int lunchAfter,
            int lunchMinutes) {
        int total = 0;
        for (int i = 0; i < kinds.size(); i++) {
            total += minutes(kinds.get(i), blockMinutes);
            if (i + 1 < kinds.size()) {
                total += i + 1 == lunchAfter ? lunchMinutes : gapMinutes;
            }
        }
        return total;
    }
}
