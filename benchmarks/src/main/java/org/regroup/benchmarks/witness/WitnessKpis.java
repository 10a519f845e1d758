package org.regroup.benchmarks.witness;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.regroup.domain.Accommodations;
import org.regroup.domain.BlockKind;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.plan.Kpis;

/**
 * The witness's own account of its plan, by the definitions in docs/format.md ("KPIs"). The benchmark suite does not
 * read these: it scores the plan with Regroup's rules and KPI code. They are here because the format requires them,
 * and so that a test can check the two accounts agree.
 */
final class WitnessKpis {

    private final Planning p;
    private final List<BlockBook> books;

    WitnessKpis(Planning p, List<BlockBook> books) {
        this.p = p;
        this.books = books;
    }

    Kpis compute() {
        int toPlace = 0;
        int placed = 0;
        int catchAll = 0;
        int skillWork = 0;
        int goalWork = 0;
        int withNeed = 0;
        int required = 0;
        int delivered = 0;
        int unmet = 0;
        int learners = 0;
        double distinctModes = 0;
        for (Student s : p.facts.problem.students()) {
            boolean inSchool = false;
            Set<String> modes = new HashSet<>();
            for (BlockBook book : books) {
                if (!p.facts.present(s, book.block)) {
                    continue;
                }
                inSchool = true;
                if (p.ledger.travelling(s, book.block)) {
                    continue;
                }
                toPlace++;
                Group g = book.groupOf(s);
                if (g == null) {
                    continue;
                }
                placed++;
                catchAll += g.catchAll ? 1 : 0;
                modes.add(g.mode.id());
                if (p.facts.block(book.block).kindOrDefault() == BlockKind.SKILLS && !s.goals().isEmpty()) {
                    skillWork++;
                    String focus = p.focus.focusOf(g, g.members, s);
                    Option o = p.reach.options(s, book.block).get(focus);
                    goalWork += o != null && o.goalValue() > 0 ? 1 : 0;
                }
            }
            if (!inSchool) {
                continue;
            }
            learners++;
            distinctModes += modes.size();
            Accommodations a = s.accommodationsOrNone();
            if (a.minStaffLedBlocksOrZero() > 0) {
                withNeed++;
                required += a.minStaffLedBlocksOrZero();
                delivered += Math.min(a.minStaffLedBlocksOrZero(), p.ledger.staffLed(s));
            }
            unmet += unmet(s) ? 1 : 0;
        }
        Map<String, int[]> sizes = new TreeMap<>(); // modality -> {sessions, students, max}
        int open = 0;
        for (BlockBook book : books) {
            for (Group g : book.groups()) {
                if (g.members.isEmpty()) {
                    continue;
                }
                open++;
                int[] t = sizes.computeIfAbsent(g.catchAll ? ModalityCatalog.INDEPENDENT_PRACTICE : g.mode.id(),
                        k -> new int[3]);
                t[0]++;
                t[1] += g.size();
                t[2] = Math.max(t[2], g.size());
            }
        }
        Map<String, Kpis.GroupSizes> groupSizes = new LinkedHashMap<>();
        sizes.forEach((mode, t) -> groupSizes.put(mode, new Kpis.GroupSizes(t[0], round((double) t[1] / t[0]), t[2])));
        return new Kpis(toPlace, share(placed, toPlace), catchAll, share(goalWork, skillWork), withNeed, required,
                delivered, unmet, learners == 0 ? 0 : round(distinctModes / learners), staffUtilization(), groupSizes,
                open, null);
    }

    /** Short of staff-led blocks or 1:1 minutes, or over the online limit (quiet and on-site hold by construction). */
    private boolean unmet(Student s) {
        Accommodations a = s.accommodationsOrNone();
        return p.ledger.staffLed(s) < a.minStaffLedBlocksOrZero()
                || p.ledger.oneToOneMinutes(s) < a.oneToOneMinutesOrZero()
                || a.maxOnlineBlocks() != null && p.ledger.onlineBlocks(s) > a.maxOnlineBlocks();
    }

    /** Blocks adults lead or supervise a group / blocks they work and could. */
    private double staffUtilization() {
        int working = 0;
        int leading = 0;
        for (Staff a : p.facts.problem.staff()) {
            for (BlockBook book : books) {
                if (!p.facts.modes(a, book.block).isEmpty()) {
                    working++;
                    Group g = book.groupOf(a);
                    leading += g != null && !g.members.isEmpty() ? 1 : 0;
                }
            }
        }
        return share(leading, working);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 1.0 : round((double) part / whole);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
