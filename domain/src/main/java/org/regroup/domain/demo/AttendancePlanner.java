package org.regroup.domain.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.regroup.domain.BlockKind;
import org.regroup.domain.Commitment;
import org.regroup.domain.Space;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.TimeBlock;

/** Who is away today, late, leaving early, or on a fixed commitment ({@link AttendanceMix}). */
public final class AttendancePlanner {

    private final List<TimeBlock> blocks;
    private final List<Staff> staff;
    private final List<Space> spaces;
    private final Draw draw;

    public AttendancePlanner(List<TimeBlock> blocks, List<Staff> staff, List<Space> spaces, Draw draw) {
        this.blocks = blocks;
        this.staff = staff;
        this.spaces = spaces;
        this.draw = draw;
    }

    void plan(List<StudentDraft> drafts) {
        plan(drafts, AttendanceMix.TYPICAL);
    }

    public void plan(List<StudentDraft> drafts, AttendanceMix mix) {
        int n = drafts.size();
        // one shuffled queue, so that nobody is both absent and late
        List<StudentDraft> queue = draw.shuffled(drafts);
        int at = 0;
        for (int i = 0; i < Draw.share(mix.absent(), n) && at < n; i++) {
            queue.get(at++).absent = true;
        }
        List<String> ids = blocks.stream().map(TimeBlock::id).toList();
        int missed = Math.min(mix.lateBlocks(), ids.size() - 1);
        for (int i = 0; i < Draw.share(mix.late(), n) && at < n; i++) {
            queue.get(at++).presentBlocks = List.copyOf(ids.subList(missed, ids.size()));
        }
        int left = Math.min(mix.earlyBlocks(), ids.size() - 1);
        for (int i = 0; i < Draw.share(mix.early(), n) && at < n; i++) {
            queue.get(at++).presentBlocks = List.copyOf(ids.subList(0, ids.size() - left));
        }
        Set<String> busy = new HashSet<>(); // "block/staff-or-room" already taken by a commitment
        int commitments = mix.commitments() == 0 ? 0 : Math.max(1, Draw.share(mix.commitments(), n));
        for (int i = 0; i < commitments && at < n; i++) {
            StudentDraft s = queue.get(at++);
            s.commitments.add(commitment(i, busy));
        }
    }

    private static boolean quiet(Space s) {
        return s.features().contains(SpacePlanner.QUIET);
    }

    /** Speech therapy in a small room, a counselor check-in, or occupational therapy elsewhere, in a skill block. */
    private Commitment commitment(int i, Set<String> busy) {
        TimeBlock block = draw.oneOf(blocks.stream().filter(b -> b.kindOrDefault() == BlockKind.SKILLS).toList());
        String b = block.id();
        if (i % 3 == 1) {
            Staff counselor = staff.stream().filter(s -> s.role() == StaffRole.COUNSELOR && s.availableIn(b)
                    && !busy.contains(b + "/" + s.id())).findFirst().orElse(null);
            if (counselor != null) {
                busy.add(b + "/" + counselor.id());
                return new Commitment(b, "Counseling check-in", counselor.id(), null);
            }
        }
        if (i % 3 == 2) {
            return new Commitment(b, "Occupational therapy", null, null);
        }
        // a small room, preferably not a quiet one (students who need quiet may need it), and never the school's
        // last quiet space; else the therapist's own office
        Space room = spaces.stream().filter(s -> s.kind() == SpaceKind.SMALL_ROOM && !busy.contains(b + "/" + s.id()))
                .filter(s -> !quiet(s) || spaces.stream().anyMatch(o -> o != s && quiet(o)
                        && !busy.contains(b + "/" + o.id())))
                .min((x, y) -> Boolean.compare(quiet(x), quiet(y)))
                .orElse(null);
        if (room != null) {
            busy.add(b + "/" + room.id());
        }
        return new Commitment(b, "Speech therapy", null, room == null ? null : room.id());
    }
}
