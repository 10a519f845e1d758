package org.regroup.domain.io;

import org.regroup.domain.InputError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.regroup.domain.Accommodations;
import org.regroup.domain.Activity;
import org.regroup.domain.BlockKind;
import org.regroup.domain.Commitment;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Goal;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.Qualification;
import org.regroup.domain.Request;
import org.regroup.domain.School;
import org.regroup.domain.Skill;
import org.regroup.domain.Space;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.graph.SkillGraph;

/**
 * Everything that makes a day problem unplannable before any solving: missing, unknown or duplicate ids, impossible
 * numbers, cyclic prerequisites, blocks nobody can staff, accommodations that can never be met, admin-required
 * requests that contradict them ({@link AdminRequestChecks}). All errors are collected, each with the JSON path at
 * fault, so a scheduler fixes the file once.
 */
public final class DayProblemValidator {

    /** Focus id a request uses for advisory time. */
    public static final String ADVISORY_FOCUS = "advisory";

    private final DayProblem p;
    private final List<InputError> errors = new ArrayList<>();
    private final Map<String, TimeBlock> blocks = new HashMap<>();
    private final Map<String, Skill> skills = new HashMap<>();
    private final Map<String, Staff> staff = new HashMap<>();
    private final Map<String, Space> spaces = new HashMap<>();
    private final Map<String, Student> students = new HashMap<>();
    private final Map<String, Activity> activities = new HashMap<>();
    private final Set<String> strands = new HashSet<>();
    private ModalityCatalog catalog = ModalityCatalog.defaults();
    private Map<String, Set<String>> busy;

    private DayProblemValidator(DayProblem problem) {
        this.p = problem;
    }

    public static List<InputError> validate(DayProblem problem) {
        DayProblemValidator v = new DayProblemValidator(problem);
        v.run();
        return List.copyOf(v.errors);
    }

    private void run() {
        header();
        index("$.blocks", p.blocks(), TimeBlock::id, blocks);
        index("$.skills", p.skills(), Skill::id, skills);
        index("$.staff", p.staff(), Staff::id, staff);
        index("$.spaces", p.spaces(), Space::id, spaces);
        index("$.students", p.students(), Student::id, students);
        index("$.activities", p.activities(), Activity::id, activities);
        p.skills().forEach(s -> {
            if (s.strand() != null) {
                strands.add(s.strand());
                strands.add(s.subject());
            }
        });
        storedText();
        modalities();
        blocks();
        skills();
        SkillGraph.build(skills.values(), p.prerequisites(), errors);
        activities();
        staff();
        spaces();
        students();
        requests();
        errors.addAll(AdminRequestChecks.check(p, catalog, this::leadableModalities, catchAllSupervisors()));
        weights();
        coverage();
    }

    private void header() {
        if (p.format() == null) {
            error("$.format", "missing: must be \"" + DayProblem.FORMAT + "\"");
        } else if (!DayProblem.FORMAT.equals(p.format())) {
            error("$.format", "is \"" + p.format() + "\", expected \"" + DayProblem.FORMAT + "\"");
        }
        if (p.version() == null) {
            error("$.version", "missing: this Regroup reads version " + DayProblem.VERSION);
        } else if (p.version() != DayProblem.VERSION) {
            error("$.version", "version " + p.version() + " is not supported; this Regroup reads version "
                    + DayProblem.VERSION);
        }
        if (p.blocks().isEmpty()) {
            error("$.blocks", "a day needs at least one block");
        }
        School school = p.school();
        if (school == null) {
            error("$.school", "missing");
            return;
        }
        double threshold = school.masteryThresholdOrDefault();
        if (threshold <= 0 || threshold > 1) {
            error("$.school.masteryThreshold", "must be in (0, 1], was " + threshold);
        }
        if (!(0 <= school.practisingFromOrDefault() && school.practisingFromOrDefault() < school.nearMasteryFromOrDefault()
                && school.nearMasteryFromOrDefault() <= threshold)) {
            error("$.school", "skill-state bands must rise: 0 <= practisingFrom < nearMasteryFrom <= masteryThreshold");
        }
    }

    /** What the school store keeps in columns of a fixed size ({@link Limits}): never longer than they hold. */
    private void storedText() {
        if (p.school() != null) {
            Limits.text(errors, "$.school.name", p.school().name(), Limits.SCHOOL_NAME);
        }
        for (int i = 0; i < p.students().size(); i++) {
            if (p.students().get(i) != null) {
                Limits.text(errors, "$.students[" + i + "].id", p.students().get(i).id(), Limits.STUDENT_ID);
            }
        }
        for (int i = 0; i < p.skills().size(); i++) {
            if (p.skills().get(i) != null) {
                Limits.text(errors, "$.skills[" + i + "].id", p.skills().get(i).id(), Limits.SKILL_ID);
            }
        }
    }

    private <T> void index(String path, List<T> items, Function<T, String> id, Map<String, T> into) {
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            String at = path + "[" + i + "]";
            if (item == null) {
                error(at, "empty entry");
                continue;
            }
            String key = id.apply(item);
            if (key == null || key.isBlank()) {
                error(at + ".id", "missing id");
            } else if (into.putIfAbsent(key, item) != null) {
                error(at + ".id", "duplicate id '" + key + "'");
            }
        }
    }

    private void modalities() {
        List<ModalitySpec> entries = p.modalities();
        for (int i = 0; i < entries.size(); i++) {
            ModalitySpec m = entries.get(i);
            String at = "$.modalities[" + i + "]";
            if (m.id() == null || m.id().isBlank()) {
                error(at + ".id", "missing id");
                continue;
            }
            boolean custom = ModalityCatalog.DEFAULTS.stream().noneMatch(d -> d.id().equals(m.id()));
            if (custom && (m.minSize() == null || m.maxSize() == null || m.leadership() == null
                    || m.studentsPerAdult() == null || m.suits() == null || m.focusKinds() == null)) {
                error(at, "modality '" + m.id() + "' is not a standard one, so it must give minSize, maxSize, "
                        + "leadership, studentsPerAdult, suits and focusKinds");
            }
        }
        catalog = ModalityCatalog.of(entries.stream().filter(m -> m.id() != null).toList());
        for (int i = 0; i < entries.size(); i++) {
            ModalitySpec m = catalog.get(entries.get(i).id());
            String at = "$.modalities[" + i + "]";
            if (m == null || m.minSize() == null || m.maxSize() == null) {
                continue;
            }
            if (m.minSize() < 1) {
                error(at + ".minSize", "must be at least 1, was " + m.minSize());
            }
            if (m.maxSize() < m.minSize()) {
                error(at + ".maxSize", "must be at least minSize (" + m.minSize() + "), was " + m.maxSize());
            }
            if (m.studentsPerAdult() != null && m.studentsPerAdult() < 1) {
                error(at + ".studentsPerAdult", "must be at least 1, was " + m.studentsPerAdult());
            }
        }
    }

    private void blocks() {
        Map<Integer, String> orders = new HashMap<>();
        for (int i = 0; i < p.blocks().size(); i++) {
            TimeBlock b = p.blocks().get(i);
            String at = "$.blocks[" + i + "]";
            if (b == null) {
                continue;
            }
            if (b.start() == null || b.end() == null) {
                error(at, "block '" + b.id() + "' needs start and end");
            } else if (!b.end().isAfter(b.start())) {
                error(at + ".end", "block '" + b.id() + "' ends at " + b.end() + ", not after its start " + b.start());
            }
            if (b.order() != null) {
                String other = orders.putIfAbsent(b.order(), b.id());
                if (other != null) {
                    error(at + ".order", "blocks '" + other + "' and '" + b.id() + "' have the same order " + b.order());
                }
            }
        }
    }

    private void skills() {
        for (int i = 0; i < p.skills().size(); i++) {
            Skill s = p.skills().get(i);
            String at = "$.skills[" + i + "]";
            if (s == null) {
                continue;
            }
            if (s.strand() == null || s.strand().isBlank()) {
                error(at + ".strand", "skill '" + s.id() + "' needs a strand such as \"math/NF\"");
            }
            if (s.grade() == null) {
                error(at + ".grade", "skill '" + s.id() + "' needs a grade level (kindergarten = 0)");
            } else if (s.grade() < 0 || s.grade() > 13) {
                error(at + ".grade", "grade " + s.grade() + " of skill '" + s.id() + "' is outside 0..13");
            }
        }
    }

    private void activities() {
        for (int i = 0; i < p.activities().size(); i++) {
            Activity a = p.activities().get(i);
            String at = "$.activities[" + i + "]";
            if (a == null) {
                continue;
            }
            if (a.kind() == null) {
                error(at + ".kind", "activity '" + a.id() + "' needs a kind (project or enrichment)");
            }
            if (ADVISORY_FOCUS.equals(a.id())) {
                error(at + ".id", "'advisory' is reserved for advisory blocks");
            }
            if (a.modalities().isEmpty()) {
                error(at + ".modalities", "activity '" + a.id() + "' needs at least one modality");
            }
            modalityRefs(at + ".modalities", a.modalities());
            blockRefs(at + ".blocks", a.blocks());
            for (int k = 0; k < a.spaces().size(); k++) {
                if (!spaces.containsKey(a.spaces().get(k))) {
                    error(at + ".spaces[" + k + "]", "unknown space '" + a.spaces().get(k) + "'");
                }
            }
        }
    }

    private void staff() {
        for (int i = 0; i < p.staff().size(); i++) {
            Staff s = p.staff().get(i);
            String at = "$.staff[" + i + "]";
            if (s == null) {
                continue;
            }
            if (s.role() == null) {
                error(at + ".role", "staff '" + s.id() + "' needs a role");
            }
            if (s.modalities() != null) {
                modalityRefs(at + ".modalities", s.modalities());
                for (int m = 0; m < s.modalities().size(); m++) {
                    ModalitySpec spec = catalog.get(s.modalities().get(m));
                    if (spec != null && s.role() != null && !ModalityCatalog.mayLead(s.role(), spec.leadership())) {
                        error(at + ".modalities[" + m + "]", "a " + s.role().name().toLowerCase() + " cannot lead '"
                                + spec.id() + "', which needs certified teaching staff");
                    }
                }
            }
            if (s.availableBlocks() != null) {
                blockRefs(at + ".availableBlocks", s.availableBlocks());
            }
            if (s.maxTeachingBlocks() != null && s.maxTeachingBlocks() < 0) {
                error(at + ".maxTeachingBlocks", "cannot be negative, was " + s.maxTeachingBlocks());
            }
            if (s.maxStudents() != null && s.maxStudents() < 1) {
                error(at + ".maxStudents", "must be at least 1, was " + s.maxStudents());
            }
            if (s.costPerDay() != null && s.costPerDay() < 0) {
                error(at + ".costPerDay", "cannot be negative, was " + s.costPerDay());
            }
            for (int q = 0; q < s.qualifications().size(); q++) {
                Qualification qual = s.qualifications().get(q);
                String qat = at + ".qualifications[" + q + "]";
                if (qual.strand() == null || qual.strand().isBlank()) {
                    error(qat + ".strand", "needs a subject or strand, e.g. \"math\" or \"math/NF\"");
                } else if (!strands.isEmpty() && !strands.contains(qual.strand())) {
                    error(qat + ".strand", "no skill is in subject or strand '" + qual.strand() + "'");
                }
                if (qual.minGrade() != null && qual.maxGrade() != null && qual.minGrade() > qual.maxGrade()) {
                    error(qat, "minGrade " + qual.minGrade() + " is above maxGrade " + qual.maxGrade());
                }
            }
            for (int a = 0; a < s.advisees().size(); a++) {
                String sid = s.advisees().get(a);
                Student st = students.get(sid);
                if (st == null) {
                    error(at + ".advisees[" + a + "]", "unknown student '" + sid + "'");
                } else if (st.advisorId() != null && !st.advisorId().equals(s.id())) {
                    error(at + ".advisees[" + a + "]", "student '" + sid + "' names '" + st.advisorId()
                            + "' as advisor, not '" + s.id() + "'");
                }
            }
        }
    }

    private void spaces() {
        for (int i = 0; i < p.spaces().size(); i++) {
            Space s = p.spaces().get(i);
            String at = "$.spaces[" + i + "]";
            if (s == null) {
                continue;
            }
            if (s.kind() == null) {
                error(at + ".kind", "space '" + s.id() + "' needs a kind");
            }
            if (s.capacity() == null) {
                error(at + ".capacity", "space '" + s.id() + "' needs a capacity");
            } else if (s.capacity() < 1) {
                error(at + ".capacity", "capacity of space '" + s.id() + "' must be positive, was " + s.capacity());
            }
            if (s.maxGroups() != null && s.maxGroups() < 1) {
                error(at + ".maxGroups", "must be at least 1, was " + s.maxGroups());
            }
            if (s.travelMinutes() != null && s.travelMinutes() < 0) {
                error(at + ".travelMinutes", "cannot be negative, was " + s.travelMinutes());
            }
            if (s.travelMinutes() != null && s.travelMinutes() > 0 && !s.offSite()) {
                error(at + ".travelMinutes", "only off-site spaces have travel time");
            }
            if (s.availableBlocks() != null) {
                blockRefs(at + ".availableBlocks", s.availableBlocks());
            }
        }
        School school = p.school();
        if (school == null) {
            return;
        }
        Map<String, Integer> catchAllAt = new HashMap<>(); // "space@block" -> the catch-all there
        for (int i = 0; i < school.catchAll().size(); i++) {
            School.CatchAll c = school.catchAll().get(i);
            String at = "$.school.catchAll[" + i + "]";
            if (c == null) {
                error(at, "empty entry");
                continue;
            }
            if (c.spaceId() == null || !spaces.containsKey(c.spaceId())) {
                error(at + ".spaceId", "unknown space '" + c.spaceId() + "'");
            } else {
                // one catch-all a space and block: a second would be the same group twice
                for (TimeBlock b : p.blocks()) {
                    if (b == null || b.id() == null || !c.coversBlock(b.id())) {
                        continue;
                    }
                    Integer other = catchAllAt.putIfAbsent(c.spaceId() + "@" + b.id(), i);
                    if (other != null) {
                        error(at + ".spaceId", "space '" + c.spaceId() + "' already has a catch-all in block '"
                                + b.id() + "' ($.school.catchAll[" + other + "])");
                        break;
                    }
                }
            }
            blockRefs(at + ".blocks", c.blocks());
            if (c.capacity() != null && c.capacity() < 1) {
                error(at + ".capacity", "must be at least 1, was " + c.capacity());
            }
            if (c.supervisorId() != null && !staff.containsKey(c.supervisorId())) {
                error(at + ".supervisorId", "unknown staff '" + c.supervisorId() + "'");
            }
        }
    }

    private void students() {
        for (int i = 0; i < p.students().size(); i++) {
            Student s = p.students().get(i);
            String at = "$.students[" + i + "]";
            if (s == null) {
                continue;
            }
            if (s.grade() == null) {
                error(at + ".grade", "student '" + s.id() + "' needs a grade (kindergarten = 0)");
            } else if (s.grade() < 0 || s.grade() > 13) {
                error(at + ".grade", "grade " + s.grade() + " of student '" + s.id() + "' is outside 0..13");
            }
            if (s.advisorId() != null && !staff.containsKey(s.advisorId())) {
                error(at + ".advisorId", "unknown staff '" + s.advisorId() + "'");
            }
            s.mastery().forEach((skill, value) -> {
                if (!skills.containsKey(skill)) {
                    error(at + ".mastery[\"" + skill + "\"]", "unknown skill '" + skill + "'");
                } else if (value == null || value < 0 || value > 1) {
                    error(at + ".mastery[\"" + skill + "\"]", "mastery must be between 0 and 1, was " + value);
                }
            });
            for (int g = 0; g < s.goals().size(); g++) {
                Goal goal = s.goals().get(g);
                String gat = at + ".goals[" + g + "]";
                if ((goal.skill() == null) == (goal.strand() == null)) {
                    error(gat, "a goal names either a skill or a strand");
                } else if (goal.skill() != null && !skills.containsKey(goal.skill())) {
                    error(gat + ".skill", "unknown skill '" + goal.skill() + "'");
                } else if (goal.strand() != null && !strands.contains(goal.strand())) {
                    error(gat + ".strand", "no skill is in strand '" + goal.strand() + "'");
                }
                if (goal.priority() != null && goal.priority() < 1) {
                    error(gat + ".priority", "must be 1 (highest) or more, was " + goal.priority());
                }
            }
            modalityRefs(at + ".prefersModalities", s.prefersModalities());
            modalityRefs(at + ".avoidsModalities", s.avoidsModalities());
            studentRefs(at + ".keepApart", s.keepApart(), s.id());
            studentRefs(at + ".peers", s.peers(), s.id());
            if (s.presentBlocks() != null) {
                blockRefs(at + ".presentBlocks", s.presentBlocks());
            }
            for (int c = 0; c < s.commitments().size(); c++) {
                Commitment com = s.commitments().get(c);
                String cat = at + ".commitments[" + c + "]";
                if (com.blockId() == null || !blocks.containsKey(com.blockId())) {
                    error(cat + ".blockId", "unknown block '" + com.blockId() + "'");
                }
                if (com.staffId() != null && !staff.containsKey(com.staffId())) {
                    error(cat + ".staffId", "unknown staff '" + com.staffId() + "'");
                }
                if (com.spaceId() != null && !spaces.containsKey(com.spaceId())) {
                    error(cat + ".spaceId", "unknown space '" + com.spaceId() + "'");
                }
            }
            accommodations(at + ".accommodations", s);
        }
    }

    /** An accommodation that no plan could honour is an input error, not a solver failure. */
    private void accommodations(String at, Student s) {
        Accommodations a = s.accommodations();
        if (a == null) {
            return;
        }
        // Numbers that can never be right are wrong for a student away today too: the school keeps them.
        if (a.minStaffLedBlocks() != null && a.minStaffLedBlocks() < 0) {
            error(at + ".minStaffLedBlocks", "cannot be negative, was " + a.minStaffLedBlocks());
        }
        if (a.oneToOneMinutes() != null && a.oneToOneMinutes() < 0) {
            error(at + ".oneToOneMinutes", "cannot be negative, was " + a.oneToOneMinutes());
        }
        if (a.maxOnlineBlocks() != null && a.maxOnlineBlocks() < 0) {
            error(at + ".maxOnlineBlocks", "cannot be negative, was " + a.maxOnlineBlocks());
        }
        if (s.absent()) {
            return;
        }
        List<TimeBlock> present = p.blocks().stream().filter(Objects::nonNull)
                .filter(b -> b.id() != null && s.availableIn(b.id())).toList();
        if (a.minStaffLedBlocksOrZero() > present.size()) { // a negative one is said above
            error(at + ".minStaffLedBlocks", "student '" + s.id() + "' needs " + a.minStaffLedBlocks()
                    + " staff-led blocks but is present for only " + present.size());
        } else if (a.minStaffLedBlocksOrZero() > 0) {
            long coverable = present.stream().filter(b -> p.staff().stream().filter(Objects::nonNull)
                    .anyMatch(st -> workingIn(st, b) && leadableModalities(st).stream()
                            .anyMatch(m -> m.leadership().isStaffLed()))).count();
            if (coverable < a.minStaffLedBlocksOrZero()) {
                error(at + ".minStaffLedBlocks", "student '" + s.id() + "' needs " + a.minStaffLedBlocks()
                        + " staff-led blocks but an adult who may lead is working in only " + coverable
                        + " of their blocks");
            }
        }
        if (a.oneToOneMinutesOrZero() > 0) {
            int minutes = present.stream().filter(b -> b.start() != null && b.end() != null && b.end().isAfter(b.start()))
                    .mapToInt(TimeBlock::minutes).sum();
            boolean anyTutor = present.stream().anyMatch(b -> p.staff().stream().filter(Objects::nonNull)
                    .anyMatch(st -> workingIn(st, b) && leadableModalities(st).stream()
                            .anyMatch(m -> ModalityCatalog.ONE_TO_ONE.equals(m.id()))));
            if (!anyTutor) {
                error(at + ".oneToOneMinutes", "student '" + s.id() + "' needs 1:1 time but no staff member "
                        + "who may lead one-to-one is working in their blocks");
            } else if (a.oneToOneMinutesOrZero() > minutes) {
                error(at + ".oneToOneMinutes", "student '" + s.id() + "' needs " + a.oneToOneMinutes()
                        + " minutes of 1:1 time but is present for only " + minutes + " minutes");
            }
        }
        if (a.quietSpace() && p.spaces().stream().filter(Objects::nonNull)
                .noneMatch(sp -> sp.features().contains("quiet"))) {
            error(at + ".quietSpace", "student '" + s.id() + "' needs a quiet space but no space has the "
                    + "'quiet' feature");
        }
    }

    /**
     * Available for groups in the block: in school, and not busy with a student's fixed commitment or supervising a
     * catch-all.
     */
    private boolean workingIn(Staff staff, TimeBlock block) {
        if (staff.id() == null || block.id() == null || !staff.availableIn(block.id())) {
            return false;
        }
        return !busy().getOrDefault(staff.id(), Set.of()).contains(block.id());
    }

    /** Staff id → blocks they are busy outside the plan (commitments, catch-all supervision); computed once. */
    private Map<String, Set<String>> busy() {
        if (busy == null) {
            busy = new HashMap<>();
            p.students().stream().filter(Objects::nonNull).flatMap(st -> st.commitments().stream())
                    .filter(c -> c.staffId() != null && c.blockId() != null)
                    .forEach(c -> busy.computeIfAbsent(c.staffId(), k -> new HashSet<>()).add(c.blockId()));
            if (p.school() != null) {
                for (School.CatchAll c : p.school().catchAll()) {
                    if (c.supervisorId() != null) {
                        p.blocks().stream().filter(b -> b != null && b.id() != null && c.coversBlock(b.id()))
                                .forEach(b -> busy.computeIfAbsent(c.supervisorId(), k -> new HashSet<>()).add(b.id()));
                    }
                }
            }
        }
        return busy;
    }

    private Set<String> catchAllSupervisors() {
        Set<String> ids = new HashSet<>();
        if (p.school() != null) {
            p.school().catchAll().stream().filter(c -> c != null && c.supervisorId() != null)
                    .forEach(c -> ids.add(c.supervisorId()));
        }
        return ids;
    }

    private List<ModalitySpec> leadableModalities(Staff s) {
        if (s.role() == null) {
            return List.of();
        }
        List<String> ids = s.modalities() != null ? s.modalities() : ModalityCatalog.roleDefaults(s.role());
        return ids.stream().map(catalog::get).filter(Objects::nonNull)
                .filter(m -> m.leadership() != null && ModalityCatalog.mayLead(s.role(), m.leadership())).toList();
    }

    private void requests() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < p.requests().size(); i++) {
            Request r = p.requests().get(i);
            String at = "$.requests[" + i + "]";
            if (r == null) {
                error(at, "empty entry");
                continue;
            }
            if (r.id() != null && !ids.add(r.id())) {
                error(at + ".id", "duplicate id '" + r.id() + "'");
            }
            if (r.studentId() == null || !students.containsKey(r.studentId())) {
                error(at + ".studentId", "unknown student '" + r.studentId() + "'");
            }
            if (r.blockId() != null && !blocks.containsKey(r.blockId())) {
                error(at + ".blockId", "unknown block '" + r.blockId() + "'");
            }
            if (r.staffId() != null && !staff.containsKey(r.staffId())) {
                error(at + ".staffId", "unknown staff '" + r.staffId() + "'");
            }
            if (r.modality() != null && !catalog.contains(r.modality())) {
                error(at + ".modality", "unknown modality '" + r.modality() + "'");
            }
            if (r.focus() != null && !skills.containsKey(r.focus()) && !activities.containsKey(r.focus())
                    && !ADVISORY_FOCUS.equals(r.focus())) {
                error(at + ".focus", "unknown focus '" + r.focus() + "': not a skill, an activity or 'advisory'");
            }
            if (r.blockId() == null && r.staffId() == null && r.focus() == null && r.modality() == null) {
                error(at, "a request must ask for at least one of blockId, staffId, focus, modality");
            }
            if (r.requestedBy() == null || r.requestedBy().isBlank()) {
                error(at + ".requestedBy", "say who asked (a staff id, \"student\", \"family\", \"admin\")");
            }
        }
    }

    private void weights() {
        p.weights().forEach((name, weight) -> {
            if (weight == null || weight < 0) {
                error("$.weights[\"" + name + "\"]", "a weight must be 0 or more, was " + weight);
            }
        });
    }

    /** Blocks in which students are present must have someone to be with them. */
    private void coverage() {
        School school = p.school();
        for (int i = 0; i < p.blocks().size(); i++) {
            TimeBlock b = p.blocks().get(i);
            if (b == null || b.id() == null) {
                continue;
            }
            boolean studentsPresent = p.students().stream().filter(Objects::nonNull)
                    .anyMatch(s -> s.id() != null && s.availableIn(b.id()));
            boolean staffed = p.staff().stream().filter(Objects::nonNull).anyMatch(s -> workingIn(s, b));
            boolean catchAll = school != null && school.catchAll().stream().anyMatch(c -> c.coversBlock(b.id()));
            if (studentsPresent && !staffed && !catchAll) {
                error("$.blocks[" + i + "]", "no staff member is available in block '" + b.id()
                        + "' and no catch-all covers it, but students are present");
            }
            if (b.kindOrDefault() == BlockKind.ACTIVITIES
                    && p.activities().stream().filter(Objects::nonNull).noneMatch(a -> a.offeredIn(b.id()))) {
                error("$.blocks[" + i + "].kind", "activity block '" + b.id() + "' has no activity offered in it");
            }
            if (b.kindOrDefault() == BlockKind.SKILLS && b.subject() != null
                    && !strands.contains(b.subject())) {
                error("$.blocks[" + i + "].subject", "no skill is in subject '" + b.subject() + "'");
            }
        }
    }

    private void modalityRefs(String at, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            if (!catalog.contains(ids.get(i))) {
                error(at + "[" + i + "]", "unknown modality '" + ids.get(i) + "'");
            }
        }
    }

    private void blockRefs(String at, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            if (!blocks.containsKey(ids.get(i))) {
                error(at + "[" + i + "]", "unknown block '" + ids.get(i) + "'");
            }
        }
    }

    private void studentRefs(String at, List<String> ids, String self) {
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (!students.containsKey(id)) {
                error(at + "[" + i + "]", "unknown student '" + id + "'");
            } else if (id.equals(self)) {
                error(at + "[" + i + "]", "a student cannot name themself");
            }
        }
    }

    private void error(String path, String message) {
        errors.add(new InputError(path, message));
    }
}
