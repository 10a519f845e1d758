package org.regroup.domain.scenario;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.regroup.domain.Activity;
import org.regroup.domain.Commitment;
import org.regroup.domain.DayProblem;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.Request;
import org.regroup.domain.School;
import org.regroup.domain.Space;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.catalog.ModalityCatalog;

/**
 * Applies a variant's changes, in order, to a base day. Each change sees the day as the earlier changes left it, so a
 * variant may add a block and then make an adult available in it. The result is not validated as a whole (the caller
 * runs the day-problem validator); what is checked here is what only the variant can explain: the ids a change names.
 * The base day is never modified (records are immutable; every changed list is a new one).
 */
public final class ScenarioChanges {

    private ScenarioChanges() {
    }

    /**
     * The base day with the variant's changes applied.
     *
     * @throws InvalidInputException with every error of the variant, at paths like
     *                               {@code $.variants[2].changes[0].staffId}, each message naming the variant
     */
    public static DayProblem apply(DayProblem base, Scenario.Variant variant, int variantIndex) {
        String label = label(variant, variantIndex);
        String at = "$.variants[" + variantIndex + "]";
        List<InputError> errors = new ArrayList<>();
        Day day = new Day(base);
        for (int c = 0; c < variant.changes().size(); c++) {
            Change change = variant.changes().get(c);
            Report report = new Report(errors, at + ".changes[" + c + "]", label);
            checkFields(change, report);
            if (report.count() == 0) {
                // A change with a wrong id is skipped, and the next ones still checked: every error at once.
                applyOne(day, change, report);
            }
        }
        if (day.staff.stream().noneMatch(Objects::nonNull)) {
            errors.add(new InputError(at, label + " removes every adult"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(label, errors);
        }
        return day.toProblem();
    }

    /** How messages name a variant: by name, or by position when it has none. */
    static String label(Scenario.Variant variant, int index) {
        return variant == null || variant.name() == null || variant.name().isBlank()
                ? "variant $.variants[" + index + "]"
                : "variant '" + variant.name() + "'";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Fields a change needs, whatever the day (also run by ScenarioReader)
    // ---------------------------------------------------------------------------------------------------------------

    static void checkFields(Change change, Report r) {
        if (change == null) {
            r.add("", "missing change");
        } else if (change instanceof Change.RemoveStaff c) {
            r.required(c.staffId(), "staffId");
        } else if (change instanceof Change.AddStaff c) {
            r.required(c.staff(), "staff");
            if (c.staff() != null) {
                r.required(c.staff().id(), "staff.id");
                // a scenario keeps null entries (to report them by position); the day validator expects none
                r.noEmptyEntries(c.staff().qualifications(), "staff.qualifications");
                r.noEmptyEntries(c.staff().modalities(), "staff.modalities");
                r.noEmptyEntries(c.staff().availableBlocks(), "staff.availableBlocks");
                r.noEmptyEntries(c.staff().advisees(), "staff.advisees");
            }
        } else if (change instanceof Change.StaffAvailability c) {
            r.required(c.staffId(), "staffId");
            r.noMissingIds(c.availableBlocks(), "availableBlocks");
        } else if (change instanceof Change.StaffCaps c) {
            r.required(c.staffId(), "staffId");
            r.somethingGiven("maxTeachingBlocks or maxStudents", c.maxTeachingBlocks(), c.maxStudents());
            r.atLeast(c.maxTeachingBlocks(), 0, "maxTeachingBlocks");
            r.atLeast(c.maxStudents(), 1, "maxStudents");
        } else if (change instanceof Change.CloseSpace c) {
            r.required(c.spaceId(), "spaceId");
            r.noMissingIds(c.blocks(), "blocks");
        } else if (change instanceof Change.OpenSpace c) {
            r.required(c.spaceId(), "spaceId");
        } else if (change instanceof Change.AddSpace c) {
            r.required(c.space(), "space");
            if (c.space() != null) {
                r.required(c.space().id(), "space.id");
                r.noEmptyEntries(c.space().features(), "space.features");
                r.noEmptyEntries(c.space().availableBlocks(), "space.availableBlocks");
            }
        } else if (change instanceof Change.ChangeSpace c) {
            r.required(c.spaceId(), "spaceId");
            r.somethingGiven("kind, capacity, features or maxGroups", c.kind(), c.capacity(), c.features(),
                    c.maxGroups());
            r.atLeast(c.capacity(), 1, "capacity");
            r.atLeast(c.maxGroups(), 1, "maxGroups");
            r.noEmptyEntries(c.features(), "features");
        } else if (change instanceof Change.AddBlock c) {
            r.required(c.block(), "block");
            if (c.block() != null) {
                r.required(c.block().id(), "block.id");
                r.required(c.block().start(), "block.start");
                r.required(c.block().end(), "block.end");
                if (c.block().start() != null && c.block().end() != null
                        && !c.block().start().isBefore(c.block().end())) {
                    r.add("block.end", "block '" + c.block().id() + "' must end after it starts");
                }
            }
        } else if (change instanceof Change.RemoveBlock c) {
            r.required(c.blockId(), "blockId");
        } else if (change instanceof Change.ChangeBlockTimes c) {
            r.required(c.blockId(), "blockId");
            r.somethingGiven("start or end", c.start(), c.end());
        } else if (change instanceof Change.ModalityRules c) {
            r.required(c.modalityId(), "modalityId");
            r.somethingGiven("minSize, maxSize or studentsPerAdult", c.minSize(), c.maxSize(), c.studentsPerAdult());
            r.atLeast(c.minSize(), 1, "minSize");
            r.atLeast(c.maxSize(), 1, "maxSize");
            r.atLeast(c.studentsPerAdult(), 1, "studentsPerAdult");
        } else if (change instanceof Change.Weights c) {
            if (c.weights() == null || c.weights().isEmpty()) {
                r.add("weights", "missing: give at least one rule name and its weight");
            } else {
                // Names are checked by the solver, which knows the rules; a negative weight would reward breaking one.
                c.weights().forEach((name, w) -> {
                    if (w == null || w < 0) {
                        r.add("weights[\"" + name + "\"]", "weight of '" + name + "' must be 0 or more, was " + w);
                    }
                });
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // One method per change type
    // ---------------------------------------------------------------------------------------------------------------

    private static void applyOne(Day day, Change change, Report r) {
        if (change instanceof Change.RemoveStaff c) {
            removeStaff(day, c, r);
        } else if (change instanceof Change.AddStaff c) {
            addStaff(day, c, r);
        } else if (change instanceof Change.StaffAvailability c) {
            staffAvailability(day, c, r);
        } else if (change instanceof Change.StaffCaps c) {
            staffCaps(day, c, r);
        } else if (change instanceof Change.CloseSpace c) {
            closeSpace(day, c, r);
        } else if (change instanceof Change.OpenSpace c) {
            openSpace(day, c, r);
        } else if (change instanceof Change.AddSpace c) {
            addSpace(day, c, r);
        } else if (change instanceof Change.ChangeSpace c) {
            changeSpace(day, c, r);
        } else if (change instanceof Change.AddBlock c) {
            addBlock(day, c, r);
        } else if (change instanceof Change.RemoveBlock c) {
            removeBlock(day, c, r);
        } else if (change instanceof Change.ChangeBlockTimes c) {
            changeBlockTimes(day, c, r);
        } else if (change instanceof Change.ModalityRules c) {
            modalityRules(day, c, r);
        } else if (change instanceof Change.Weights c) {
            weights(day, c);
        }
    }

    /**
     * The adult leaves: their advisees go with their record, students naming them as advisor have none, requests for
     * them are dropped, commitments with them stay (the student is still busy) without them. A catch-all they
     * supervise stays open without a named supervisor: the school's duty rota covers it (docs/format.md).
     */
    private static void removeStaff(Day day, Change.RemoveStaff c, Report r) {
        String id = c.staffId();
        int i = day.staffIndex(id, "staffId", r);
        if (i < 0) {
            return;
        }
        day.staff.remove(i);
        if (day.school != null && day.school.catchAll().stream().anyMatch(ca -> id.equals(ca.supervisorId()))) {
            day.school = withCatchAll(day.school, map(day.school.catchAll(), ca -> id.equals(ca.supervisorId())
                    ? new School.CatchAll(ca.spaceId(), ca.blocks(), ca.capacity(), null) : ca));
        }
        day.students = map(day.students, s -> {
            String advisor = id.equals(s.advisorId()) ? null : s.advisorId();
            List<Commitment> commitments = map(s.commitments(), k -> id.equals(k.staffId())
                    ? new Commitment(k.blockId(), k.description(), null, k.spaceId()) : k);
            return withStudent(s, advisor, s.presentBlocks(), commitments);
        });
        day.requests = keep(day.requests, q -> !id.equals(q.staffId()));
    }

    private static void addStaff(Day day, Change.AddStaff c, Report r) {
        if (day.index(day.staff, Staff::id, c.staff().id()) >= 0) {
            r.add("staff.id", "staff '" + c.staff().id() + "' already exists");
            return;
        }
        day.staff.add(c.staff());
    }

    private static void staffAvailability(Day day, Change.StaffAvailability c, Report r) {
        int i = day.staffIndex(c.staffId(), "staffId", r);
        boolean blocksKnown = day.blocksExist(c.availableBlocks(), "availableBlocks", r);
        if (i >= 0 && blocksKnown) {
            day.staff.set(i, day.staff.get(i).withAvailableBlocks(c.availableBlocks()));
        }
    }

    private static void staffCaps(Day day, Change.StaffCaps c, Report r) {
        int i = day.staffIndex(c.staffId(), "staffId", r);
        if (i < 0) {
            return;
        }
        Staff s = day.staff.get(i);
        day.staff.set(i, new Staff(s.id(), s.name(), s.role(), s.qualifications(), s.modalities(),
                s.availableBlocks(), or(c.maxTeachingBlocks(), s.maxTeachingBlocks()),
                or(c.maxStudents(), s.maxStudents()), s.advisees(), s.maySuperviseOffSite(), s.costPerDay()));
    }

    /** Closed all day when no blocks are given; else those blocks leave its availability ("all" made explicit). */
    private static void closeSpace(Day day, Change.CloseSpace c, Report r) {
        int i = day.spaceIndex(c.spaceId(), r);
        boolean blocksKnown = day.blocksExist(c.blocks(), "blocks", r);
        if (i < 0 || !blocksKnown) {
            return;
        }
        Space s = day.spaces.get(i);
        List<String> open = c.blocks() == null ? List.of()
                : keep(s.availableBlocks() == null ? day.blockIds() : s.availableBlocks(), b -> !c.blocks().contains(b));
        day.spaces.set(i, s.withAvailableBlocks(open));
    }

    private static void openSpace(Day day, Change.OpenSpace c, Report r) {
        int i = day.spaceIndex(c.spaceId(), r);
        if (i >= 0) {
            day.spaces.set(i, day.spaces.get(i).withAvailableBlocks(null));
        }
    }

    private static void addSpace(Day day, Change.AddSpace c, Report r) {
        if (day.index(day.spaces, Space::id, c.space().id()) >= 0) {
            r.add("space.id", "space '" + c.space().id() + "' already exists");
            return;
        }
        day.spaces.add(c.space());
    }

    private static void changeSpace(Day day, Change.ChangeSpace c, Report r) {
        int i = day.spaceIndex(c.spaceId(), r);
        if (i < 0) {
            return;
        }
        Space s = day.spaces.get(i);
        day.spaces.set(i, new Space(s.id(), s.name(), or(c.kind(), s.kind()), or(c.capacity(), s.capacity()),
                or(c.features(), s.features()), s.availableBlocks(), or(c.maxGroups(), s.maxGroups()),
                s.travelMinutes()));
    }

    /** Adults, spaces and students with explicit block lists are not in the new block; "all day" ones are. */
    private static void addBlock(Day day, Change.AddBlock c, Report r) {
        if (day.index(day.blocks, TimeBlock::id, c.block().id()) >= 0) {
            r.add("block.id", "block '" + c.block().id() + "' already exists");
            return;
        }
        day.blocks.add(c.block());
    }

    /**
     * The block leaves every list naming it; requests and commitments in it are dropped. A catch-all or an activity
     * that was only in that block goes too (an empty list would mean "every block").
     */
    private static void removeBlock(Day day, Change.RemoveBlock c, Report r) {
        String id = c.blockId();
        int i = day.blockIndex(id, r);
        if (i < 0) {
            return;
        }
        if (day.blocks.stream().filter(Objects::nonNull).count() == 1) {
            r.add("blockId", "block '" + id + "' is the day's last block");
            return;
        }
        day.blocks.remove(i);
        Predicate<String> other = b -> !id.equals(b);
        day.staff = map(day.staff, s -> s.availableBlocks() == null ? s
                : s.withAvailableBlocks(keep(s.availableBlocks(), other)));
        day.spaces = map(day.spaces, s -> s.availableBlocks() == null ? s
                : s.withAvailableBlocks(keep(s.availableBlocks(), other)));
        day.students = map(day.students, s -> withStudent(s, s.advisorId(),
                s.presentBlocks() == null ? null : keep(s.presentBlocks(), other),
                keep(s.commitments(), k -> !id.equals(k.blockId()))));
        day.requests = keep(day.requests, q -> !id.equals(q.blockId()));
        if (day.school != null) {
            day.school = withCatchAll(day.school, map(keep(day.school.catchAll(), ca -> !onlyIn(ca.blocks(), id)),
                    ca -> new School.CatchAll(ca.spaceId(), keep(ca.blocks(), other), ca.capacity(), ca.supervisorId())));
        }
        Set<String> gone = day.activities.stream().filter(a -> a != null && onlyIn(a.blocks(), id))
                .map(Activity::id).collect(Collectors.toSet());
        day.activities = map(keep(day.activities, a -> !gone.contains(a.id())), a -> new Activity(a.id(), a.name(),
                a.kind(), a.tags(), a.modalities(), keep(a.blocks(), other), a.spaces()));
        day.requests = keep(day.requests, q -> !gone.contains(q.focus()));
    }

    private static void changeBlockTimes(Day day, Change.ChangeBlockTimes c, Report r) {
        int i = day.blockIndex(c.blockId(), r);
        if (i < 0) {
            return;
        }
        TimeBlock b = day.blocks.get(i);
        LocalTime start = or(c.start(), b.start());
        LocalTime end = or(c.end(), b.end());
        if (start != null && end != null && !start.isBefore(end)) {
            r.add(c.end() != null ? "end" : "start", "block '" + b.id() + "' would run from " + start + " to " + end
                    + ": it must end after it starts");
            return;
        }
        day.blocks.set(i, new TimeBlock(b.id(), start, end, b.order(), b.kind(), b.subject(), b.doubleWithNext()));
    }

    /** The day's catalog entry (or the built-in default) with the given fields replaced, written into the day. */
    private static void modalityRules(Day day, Change.ModalityRules c, Report r) {
        ModalityCatalog catalog = ModalityCatalog.of(day.modalities.stream().filter(Objects::nonNull).toList());
        ModalitySpec m = catalog.get(c.modalityId());
        if (m == null) {
            r.add("modalityId", "unknown modality '" + c.modalityId() + "'");
            return;
        }
        Integer min = or(c.minSize(), m.minSize());
        Integer max = or(c.maxSize(), m.maxSize());
        if (min != null && max != null && min > max) {
            r.add(c.maxSize() != null ? "maxSize" : "minSize", "modality '" + m.id() + "' would have minSize " + min
                    + " above maxSize " + max);
            return;
        }
        ModalitySpec changed = new ModalitySpec(m.id(), m.name(), min, max, m.leadership(),
                or(c.studentsPerAdult(), m.studentsPerAdult()), m.requiredFeatures(), m.suits(), m.focusKinds(),
                m.sharedFocus(), m.offSite());
        int i = day.index(day.modalities, ModalitySpec::id, m.id());
        if (i >= 0) {
            day.modalities.set(i, changed);
        } else {
            day.modalities.add(changed);
        }
    }

    private static void weights(Day day, Change.Weights c) {
        day.weights.putAll(c.weights());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------------

    /** A block list naming that block and no other (an empty one means every block). */
    private static boolean onlyIn(List<String> blocks, String blockId) {
        return !blocks.isEmpty() && blocks.stream().allMatch(blockId::equals);
    }

    private static School withCatchAll(School s, List<School.CatchAll> catchAll) {
        return s.withCatchAll(catchAll);
    }

    private static Student withStudent(Student s, String advisorId, List<String> presentBlocks,
            List<Commitment> commitments) {
        return new Student(s.id(), s.name(), s.grade(), advisorId, s.mastery(), s.goals(), s.interests(),
                s.prefersModalities(), s.avoidsModalities(), s.accommodations(), s.keepApart(), s.peers(), s.absent(),
                presentBlocks, commitments);
    }

    private static <T> T or(T given, T old) {
        return given != null ? given : old;
    }

    /** A new list of the entries passing the test; null entries (the base is not validated) are kept as they are. */
    private static <T> List<T> keep(List<T> list, Predicate<T> test) {
        List<T> out = new ArrayList<>();
        for (T t : list) {
            if (t == null || test.test(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** A new list with each non-null entry replaced. */
    private static <T> List<T> map(List<T> list, UnaryOperator<T> f) {
        List<T> out = new ArrayList<>(list.size());
        for (T t : list) {
            out.add(t == null ? null : f.apply(t));
        }
        return out;
    }

    /** The base day's parts as new lists that the changes replace entries of. */
    private static final class Day {
        final DayProblem base;
        School school;
        List<TimeBlock> blocks;
        List<ModalitySpec> modalities;
        List<Activity> activities;
        List<Staff> staff;
        List<Space> spaces;
        List<Student> students;
        List<Request> requests;
        final Map<String, Integer> weights;

        Day(DayProblem p) {
            base = p;
            school = p.school();
            blocks = new ArrayList<>(p.blocks());
            modalities = new ArrayList<>(p.modalities());
            activities = new ArrayList<>(p.activities());
            staff = new ArrayList<>(p.staff());
            spaces = new ArrayList<>(p.spaces());
            students = new ArrayList<>(p.students());
            requests = new ArrayList<>(p.requests());
            weights = new LinkedHashMap<>(p.weights());
        }

        DayProblem toProblem() {
            return new DayProblem(base.format(), base.version(), base.id(), base.date(), school, blocks, base.skills(),
                    base.prerequisites(), modalities, activities, staff, spaces, students, requests, weights);
        }

        <T> int index(List<T> list, Function<T, String> id, String wanted) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != null && wanted.equals(id.apply(list.get(i)))) {
                    return i;
                }
            }
            return -1;
        }

        int staffIndex(String id, String field, Report r) {
            int i = index(staff, Staff::id, id);
            if (i < 0) {
                r.add(field, "unknown staff '" + id + "'");
            }
            return i;
        }

        int spaceIndex(String id, Report r) {
            int i = index(spaces, Space::id, id);
            if (i < 0) {
                r.add("spaceId", "unknown space '" + id + "'");
            }
            return i;
        }

        int blockIndex(String id, Report r) {
            int i = index(blocks, TimeBlock::id, id);
            if (i < 0) {
                r.add("blockId", "unknown block '" + id + "'");
            }
            return i;
        }

        /** Reports each id of {@code ids} that is not a block of the day (as the variant has it so far). */
        boolean blocksExist(List<String> ids, String field, Report r) {
            boolean all = true;
            for (int k = 0; ids != null && k < ids.size(); k++) {
                if (index(blocks, TimeBlock::id, ids.get(k)) < 0) {
                    r.add(field + "[" + k + "]", "unknown block '" + ids.get(k) + "'");
                    all = false;
                }
            }
            return all;
        }

        List<String> blockIds() {
            return blocks.stream().filter(Objects::nonNull).map(TimeBlock::id).toList();
        }
    }

    /** Errors of one change: at its path, each message naming the variant. */
    static final class Report {
        private final List<InputError> errors;
        private final String at;
        private final String label;
        private int count;

        Report(List<InputError> errors, String at, String label) {
            this.errors = errors;
            this.at = at;
            this.label = label;
        }

        void add(String field, String message) {
            errors.add(new InputError(field.isEmpty() ? at : at + "." + field, label + ": " + message));
            count++;
        }

        int count() {
            return count;
        }

        void required(Object value, String field) {
            if (value == null || value instanceof String s && s.isBlank()) {
                add(field, "missing " + field);
            }
        }

        void noMissingIds(List<String> ids, String field) {
            for (int k = 0; ids != null && k < ids.size(); k++) {
                if (ids.get(k) == null || ids.get(k).isBlank()) {
                    add(field + "[" + k + "]", "missing block id");
                }
            }
        }

        /** A day file's lists cannot hold a null ({@code Json.input()}); a scenario's are read without that check. */
        void noEmptyEntries(List<?> list, String field) {
            for (int k = 0; list != null && k < list.size(); k++) {
                if (list.get(k) == null) {
                    add(field + "[" + k + "]", "empty entry");
                }
            }
        }

        void atLeast(Integer value, int min, String field) {
            if (value != null && value < min) {
                add(field, field + " must be " + min + " or more, was " + value);
            }
        }

        /** A change whose optional fields are all absent would change nothing: surely a mistake. */
        void somethingGiven(String fields, Object... values) {
            if (Arrays.stream(values).allMatch(Objects::isNull)) {
                add("", "changes nothing: give " + fields);
            }
        }
    }
}
