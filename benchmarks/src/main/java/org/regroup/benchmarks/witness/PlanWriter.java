package org.regroup.benchmarks.witness;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.regroup.domain.Activity;
import org.regroup.domain.Commitment;
import org.regroup.domain.FocusKind;
import org.regroup.domain.Skill;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.plan.BlockPlan;
import org.regroup.domain.plan.Focus;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.SessionPlan;
import org.regroup.domain.plan.StudentDay;
import org.regroup.domain.plan.StudentDay.Status;
import org.regroup.domain.plan.Unplaced;

/**
 * Writes the planned day in the plan format (docs/format.md, "The plan"): per block its sessions, per student their
 * day, the unplaced with a reason, and the witness's own KPIs. It carries no score: the witness does not score plans
 * (the benchmark suite scores every plan with Regroup's rules); {@code feasible} says the witness met every
 * admin-required request and accommodation it had to, as it counts them.
 */
final class PlanWriter {

    private final Planning p;
    private final List<BlockBook> books;
    /** Each shared group's focus, worked out once. */
    private final Map<Group, String> sharedFocus = new IdentityHashMap<>();

    PlanWriter(Planning p, List<BlockBook> books) {
        this.p = p;
        this.books = books;
    }

    Plan write(boolean feasible) {
        List<BlockPlan> blocks = new ArrayList<>();
        for (BlockBook book : books) {
            TimeBlock b = p.facts.block(book.block);
            blocks.add(new BlockPlan(b.id(), b.start(), b.end(), book.groups().stream()
                    .filter(g -> !g.members.isEmpty()).map(this::session).toList()));
        }
        List<StudentDay> days = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        for (Student s : p.facts.problem.students()) {
            List<StudentDay.Entry> entries = new ArrayList<>();
            for (BlockBook book : books) {
                entries.add(entry(s, book, unplaced));
            }
            days.add(new StudentDay(s.id(), entries));
        }
        // workable and violations are the yardstick's to say (PlanScorer scores every peer's plan)
        return new Plan(Plan.FORMAT, Plan.VERSION, p.facts.problem.id(), p.facts.problem.date(), null, feasible,
                null, new WitnessKpis(p, books).compute(), blocks, days, unplaced, List.of());
    }

    private SessionPlan session(Group g) {
        Focus shared = g.shared() ? focus(g.block, focusOf(g, null)) : null;
        List<SessionPlan.Seat> seats = g.members.stream()
                .map(s -> new SessionPlan.Seat(s.id(), shared != null ? null : focus(g.block, focusOf(g, s))))
                .toList();
        return new SessionPlan(g.id, shared, g.mode.id(), g.adult == null ? null : g.adult.id(), g.room.id(),
                g.catchAll, seats);
    }

    private StudentDay.Entry entry(Student s, BlockBook book, List<Unplaced> unplaced) {
        String block = p.facts.block(book.block).id();
        if (!p.facts.present(s, book.block)) {
            Commitment c = p.facts.commitment(s, book.block);
            return c != null && !s.absent()
                    ? new StudentDay.Entry(block, Status.COMMITMENT, null, null, null, c.staffId(), c.spaceId(),
                            c.description())
                    : new StudentDay.Entry(block, Status.ABSENT, null, null, null, null, null, null);
        }
        if (p.ledger.travelling(s, book.block)) {
            return new StudentDay.Entry(block, Status.TRAVEL, null, null, null, null, null,
                    "travelling to or from an off-site session");
        }
        Group g = book.groupOf(s);
        if (g == null) {
            String why = p.reach.options(s, book.block).isEmpty()
                    ? "nothing " + s.id() + " is ready for is within reach in block " + block
                    : "no seat left in block " + block + " that breaks no hard rule";
            unplaced.add(new Unplaced(s.id(), block, List.of(why)));
            return new StudentDay.Entry(block, Status.UNPLACED, null, null, null, null, null, why);
        }
        return new StudentDay.Entry(block, g.catchAll ? Status.CATCH_ALL : Status.PLACED, g.id,
                focus(book.block, focusOf(g, s)), g.mode.id(),
                g.adult == null ? null : g.adult.id(), g.room.id(), null);
    }

    /** The member's focus: the group's where it has one, else their own. */
    private String focusOf(Group g, Student s) {
        return g.shared() ? sharedFocus.computeIfAbsent(g, x -> p.focus.sharedFocus(x, x.members))
                : p.focus.focusOf(g, g.members, s);
    }

    /** The plan format's focus: kind, id, and the skill's or activity's name (its id when it has none). */
    private Focus focus(int block, String id) {
        if (id == null) {
            return null;
        }
        FocusKind kind = p.facts.block(block).kindOrDefault().focusKind();
        String name = switch (kind) {
            case SKILL -> {
                Skill k = p.facts.graph.skill(id);
                yield k.name() == null ? id : k.name();
            }
            case ACTIVITY -> {
                Activity a = p.facts.activity(id);
                yield a.name() == null ? id : a.name();
            }
            case ADVISORY -> "Advisory";
        };
        return new Focus(kind, id, name);
    }
}
