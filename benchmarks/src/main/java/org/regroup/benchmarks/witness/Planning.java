package org.regroup.benchmarks.witness;

import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;

/** Everything the block planners share: the day's facts and the day's accounts so far. */
final class Planning {

    final DayFacts facts;
    final Reach reach;
    final FocusRule focus;
    final Ledger ledger;
    final Requirements requirements;
    final Needs needs;
    final SeatRules rules;
    final Openings openings;

    Planning(DayProblem problem, Needs.Policy policy) {
        this.facts = new DayFacts(problem);
        this.reach = new Reach(facts);
        this.focus = new FocusRule(facts, reach);
        this.ledger = new Ledger(facts);
        this.requirements = new Requirements(facts, reach, ledger); // trips decide travel before anything else
        this.needs = new Needs(facts, reach, ledger, policy);
        this.rules = new SeatRules(facts, reach, focus, ledger, requirements);
        this.openings = new Openings(this);
    }

    /** Students to seat in the block: present, not travelling, with something they may work on; problem order. */
    List<Student> toSeat(int block) {
        List<Student> students = new ArrayList<>();
        for (Student s : facts.problem.students()) {
            if (facts.present(s, block) && !ledger.travelling(s, block) && !reach.options(s, block).isEmpty()) {
                students.add(s);
            }
        }
        return students;
    }

    /**
     * The order to seat students in when quiet spaces are scarce: those who need one first, then those owed staff-led
     * time by urgency, then everyone else; the problem's order within each.
     */
    static List<Student> quietFirst(List<Student> students, Needs needs, int block) {
        List<Student> order = new ArrayList<>();
        for (boolean quiet : new boolean[] {true, false}) {
            List<Student> part = students.stream().filter(s -> s.accommodationsOrNone().quietSpace() == quiet).toList();
            order.addAll(needs.byStaffLedUrgency(part, block));
            part.stream().filter(s -> needs.staffLedOwed(s) == 0).forEach(order::add);
        }
        return order;
    }

    static List<Student> unseated(BlockBook book, List<Student> students) {
        return students.stream().filter(s -> !book.seated(s)).toList();
    }
}
