package org.regroup.domain.plan;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How much a plan differs from the previous one, as UniTime's minimal-perturbation problem counts it: a perturbation
 * is a student-block whose placement differs (another adult, focus, modality or space). Those the changes force — the
 * student's ready set changed, the student or their previous adult is absent — are input perturbations; the others
 * are additional ones, the churn a re-plan should avoid.
 *
 * @param compared   student-blocks present in both plans
 * @param forced     differing student-blocks the changes explain
 * @param additional differing student-blocks nothing forced
 */
public record Perturbations(int compared, int forced, int additional) {

    /** Share of compared student-blocks that changed without being forced. */
    public double additionalShare() {
        return compared == 0 ? 0 : (double) additional / compared;
    }

    /**
     * Compares two plans of the same school (on different days or after a change).
     *
     * @param readySetChanged students whose ready set changed between the plans
     * @param absentStaff     adults absent in {@code next}
     */
    public static Perturbations between(Plan previous, Plan next, Set<String> readySetChanged,
            Set<String> absentStaff) {
        Map<String, StudentDay.Entry> before = new HashMap<>();
        for (StudentDay day : previous.students()) {
            for (StudentDay.Entry e : day.blocks()) {
                before.put(day.studentId() + "@" + e.blockId(), e);
            }
        }
        int compared = 0;
        int forced = 0;
        int additional = 0;
        for (StudentDay day : next.students()) {
            for (StudentDay.Entry now : day.blocks()) {
                StudentDay.Entry was = before.get(day.studentId() + "@" + now.blockId());
                if (was == null || !placed(was) && !placed(now)) {
                    continue;
                }
                compared++;
                if (!differ(was, now)) {
                    continue;
                }
                boolean isForced = readySetChanged.contains(day.studentId()) || !placed(was) || !placed(now)
                        || (was.staffId() != null && absentStaff.contains(was.staffId()));
                if (isForced) {
                    forced++;
                } else {
                    additional++;
                }
            }
        }
        return new Perturbations(compared, forced, additional);
    }

    private static boolean placed(StudentDay.Entry e) {
        return e.status() == StudentDay.Status.PLACED || e.status() == StudentDay.Status.CATCH_ALL;
    }

    /** Whether a student-block's placement changed: status, adult, modality, space or focus. */
    public static boolean differ(StudentDay.Entry a, StudentDay.Entry b) {
        return !(a.status() == b.status() && Objects.equals(a.staffId(), b.staffId())
                && Objects.equals(a.modality(), b.modality()) && Objects.equals(a.spaceId(), b.spaceId())
                && Objects.equals(a.focus() == null ? null : a.focus().id(), b.focus() == null ? null : b.focus().id()));
    }
}
