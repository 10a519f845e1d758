package org.regroup.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void keepsEndsAndLevelChangesAndSpacesTheRest() {
        List<RunRecord.Point> all = new ArrayList<>();
        all.add(new RunRecord.Point(0.5, -2, -30, -900));
        all.add(new RunRecord.Point(0.51, -1, -30, -900)); // hard changes: kept however close
        for (int i = 0; i < 1000; i++) {
            all.add(new RunRecord.Point(1 + i * 0.059, 0, 0, -800 + i)); // one improvement every 59 ms up to 60 s
        }
        List<RunRecord.Point> kept = Timeline.thin(all);

        assertThat(kept.get(0)).isEqualTo(all.get(0));
        assertThat(kept).contains(all.get(1), all.get(2)); // the level changes to 0hard/0medium at 1 s
        assertThat(kept.get(kept.size() - 1)).isEqualTo(all.get(all.size() - 1));
        assertThat(kept).hasSizeLessThan(120);
        for (int i = 3; i < kept.size() - 1; i++) {
            assertThat(kept.get(i).seconds()).isGreaterThanOrEqualTo(kept.get(i - 1).seconds() * Timeline.SPACING);
        }
        assertThat(all).containsAll(kept); // nothing invented, nothing changed
    }
}
