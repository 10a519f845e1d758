package org.regroup.solver.build;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.regroup.domain.Activity;
import org.regroup.domain.BlockKind;
import org.regroup.domain.DayProblem;
import org.regroup.domain.FocusKind;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.Request;
import org.regroup.domain.School;
import org.regroup.domain.Skill;
import org.regroup.domain.Space;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.graph.SkillGraph;
import org.regroup.domain.io.DayProblemValidator;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.solver.constraints.Rules;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.Ask;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Option;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * Turns a validated day problem into the planning solution. Several rules hold by construction here and are tested
 * as such: one session per adult per block they are available and not busy (so an adult is never in two places and
 * never scheduled while away); no placement for a block a student is absent or on a fixed commitment; a placement's
 * value range holds only its own block's sessions the student could possibly be in.
 */
public final class DayPlanBuilder {

    public static final String CATCH_ALL_MODE = ModalityCatalog.INDEPENDENT_PRACTICE;

    private final DayProblem problem;
    private final String source;
    private final List<InputError> errors = new ArrayList<>();
    private final School school;
    private final ModalityCatalog catalog;
    private final SkillGraph graph;

    private final List<Period> periods = new ArrayList<>();
    private final Map<String, Period> periodById = new HashMap<>();
    private final Map<String, Mode> modeById = new LinkedHashMap<>();
    private final Map<String, Focus> focusById = new LinkedHashMap<>();
    private final Focus advisory;
    private final Map<String, Adult> adultById = new LinkedHashMap<>();
    private final Map<String, Room> roomById = new LinkedHashMap<>();
    private final Map<String, Learner> learnerById = new LinkedHashMap<>();
    private final List<Session> sessions = new ArrayList<>();
    private final Map<Period, List<Session>> sessionsByPeriod = new HashMap<>();
    private final List<Placement> placements = new ArrayList<>();
    private final Map<List<Session>, List<Session>> sharedRanges = new HashMap<>();

    private DayPlanBuilder(DayProblem problem, String source) {
        this.problem = problem;
        this.source = source;
        this.school = problem.school();
        this.catalog = ModalityCatalog.of(problem.modalities());
        this.graph = SkillGraph.of(problem.skills(), problem.prerequisites());
        this.advisory = new Focus(DayProblemValidator.ADVISORY_FOCUS, 0, FocusKind.ADVISORY, "Advisory", -1, null, 0,
                List.of(), Set.of());
    }

    /**
     * Builds the planning solution of a problem that passed {@link DayProblemValidator}; throws
     * {@link InvalidInputException} for what only shows once the day is assembled (unknown weights, a pin that names
     * an adult who is away).
     */
    public static DayPlan build(DayProblem problem, String source) {
        return new DayPlanBuilder(problem, source).assemble();
    }

    /**
     * The problem itself when it is valid; otherwise every error at once: the format's ({@link DayProblemValidator})
     * and the weight names, which only the solver knows, so a school fixes its file in one round.
     */
    public static DayProblem validated(DayProblem problem, String source) {
        List<InputError> all = new ArrayList<>(DayProblemValidator.validate(problem));
        all.addAll(weightNameErrors(problem));
        if (!all.isEmpty()) {
            throw new InvalidInputException(source, all);
        }
        return problem;
    }

    private static List<InputError> weightNameErrors(DayProblem problem) {
        List<InputError> wrong = new ArrayList<>();
        problem.weights().keySet().stream().filter(name -> !Rules.SOFT.contains(name))
                .forEach(name -> wrong.add(new InputError("$.weights[\"" + name + "\"]", "'" + name
                        + "' is not a soft rule that can be weighted; soft rules are: " + String.join(", ",
                                Rules.SOFT))));
        return wrong;
    }

    private DayPlan assemble() {
        buildPeriods();
        catalog.all().forEach(this::addMode);
        buildFoci();
        Map<String, Set<String>> busyStaff = busyStaff();
        buildAdults(busyStaff);
        adultById.values().forEach(a -> a.indexQualifications(focusById.values()));
        buildRooms();
        buildSessions(busyStaff);
        buildLearners();
        buildPlacements();
        List<Ask> asks = buildAsks();
        ConstraintWeightOverrides<HardMediumSoftScore> weights = buildWeights();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(source, errors);
        }
        return new DayPlan(problem, List.copyOf(periods), List.copyOf(modeById.values()),
                List.copyOf(adultById.values()), List.copyOf(roomById.values()), List.copyOf(focusById.values()),
                List.copyOf(learnerById.values()), asks, sessions, placements, weights);
    }

    private void buildPeriods() {
        List<TimeBlock> ordered = problem.blocks().stream()
                .sorted(Comparator.comparing((TimeBlock b) -> b.order() == null ? Integer.MAX_VALUE : b.order())
                        .thenComparing(TimeBlock::start))
                .toList();
        for (int i = 0; i < ordered.size(); i++) {
            TimeBlock b = ordered.get(i);
            int gapBefore = i == 0 ? Integer.MAX_VALUE
                    : (int) Duration.between(ordered.get(i - 1).end(), b.start()).toMinutes();
            int gapAfter = i == ordered.size() - 1 ? Integer.MAX_VALUE
                    : (int) Duration.between(b.end(), ordered.get(i + 1).start()).toMinutes();
            Period period = new Period(b.id(), i, b.start(), b.end(), b.kindOrDefault(), b.subject(),
                    b.doubleWithNext(), gapBefore, gapAfter);
            periods.add(period);
            periodById.put(b.id(), period);
        }
    }

    private void addMode(ModalitySpec m) {
        modeById.put(m.id(), mode(m));
    }

    /** The solver's view of a catalog entry. */
    public static Mode mode(ModalitySpec m) {
        return new Mode(m.id(), m.name() == null ? m.id() : m.name(), m.minSize(), m.maxSize(), m.leadership(),
                m.studentsPerAdult(), Set.copyOf(m.requiredFeatures() == null ? List.of() : m.requiredFeatures()),
                m.suits(), m.focusKinds(), !Boolean.FALSE.equals(m.sharedFocus()), Boolean.TRUE.equals(m.offSite()));
    }

    private void buildFoci() {
        focusById.put(advisory.getId(), advisory); // index 0
        for (Skill skill : graph.skills()) {
            focusById.put(skill.id(), new Focus(skill.id(), focusById.size(), FocusKind.SKILL, skill.name() == null ? skill.id()
                    : skill.name(), skill.grade(), skill.strand(), graph.downstreamCount(skill.id()), List.of(),
                    Set.of()));
        }
        for (Activity a : problem.activities()) {
            focusById.put(a.id(), new Focus(a.id(), focusById.size(), FocusKind.ACTIVITY, a.name() == null ? a.id() : a.name(), -1,
                    null, 0, a.tags(), Set.copyOf(a.modalities()), Set.copyOf(a.spaces())));
        }
    }

    /** Staff busy outside the plan: with a student's fixed commitment, or supervising a catch-all. */
    private Map<String, Set<String>> busyStaff() {
        Map<String, Set<String>> busy = new HashMap<>();
        for (Student s : problem.students()) {
            s.commitments().stream().filter(c -> c.staffId() != null)
                    .forEach(c -> busy.computeIfAbsent(c.staffId(), k -> new HashSet<>()).add(c.blockId()));
        }
        for (School.CatchAll c : school.catchAll()) {
            if (c.supervisorId() != null) {
                for (Period p : periods) {
                    if (c.coversBlock(p.getId())) {
                        busy.computeIfAbsent(c.supervisorId(), k -> new HashSet<>()).add(p.getId());
                    }
                }
            }
        }
        return busy;
    }

    private void buildAdults(Map<String, Set<String>> busy) {
        for (Staff s : problem.staff()) {
            List<String> ids = s.modalities() != null ? s.modalities() : ModalityCatalog.roleDefaults(s.role());
            Set<Mode> modes = ids.stream().map(modeById::get).filter(Objects::nonNull)
                    .filter(m -> ModalityCatalog.mayLead(s.role(), m.getLeadership()))
                    .collect(Collectors.toSet());
            Set<String> qualified = graph.skills().stream().filter(s::qualifiedFor).map(Skill::id)
                    .collect(Collectors.toSet());
            boolean present = periods.stream().anyMatch(p -> s.availableIn(p.getId())
                    && !busy.getOrDefault(s.id(), Set.of()).contains(p.getId()));
            adultById.put(s.id(), new Adult(s.id(), s.role(), modes, focus -> qualified.contains(focus.getId()),
                    s.maxTeachingBlocks() == null ? Integer.MAX_VALUE : s.maxTeachingBlocks(),
                    s.maxStudents() == null ? Integer.MAX_VALUE : s.maxStudents(), s.maySuperviseOffSite(), present));
        }
    }

    private void buildRooms() {
        // A space used by a student's fixed commitment is not free for a group in that block.
        Map<String, Set<String>> takenByCommitment = new HashMap<>();
        for (Student s : problem.students()) {
            s.commitments().stream().filter(c -> c.spaceId() != null)
                    .forEach(c -> takenByCommitment.computeIfAbsent(c.spaceId(), k -> new HashSet<>()).add(c.blockId()));
        }
        for (Space s : problem.spaces()) {
            Set<String> taken = takenByCommitment.getOrDefault(s.id(), Set.of());
            Set<String> available = null;
            if (s.availableBlocks() != null || !taken.isEmpty()) {
                available = periods.stream().map(Period::getId).filter(s::availableIn)
                        .filter(id -> !taken.contains(id) || s.maxGroupsOrDefault() > 1).collect(Collectors.toSet());
            }
            roomById.put(s.id(), new Room(s.id(), s.capacity(), Set.copyOf(s.features()), s.maxGroupsOrDefault(),
                    s.offSite(), s.travelMinutesOrZero(), available));
        }
    }

    private void buildSessions(Map<String, Set<String>> busy) {
        for (Period period : periods) {
            List<Session> inPeriod = new ArrayList<>();
            for (Staff staff : problem.staff()) {
                if (!staff.availableIn(period.getId()) || busy.getOrDefault(staff.id(), Set.of()).contains(period.getId())) {
                    continue;
                }
                Adult adult = adultById.get(staff.id());
                List<Mode> modes = modeById.values().stream()
                        .filter(m -> adult.mayLead(m) && m.serves(period.getKind().focusKind()))
                        .filter(m -> !m.isOffSite() || adult.isMaySuperviseOffSite())
                        .toList();
                if (modes.isEmpty()) {
                    continue; // nothing this adult may run in a block of this kind
                }
                List<Room> rooms = roomById.values().stream()
                        .filter(r -> r.isAvailableIn(period))
                        .filter(r -> modes.stream().anyMatch(m -> r.hasAll(m.getRequiredFeatures())
                                && r.isOffSite() == m.isOffSite()))
                        .toList();
                inPeriod.add(new Session(staff.id() + "@" + period.getId(), period, adult, modes, rooms));
            }
            for (School.CatchAll c : school.catchAll()) {
                if (c.coversBlock(period.getId()) && roomById.get(c.spaceId()).isAvailableIn(period)) {
                    Room room = roomById.get(c.spaceId());
                    Adult supervisor = c.supervisorId() == null ? null : adultById.get(c.supervisorId());
                    inPeriod.add(Session.catchAll("catch-all:" + c.spaceId() + "@" + period.getId(), period,
                            supervisor, modeById.get(CATCH_ALL_MODE),
                            room, c.capacity() == null ? room.getCapacity() : c.capacity()));
                }
            }
            sessionsByPeriod.put(period, inPeriod);
            sessions.addAll(inPeriod);
        }
    }

    private void buildLearners() {
        double threshold = school.masteryThresholdOrDefault();
        int index = 0;
        for (Student s : problem.students()) {
            if (s.absent() || periods.stream().noneMatch(p -> s.availableIn(p.getId()))) {
                continue;
            }
            Set<String> ready = graph.readySet(s::masteryOf, threshold);
            Option[][] options = new Option[periods.size()][];
            for (Period p : periods) {
                if (s.availableIn(p.getId())) {
                    options[p.getIndex()] = optionsFor(s, p, ready).toArray(Option[]::new);
                }
            }
            Adult advisor = s.advisorId() != null ? adultById.get(s.advisorId()) : advisorNamingStudent(s.id());
            var acc = s.accommodationsOrNone();
            learnerById.put(s.id(), new Learner(s.id(), index++, s.grade(), advisor, acc.minStaffLedBlocksOrZero(),
                    acc.oneToOneMinutesOrZero(), acc.noOffSite(), acc.quietSpace(),
                    acc.maxOnlineBlocks() == null ? Integer.MAX_VALUE : acc.maxOnlineBlocks(),
                    isBehind(s, ready), !s.goals().isEmpty(), modes(s.prefersModalities()),
                    modes(s.avoidsModalities()), options));
            learnerById.get(s.id()).setLongestBlockMinutes(periods.stream().filter(p -> s.availableIn(p.getId()))
                    .mapToInt(Period::getMinutes).max().orElse(1));
        }
        for (Student s : problem.students()) {
            Learner learner = learnerById.get(s.id());
            if (learner == null) {
                continue;
            }
            Set<Learner> apart = new HashSet<>(learners(s.keepApart()));
            // Keep-apart binds both ways even when only one side lists it.
            problem.students().stream().filter(o -> o.keepApart().contains(s.id()))
                    .map(o -> learnerById.get(o.id())).filter(Objects::nonNull).forEach(apart::add);
            learner.relate(apart, learners(s.peers()));
        }
    }

    private Adult advisorNamingStudent(String studentId) {
        return problem.staff().stream().filter(st -> st.advisees().contains(studentId)).findFirst()
                .map(st -> adultById.get(st.id())).orElse(null);
    }

    private List<Option> optionsFor(Student s, Period p, Set<String> ready) {
        BlockKind kind = p.getKind();
        if (kind == BlockKind.ADVISORY) {
            return List.of(new Option(advisory, true, true, 0, null, 0, 0));
        }
        if (kind == BlockKind.ACTIVITIES) {
            return problem.activities().stream().filter(a -> a.offeredIn(p.getId()))
                    .map(a -> new Option(focusById.get(a.id()), true, true, 0, null, 0,
                            (int) a.tags().stream().filter(s.interests()::contains).count(), requested(s, p, a.id())))
                    .toList();
        }
        List<Option> options = new ArrayList<>();
        for (String id : ready) {
            Skill skill = graph.skill(id);
            if (p.getSubject() != null && !skill.subject().equals(p.getSubject())) {
                continue;
            }
            int goalValue = s.goals().stream().filter(g -> g.matches(skill))
                    .mapToInt(g -> Math.max(1, 4 - g.priorityOrDefault())).max().orElse(0);
            boolean withinGrade = skill.grade() <= s.grade() + 1 || goalValue > 0 && s.goals().stream()
                    .anyMatch(g -> skill.id().equals(g.skill()));
            double mastery = s.masteryOf(id);
            options.add(new Option(focusById.get(id), true, withinGrade, mastery, school.stateOf(mastery), goalValue,
                    0, requested(s, p, id)));
        }
        return withNearestWithinReach(options);
    }

    /**
     * A student who has mastered everything up to a grade above theirs (an advanced student: seen at 3,000 generated
     * students) would otherwise have nothing they may work on, and every placement would break "Skill more than a
     * grade above". A school lets them work on the nearest skills they are ready for: those count as within reach.
     */
    private List<Option> withNearestWithinReach(List<Option> options) {
        if (options.isEmpty() || options.stream().anyMatch(Option::withinGrade)) {
            return options;
        }
        int nearest = options.stream().mapToInt(o -> graph.skill(o.focus().getId()).grade()).min().orElseThrow();
        return options.stream().map(o -> graph.skill(o.focus().getId()).grade() == nearest
                ? new Option(o.focus(), o.ready(), true, o.mastery(), o.state(), o.goalValue(), o.interest(),
                        o.requested())
                : o).toList();
    }

    /** Someone asked for this student to work on this focus in this block (any block when the request names none). */
    private boolean requested(Student s, Period p, String focusId) {
        return problem.requests().stream().anyMatch(r -> s.id().equals(r.studentId()) && focusId.equals(r.focus())
                && (r.blockId() == null || r.blockId().equals(p.getId())));
    }

    /** Working below grade: half or more of the student's ready skills are from an earlier grade. */
    private boolean isBehind(Student s, Set<String> ready) {
        if (ready.isEmpty()) {
            return false;
        }
        long below = ready.stream().filter(id -> graph.skill(id).grade() < s.grade()).count();
        return below * 2 >= ready.size();
    }

    private Set<Mode> modes(List<String> ids) {
        return ids.stream().map(modeById::get).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private Set<Learner> learners(List<String> ids) {
        return ids.stream().map(learnerById::get).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private void buildPlacements() {
        for (Learner learner : learnerById.values()) {
            for (Period period : periods) {
                if (!isPresent(learner, period)) {
                    continue;
                }
                List<Session> candidates = sessionsByPeriod.getOrDefault(period, List.of()).stream()
                        .filter(s -> couldHost(s, learner, period)).toList();
                // Students with the same possibilities share one list (the cloner then remaps it once).
                candidates = sharedRanges.computeIfAbsent(candidates, c -> c);
                placements.add(new Placement(learner.getId() + "@" + period.getId(), learner, period, candidates));
            }
        }
    }

    /** In school and not on a fixed commitment (the learner's options exist exactly for those blocks). */
    private static boolean isPresent(Learner learner, Period period) {
        return learner.isIn(period);
    }

    /**
     * Could this session ever be right for the student? Some modality it may run must have a focus the student is
     * eligible for and the adult may teach (supervised and individual modalities: any of their options).
     */
    private static boolean couldHost(Session session, Learner learner, Period period) {
        if (session.isCatchAll()) {
            return true;
        }
        List<Option> options = learner.options(period);
        for (Mode mode : session.getAllowedModes()) {
            if (mode.isOffSite() && learner.isNoOffSite()) {
                continue;
            }
            if (!mode.isSharedFocus()) {
                if (!options.isEmpty()) {
                    return true;
                }
                continue;
            }
            for (Option option : options) {
                if (option.eligible() && option.focus().runsIn(mode)
                        && (!mode.needsQualifiedAdult() || session.getAdult().isQualifiedFor(option.focus()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<Ask> buildAsks() {
        List<Ask> asks = new ArrayList<>();
        List<Request> requests = problem.requests();
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            Learner learner = learnerById.get(r.studentId());
            if (learner == null) {
                continue; // absent today: nothing to honour
            }
            Period period = r.blockId() == null ? null : periodById.get(r.blockId());
            if (period != null && !isPresent(learner, period)) {
                continue; // not in school in that block: nothing to honour
            }
            Ask ask = new Ask(r.id() == null ? "request-" + (i + 1) : r.id(), learner, period,
                    r.staffId() == null ? null : adultById.get(r.staffId()),
                    r.focus() == null ? null : focusById.get(r.focus()),
                    r.modality() == null ? null : modeById.get(r.modality()), r.priorityOrDefault(),
                    r.requestedBy());
            asks.add(ask);
            if (ask.isAdminRequired() && period != null && ask.adult() != null) {
                pin(ask, "$.requests[" + i + "]");
            }
        }
        return asks;
    }

    /** An admin-required request naming block and adult pins the placement to that adult's session. */
    private void pin(Ask ask, String path) {
        Placement placement = placements.stream()
                .filter(p -> p.getLearner() == ask.learner() && p.getPeriod() == ask.period()).findFirst().orElse(null);
        Session session = sessionsByPeriod.getOrDefault(ask.period(), List.of()).stream()
                .filter(s -> s.getAdult() == ask.adult() && !s.isCatchAll()).findFirst().orElse(null);
        if (session == null) {
            errors.add(new InputError(path, "admin-required request " + ask.id() + " places " + ask.learner().getId()
                    + " with " + ask.adult().getId() + " in block " + ask.period().getId()
                    + ", but that staff member is not available then"));
            return;
        }
        if (placement != null && !placement.getCandidates().contains(session)) {
            errors.add(new InputError(path, "admin-required request " + ask.id() + " places " + ask.learner().getId()
                    + " with " + ask.adult().getId() + " in block " + ask.period().getId() + ", but "
                    + ask.adult().getId() + " can run nothing " + ask.learner().getId()
                    + " is ready for then (qualifications, modalities)"));
            return;
        }
        if (placement != null && ask.focus() == null && ask.mode() == null) {
            placement.setSession(session);
            placement.setPinned(true);
        }
    }

    private ConstraintWeightOverrides<HardMediumSoftScore> buildWeights() {
        Map<String, HardMediumSoftScore> overrides = new LinkedHashMap<>();
        errors.addAll(weightNameErrors(problem));
        problem.weights().forEach((name, weight) -> {
            if (Rules.SOFT.contains(name) && weight != null) {
                overrides.put(name, HardMediumSoftScore.ofSoft(weight));
            }
        });
        return ConstraintWeightOverrides.of(overrides);
    }
}
