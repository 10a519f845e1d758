package org.regroup.domain.demo;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.BlockKind;
import org.regroup.domain.TimeBlock;

/** The bell schedules of the generated schools: advisory first, math blocks, a lunch gap, one activities block. */
enum DayLayout {
    /** Seven blocks; activities in the afternoon between two math blocks. */
    SEVEN_BLOCKS(List.of(
            slot("08:30", "08:55", BlockKind.ADVISORY),
            slot("09:00", "09:45", BlockKind.SKILLS),
            slot("09:50", "10:35", BlockKind.SKILLS),
            slot("10:45", "11:30", BlockKind.SKILLS),
            slot("12:15", "13:00", BlockKind.SKILLS), // after the lunch gap
            slot("13:05", "13:50", BlockKind.ACTIVITIES),
            slot("13:55", "14:40", BlockKind.SKILLS))),
    /** SEVEN_BLOCKS without its last math block. */
    SIX_BLOCKS(SEVEN_BLOCKS.slots.subList(0, 6)),
    /**
     * Activities right after lunch and a recess after them: both gaps (45 and 20 minutes) are at least the off-site
     * spaces' travel time, so a trip costs no neighbouring block.
     */
    SIX_BLOCKS_OFFSITE(List.of(
            slot("08:30", "08:55", BlockKind.ADVISORY),
            slot("09:00", "09:45", BlockKind.SKILLS),
            slot("09:50", "10:35", BlockKind.SKILLS),
            slot("10:45", "11:30", BlockKind.SKILLS),
            slot("12:15", "13:00", BlockKind.ACTIVITIES),
            slot("13:20", "14:05", BlockKind.SKILLS)));

    static final String SUBJECT = "math";

    private final List<Slot> slots;

    DayLayout(List<Slot> slots) {
        this.slots = slots;
    }

    List<TimeBlock> blocks() {
        List<TimeBlock> blocks = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            String subject = s.kind() == BlockKind.SKILLS ? SUBJECT : null;
            blocks.add(new TimeBlock("B" + (i + 1), s.start(), s.end(), i + 1, s.kind(), subject, false));
        }
        return blocks;
    }

    private static Slot slot(String start, String end, BlockKind kind) {
        return new Slot(LocalTime.parse(start), LocalTime.parse(end), kind);
    }

    private record Slot(LocalTime start, LocalTime end, BlockKind kind) {
    }
}
