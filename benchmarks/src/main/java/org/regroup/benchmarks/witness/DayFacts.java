package org.regroup.benchmarks.witness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.Activity;
import org.regroup.domain.Commitment;
import org.regroup.domain.DayProblem;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.School;
import org.regroup.domain.Skill;
import org.regroup.domain.Space;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.graph.SkillGraph;

/**
 * The day as docs/format.md describes it, read once: blocks in day order with the gaps between them, who works when
 * and may lead what, which spaces can be used when, who must be kept apart, and where the catch-alls are. Nothing
 * here changes while the day is planned.
 */
final class DayFacts {

    static final String QUIET = "quiet";

    final DayProblem problem;
    final ModalityCatalog catalog;
    final SkillGraph graph;
    /** Blocks in day order: by {@code order} (absent last), then start. */
    final List<TimeBlock> blocks;
    private final Map<String, Activity> activities = new HashMap<>();
    /** Per staff id: the skills they are qualified for. */
    private final Map<String, Set<String>> qualified = new HashMap<>();
    /** Per staff id: blocks they are busy outside the plan (a student's commitment, supervising a catch-all). */
    private final Map<String, Set<String>> busy = new HashMap<>();
    /** Per space id: blocks a student's commitment uses it. */
    private final Map<String, Set<String>> committedSpace = new HashMap<>();
    private final Map<String, Set<String>> keepApart = new HashMap<>();
    /** Per staff id and block index: the modalities they may run there. */
    private final Map<String, List<List<ModalitySpec>>> modes = new HashMap<>();
    private final Map<String, Space> spaces = new HashMap<>();
    private final Map<String, Staff> staff = new HashMap<>();

    DayFacts(DayProblem problem) {
        this.problem = problem;
        this.catalog = ModalityCatalog.of(problem.modalities());
        this.graph = SkillGraph.of(problem.skills(), problem.prerequisites());
        this.blocks = problem.blocks().stream()
                .sorted(Comparator.comparing((TimeBlock b) -> b.order() == null ? Integer.MAX_VALUE : b.order())
                        .thenComparing(TimeBlock::start))
                .toList();
        problem.activities().forEach(a -> activities.put(a.id(), a));
        problem.spaces().forEach(r -> spaces.putIfAbsent(r.id(), r));
        problem.staff().forEach(a -> staff.putIfAbsent(a.id(), a));
        for (Staff s : problem.staff()) {
            Set<String> skills = new HashSet<>();
            for (Skill skill : graph.skills()) {
                if (s.qualifiedFor(skill)) {
                    skills.add(skill.id());
                }
            }
            qualified.put(s.id(), skills);
        }
        for (Student s : problem.students()) {
            for (Commitment c : s.commitments()) {
                if (c.staffId() != null) {
                    busy.computeIfAbsent(c.staffId(), k -> new HashSet<>()).add(c.blockId());
                }
                if (c.spaceId() != null) {
                    committedSpace.computeIfAbsent(c.spaceId(), k -> new HashSet<>()).add(c.blockId());
                }
            }
            // Keep-apart binds both ways, whichever side lists it.
            for (String other : s.keepApart()) {
                keepApart.computeIfAbsent(s.id(), k -> new HashSet<>()).add(other);
                keepApart.computeIfAbsent(other, k -> new HashSet<>()).add(s.id());
            }
        }
        for (School.CatchAll c : catchAllEntries()) {
            if (c.supervisorId() != null) {
                for (TimeBlock b : blocks) {
                    if (c.coversBlock(b.id())) {
                        busy.computeIfAbsent(c.supervisorId(), k -> new HashSet<>()).add(b.id());
                    }
                }
            }
        }
        for (Staff a : problem.staff()) {
            List<List<ModalitySpec>> perBlock = new ArrayList<>();
            for (int i = 0; i < blocks.size(); i++) {
                perBlock.add(allowedModes(a, i));
            }
            modes.put(a.id(), perBlock);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Blocks
    // ---------------------------------------------------------------------------------------------------------------

    TimeBlock block(int index) {
        return blocks.get(index);
    }

    int blockCount() {
        return blocks.size();
    }

    /** Minutes between the previous block's end and this one's start (MAX for the first block). */
    int gapBefore(int index) {
        return index == 0 ? Integer.MAX_VALUE
                : (int) Duration.between(blocks.get(index - 1).end(), blocks.get(index).start()).toMinutes();
    }

    /** Minutes between this block's end and the next one's start (MAX for the last block). */
    int gapAfter(int index) {
        return index == blocks.size() - 1 ? Integer.MAX_VALUE : gapBefore(index + 1);
    }

    /**
     * The neighbouring blocks a session at this space in block {@code index} spends travelling: those whose gap is
     * shorter than the travel time (none on site).
     */
    List<Integer> travelBlocks(Space space, int index) {
        List<Integer> taken = new ArrayList<>();
        int travel = space.offSite() ? space.travelMinutesOrZero() : 0;
        if (travel > 0 && index > 0 && travel > gapBefore(index)) {
            taken.add(index - 1);
        }
        if (travel > 0 && index < blocks.size() - 1 && travel > gapAfter(index)) {
            taken.add(index + 1);
        }
        return taken;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Students
    // ---------------------------------------------------------------------------------------------------------------

    /** In school and not on a fixed commitment. */
    boolean present(Student s, int index) {
        return s.availableIn(blocks.get(index).id());
    }

    Set<String> keepApart(Student s) {
        return keepApart.getOrDefault(s.id(), Set.of());
    }

    Commitment commitment(Student s, int index) {
        String id = blocks.get(index).id();
        return s.commitments().stream().filter(c -> id.equals(c.blockId())).findFirst().orElse(null);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Staff
    // ---------------------------------------------------------------------------------------------------------------

    /** Works the block and is not busy outside the plan then. */
    boolean works(Staff a, int index) {
        String id = blocks.get(index).id();
        return a.availableIn(id) && !busy.getOrDefault(a.id(), Set.of()).contains(id);
    }

    /**
     * The modalities this adult may run in the block: their list (or their role's defaults), teacher-led ones only
     * for teachers, specialists and counselors, only those that serve the block's kind, off-site ones only for adults
     * cleared to take students off site. Empty when they do not work the block.
     */
    List<ModalitySpec> modes(Staff a, int index) {
        return modes.get(a.id()).get(index);
    }

    private List<ModalitySpec> allowedModes(Staff a, int index) {
        if (!works(a, index)) {
            return List.of();
        }
        List<String> ids = a.modalities() != null ? a.modalities() : ModalityCatalog.roleDefaults(a.role());
        List<ModalitySpec> modes = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            ModalitySpec m = catalog.get(id);
            if (m != null && ModalityCatalog.mayLead(a.role(), m.leadership())
                    && Modes.serves(m, blocks.get(index).kindOrDefault().focusKind())
                    && (!Modes.offSite(m) || a.maySuperviseOffSite())) {
                modes.add(m);
            }
        }
        return List.copyOf(modes);
    }

    boolean qualified(Staff a, String skillId) {
        return qualified.get(a.id()).contains(skillId);
    }

    Set<String> qualifiedSkills(Staff a) {
        return qualified.get(a.id());
    }

    /** Blocks after {@code index} the adult works. */
    int blocksWorkedAfter(Staff a, int index) {
        int n = 0;
        for (int i = index + 1; i < blocks.size(); i++) {
            if (works(a, i)) {
                n++;
            }
        }
        return n;
    }

    static int maxTeachingBlocks(Staff a) {
        return a.maxTeachingBlocks() == null ? Integer.MAX_VALUE : a.maxTeachingBlocks();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Spaces
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Open in the block. A space a student's commitment uses is closed to groups then when it hosts one group at a
     * time; a shared space loses one group's place to the commitment (docs/format.md leaves that open; this is the
     * safe reading).
     */
    boolean usable(Space r, int index) {
        return r.availableIn(blocks.get(index).id()) && groupSlots(r, index) > 0;
    }

    int groupSlots(Space r, int index) {
        boolean committed = committedSpace.getOrDefault(r.id(), Set.of()).contains(blocks.get(index).id());
        return r.maxGroupsOrDefault() - (committed ? 1 : 0);
    }

    /** Has the features the modality needs, and is off site exactly when the modality is. */
    static boolean fits(Space r, ModalitySpec m) {
        return r.features().containsAll(Modes.requiredFeatures(m)) && r.offSite() == Modes.offSite(m);
    }

    static boolean quiet(Space r) {
        return r.features().contains(QUIET);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Catch-alls and activities
    // ---------------------------------------------------------------------------------------------------------------

    List<School.CatchAll> catchAllEntries() {
        return problem.school() == null ? List.of() : problem.school().catchAll();
    }

    /** The catch-alls open in the block (on site: a catch-all off site would have students travel). */
    List<School.CatchAll> catchAlls(int index) {
        List<School.CatchAll> open = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (School.CatchAll c : catchAllEntries()) {
            Space room = space(c.spaceId());
            if (c.coversBlock(blocks.get(index).id()) && room != null && !room.offSite() && usable(room, index)
                    && seen.add(c.spaceId())) {
                open.add(c);
            }
        }
        return open;
    }

    Space space(String id) {
        return spaces.get(id);
    }

    Staff staff(String id) {
        return staff.get(id);
    }

    Activity activity(String id) {
        return activities.get(id);
    }

    /** Students by id, in the problem's order. */
    Map<String, Student> studentsById() {
        Map<String, Student> byId = new LinkedHashMap<>();
        problem.students().forEach(s -> byId.put(s.id(), s));
        return byId;
    }
}
