package org.regroup.domain.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who moves between two plans of the same day (a re-plan after a change or an override): every student-block whose
 * adult, focus, modality or space differs, and the adults whose roster changes. One home for "who moved", used by the
 * HTTP answers, the command line and the benchmarks alike.
 *
 * @param moves      each student-block that changed, in the order of the later plan
 * @param newRosters adults whose roster changes (they lose or gain a student)
 */
public record PlanDiff(List<Move> moves, List<String> newRosters) {

    /** One student-block that changes: the adult, focus and space before and after (null: not placed). */
    public record Move(String studentId, String blockId, String staffBefore, String staffAfter, String focusBefore,
            String focusAfter, String spaceBefore, String spaceAfter) {
    }

    public static PlanDiff between(Plan before, Plan after) {
        Map<String, StudentDay.Entry> was = new HashMap<>();
        before.students().forEach(s -> s.blocks().forEach(e -> was.put(s.studentId() + "@" + e.blockId(), e)));
        List<Move> moves = new ArrayList<>();
        Set<String> rosters = new TreeSet<>();
        for (StudentDay s : after.students()) {
            for (StudentDay.Entry now : s.blocks()) {
                StudentDay.Entry then = was.get(s.studentId() + "@" + now.blockId());
                if (then == null || !Perturbations.differ(then, now)) {
                    continue;
                }
                moves.add(new Move(s.studentId(), now.blockId(), then.staffId(), now.staffId(), focus(then),
                        focus(now), then.spaceId(), now.spaceId()));
                if (then.staffId() != null) {
                    rosters.add(then.staffId());
                }
                if (now.staffId() != null) {
                    rosters.add(now.staffId());
                }
            }
        }
        return new PlanDiff(List.copyOf(moves), List.copyOf(rosters));
    }

    /** The students who move, but for {@code except} (the student an override moved on purpose). */
    public Set<String> studentsMoved(String except) {
        Set<String> students = new TreeSet<>();
        moves.stream().map(Move::studentId).filter(id -> !id.equals(except)).forEach(students::add);
        return students;
    }

    /** Whether anyone moved in one of {@code blocks}. */
    public boolean movesIn(Set<String> blocks) {
        return moves.stream().anyMatch(m -> blocks.contains(m.blockId()));
    }

    private static String focus(StudentDay.Entry e) {
        return e.focus() == null ? null : e.focus().id();
    }
}
