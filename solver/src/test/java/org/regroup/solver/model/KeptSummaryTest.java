package org.regroup.solver.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.demo.DatasetGenerator.Preset;
import org.regroup.solver.build.DayPlanBuilder;

/**
 * A session keeps its summary up to date from the members who came and left (and a focus tally of its own) instead
 * of computing it again on every move (docs/model.md, "Score calculation"). Whatever the order of the changes —
 * students joining and leaving one or several at a time, moves undone, the modality changed, a session emptied and
 * opened again — the kept summary must equal the one computed from scratch. Run on a generated medium day, whose
 * groups have many members with many eligible skills each, so the tally's best focus changes often.
 */
class KeptSummaryTest {

    @Test
    void aKeptSummaryEqualsOneComputedFromScratchAfterEveryChange() {
        DayPlan day = DayPlanBuilder.build(DatasetGenerator.generate(Preset.MEDIUM, 3), "medium");
        Random random = new Random(7);
        for (Session s : day.getSessions()) {
            s.setMode(s.getAllowedModes().get(random.nextInt(s.getAllowedModes().size())));
        }
        List<Placement> movable = day.getPlacements().stream().filter(p -> !p.getCandidates().isEmpty()).toList();
        int focusChanges = 0;
        int incremental = 0;
        for (int step = 0; step < 20_000; step++) {
            List<Session> touched = new ArrayList<>();
            int kind = random.nextInt(10);
            if (kind < 7) {
                // One to three students move (Timefold's change and swap moves, a group move's members).
                int moving = 1 + random.nextInt(3);
                for (int i = 0; i < moving; i++) {
                    Placement p = movable.get(random.nextInt(movable.size()));
                    List<Session> range = p.getCandidates();
                    Session to = random.nextInt(8) == 0 ? null : range.get(random.nextInt(range.size()));
                    touched.add(p.getSession());
                    move(p, to);
                    touched.add(to);
                }
            } else if (kind < 9) {
                Session s = day.getSessions().get(random.nextInt(day.getSessions().size()));
                s.setMode(s.getAllowedModes().get(random.nextInt(s.getAllowedModes().size())));
                touched.add(s);
            } else {
                // A session emptied: its members wait unseated.
                Session s = day.getSessions().get(random.nextInt(day.getSessions().size()));
                for (Placement p : List.copyOf(s.getPlacements())) {
                    move(p, null);
                }
                touched.add(s);
            }
            for (Session s : touched) {
                if (s == null) {
                    continue;
                }
                GroupSummary before = s.getSummary();
                GroupSummary kept = s.summarize();
                s.setSummary(kept);
                GroupSummary fresh = GroupSummary.of(s);
                assertThat(kept).as("session %s after step %d", s.getId(), step).isEqualTo(fresh);
                assertThat(kept.getFocus()).as("focus of %s after step %d", s.getId(), step)
                        .isSameAs(fresh.getFocus());
                if (!before.isEmpty() && before.getFocus() != kept.getFocus()) {
                    focusChanges++;
                }
                if (!before.isEmpty() && !kept.isEmpty()) {
                    incremental++;
                }
            }
        }
        assertThat(focusChanges).as("changes of a group's focus seen").isGreaterThan(500);
        assertThat(incremental).as("summaries kept from the one before").isGreaterThan(5_000);
    }

    /** What Timefold does to the inverse relation when a placement changes session. */
    private static void move(Placement p, Session to) {
        Session from = p.getSession();
        if (from == to) {
            return;
        }
        if (from != null) {
            from.getPlacements().remove(p);
        }
        p.setSession(to);
        if (to != null) {
            to.getPlacements().add(p);
        }
    }
}
