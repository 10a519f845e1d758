package org.regroup.benchmarks.witness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.regroup.domain.Accommodations;
import org.regroup.domain.BlockKind;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;
import org.regroup.domain.plan.Plan;

/**
 * The witness: an independent, simple planner that shows how many student-blocks of a day can be placed without
 * breaking any hard rule, so that Regroup can be held to never doing worse. It reads the day problem, implements the
 * rules itself from docs/format.md, and writes a plan in the plan format; it shares no code with Regroup's solver.
 *
 * <p>Block by block in day order, seat first: admin-required requests and the trips planned for them; then (skill
 * blocks) 1:1 time and staff-led groups for the students owed them, kept only while no seat is lost unless the need
 * is due; supervised practice for everyone else; groups filled to their minimum size; the catch-all last. Where a
 * student cannot be seated without breaking a rule, they are left unplaced. The day is planned with needs due only at
 * their last chance, and unless that plan meets every need and places everyone, again with needs spread over the day
 * ({@link Needs.Policy}); the plan that meets more needs (then places more students) is kept. Deterministic: every
 * order comes from the problem's lists.
 */
public final class Witness {

    public static final String NAME = "witness";

    /** The plan, and figures for the report (groups, unplaced, needs the witness could not meet). */
    public record Result(Plan plan, Map<String, Object> facts) {
    }

    private Witness() {
    }

    public static Result plan(DayProblem problem) {
        Result best = null;
        for (Needs.Policy policy : Needs.Policy.values()) {
            Result r = plan(problem, policy);
            if (best == null || shortfalls(r) < shortfalls(best) || shortfalls(r) == shortfalls(best)
                    && unplaced(r) < unplaced(best)) {
                best = r;
            }
            if (shortfalls(best) == 0 && unplaced(best) == 0) {
                break; // nothing left to gain
            }
        }
        return best;
    }

    /** Admin-required requests and accommodations the witness could not meet: each breaks a hard rule. */
    private static int shortfalls(Result r) {
        return (int) r.facts().get("accommodationsNotMet") + (int) r.facts().get("requestsNotHonoured");
    }

    private static int unplaced(Result r) {
        return (int) r.facts().get("unplacedStudentBlocks");
    }

    /** The day planned block by block with one policy for needs. */
    static Result plan(DayProblem problem, Needs.Policy policy) {
        Planning p = new Planning(problem, policy);
        RequiredSeats required = new RequiredSeats(p);
        SkillBlock skills = new SkillBlock(p);
        GroupBlock groups = new GroupBlock(p);
        List<BlockBook> books = new ArrayList<>();
        for (int b = 0; b < p.facts.blockCount(); b++) {
            BlockBook book = new BlockBook(p.facts, b);
            required.seat(book);
            if (p.facts.block(b).kindOrDefault() == BlockKind.SKILLS) {
                skills.plan(book);
            } else {
                groups.plan(book);
            }
            p.ledger.commit(book);
            books.add(book);
        }
        Map<String, Object> facts = facts(p, books);
        boolean feasible = (int) facts.get("accommodationsNotMet") == 0 && (int) facts.get("requestsNotHonoured") == 0;
        return new Result(new PlanWriter(p, books).write(feasible), facts);
    }

    private static Map<String, Object> facts(Planning p, List<BlockBook> books) {
        Map<String, Object> facts = new LinkedHashMap<>();
        Map<String, Integer> groups = new LinkedHashMap<>();
        int unplaced = 0;
        for (BlockBook book : books) {
            for (Group g : book.groups()) {
                if (!g.members.isEmpty()) {
                    groups.merge(g.catchAll ? "catch-all" : g.mode.id(), 1, Integer::sum);
                }
            }
            unplaced += (int) p.toSeat(book.block).stream().filter(s -> !book.seated(s)).count();
        }
        int notMet = 0;
        for (Student s : p.facts.problem.students()) {
            Accommodations a = s.accommodationsOrNone();
            boolean inSchool = books.stream().anyMatch(b -> p.facts.present(s, b.block));
            if (inSchool && (p.ledger.staffLed(s) < a.minStaffLedBlocksOrZero()
                    || p.ledger.oneToOneMinutes(s) < a.oneToOneMinutesOrZero())) {
                notMet++;
            }
        }
        int notHonoured = 0;
        for (Requirements.Requirement r : p.requirements.all()) {
            Group g = books.get(r.block()).groupOf(r.student());
            if (g == null || !Requirements.honours(r.request(), g, p.focus.focusOf(g, g.members, r.student()))) {
                notHonoured++;
            }
        }
        facts.put("needsPolicy", p.needs.policy().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        facts.put("groups", groups);
        facts.put("unplacedStudentBlocks", unplaced);
        facts.put("accommodationsNotMet", notMet);
        facts.put("requestsNotHonoured", notHonoured);
        facts.put("trips", p.requirements.tripCount());
        return facts;
    }
}
