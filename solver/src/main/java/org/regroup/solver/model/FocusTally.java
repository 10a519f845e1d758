package org.regroup.solver.model;

import java.util.Arrays;
import java.util.List;

/**
 * How many members of a session are eligible for each focus in its modality, and the summed preference: what a
 * shared-focus group's focus is chosen from ({@link GroupSummary}). Each session keeps one and brings it up to date
 * by the members who came and went since it was last asked, instead of tallying every member's options again on each
 * move (the largest cost of a move on large days; docs/model.md, "Score calculation").
 *
 * <p>The best focus is kept too. A focus's count only rises when members come, so the best is then the old best or
 * one of the newcomers' foci; when members leave, only a departure that lowers the best focus's count makes it
 * look at every focus again. The order is total (qualified, count, summed preference, smallest id), so the result is
 * the one a tally from scratch gives, whatever the order of the changes.
 *
 * <p>Working state of the solver thread, not part of the plan: a cloned session starts without one.
 */
final class FocusTally {

    private static final ThreadLocal<FocusTally> SCRATCH = ThreadLocal.withInitial(FocusTally::new);

    private int[] counts = new int[64];
    private long[] ranks = new long[64];
    /** Whether a focus (by index) is in {@link #touched}. */
    private boolean[] listed = new boolean[64];
    /** Foci counted at some point; some may have dropped back to 0 (compacted when all are looked at). */
    private Focus[] touched = new Focus[16];
    private int touchedCount;
    /** What the counts are of: this modality's eligible options, in this block, of the members of {@link #counted}. */
    private Mode mode;
    private Period period;
    private GroupSummary counted = GroupSummary.EMPTY;
    /** The best focus for those members; null when none of them is eligible for anything in the modality. */
    private Focus best;

    /** A cleared tally of this thread, for a summary computed from scratch. */
    static FocusTally scratch() {
        FocusTally tally = SCRATCH.get();
        tally.clear();
        return tally;
    }

    /**
     * The focus most of the session's members are eligible for in {@code mode} (see {@link GroupSummary}); null when
     * none of them is eligible for anything that runs in it. The caller then says which summary these members make
     * ({@link #counted}), so that the next call counts only who came and left since.
     */
    Focus best(Session session, List<Placement> placements, Mode mode) {
        Period block = session.getPeriod();
        if (mode != this.mode || block != this.period) {
            clear();
            this.mode = mode;
            this.period = block;
        }
        Adult adult = session.getAdult();
        boolean checkQualification = adult != null && mode.needsQualifiedAdult();
        boolean[] stays = new boolean[counted.size()];
        Learner[] came = null;
        int cameCount = 0;
        for (Placement placement : placements) {
            Learner learner = placement.getLearner();
            int at = counted.indexOf(learner);
            if (at >= 0) {
                stays[at] = true;
            } else {
                if (came == null) {
                    came = new Learner[placements.size()];
                }
                came[cameCount++] = learner;
            }
        }
        boolean lookAtAll = false;
        int left = 0;
        for (int i = 0; i < stays.length; i++) {
            if (!stays[i]) {
                left++;
                for (Option option : counted.learnerAt(i).eligibleIn(block, mode)) {
                    count(option, -1);
                    lookAtAll |= option.focus() == best;
                }
            }
        }
        for (int i = 0; i < cameCount; i++) {
            for (Option option : came[i].eligibleIn(block, mode)) {
                count(option, 1);
            }
        }
        if (left == 0 && cameCount == 0) {
            return best;
        }
        if (lookAtAll) {
            best = bestOfAll(adult, checkQualification);
        } else {
            // Only the newcomers' foci rose: the best is the old one or one of theirs.
            boolean bestQualified = best != null && qualified(best, adult, checkQualification);
            for (int i = 0; i < cameCount; i++) {
                for (Option option : came[i].eligibleIn(block, mode)) {
                    Focus f = option.focus();
                    boolean q = qualified(f, adult, checkQualification);
                    if (best == null || better(f, q, best, bestQualified)) {
                        best = f;
                        bestQualified = q;
                    }
                }
            }
        }
        return best;
    }

    private static boolean qualified(Focus focus, Adult adult, boolean checkQualification) {
        return !checkQualification || adult.isQualifiedFor(focus);
    }

    private void count(Option option, int sign) {
        Focus focus = option.focus();
        int i = focus.getIndex();
        if (i >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(i + 1, counts.length * 2));
            ranks = Arrays.copyOf(ranks, counts.length);
            listed = Arrays.copyOf(listed, counts.length);
        }
        if (!listed[i]) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touched.length * 2);
            }
            touched[touchedCount++] = focus;
            listed[i] = true;
        }
        counts[i] += sign;
        ranks[i] += sign * option.preference();
    }

    /** Highest (qualified, count, summed preference), ties to the smallest id; drops foci no member counts now. */
    private Focus bestOfAll(Adult adult, boolean checkQualification) {
        Focus found = null;
        boolean foundQualified = false;
        int kept = 0;
        for (int k = 0; k < touchedCount; k++) {
            Focus f = touched[k];
            if (counts[f.getIndex()] == 0) {
                listed[f.getIndex()] = false;
                continue;
            }
            touched[kept++] = f;
            boolean q = qualified(f, adult, checkQualification);
            if (found == null || better(f, q, found, foundQualified)) {
                found = f;
                foundQualified = q;
            }
        }
        Arrays.fill(touched, kept, touchedCount, null);
        touchedCount = kept;
        return found;
    }

    private boolean better(Focus f, boolean q, Focus other, boolean otherQualified) {
        if (q != otherQualified) {
            return q;
        }
        int i = f.getIndex();
        int j = other.getIndex();
        if (i == j) {
            return false;
        }
        if (counts[i] != counts[j]) {
            return counts[i] > counts[j];
        }
        if (ranks[i] != ranks[j]) {
            return ranks[i] > ranks[j];
        }
        return f.getId().compareTo(other.getId()) < 0;
    }

    /** The summary of the members just counted (each summary computed with this tally says so). */
    void counted(GroupSummary summary) {
        counted = summary;
    }

    private void clear() {
        for (int k = 0; k < touchedCount; k++) {
            int i = touched[k].getIndex();
            counts[i] = 0;
            ranks[i] = 0;
            listed[i] = false;
            touched[k] = null;
        }
        touchedCount = 0;
        counted = GroupSummary.EMPTY;
        best = null;
        mode = null;
        period = null;
    }
}
