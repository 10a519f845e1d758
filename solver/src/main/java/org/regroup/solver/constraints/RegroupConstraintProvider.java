package org.regroup.solver.constraints;

import static org.regroup.solver.constraints.Justifications.members;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;
import org.regroup.domain.BlockKind;
import org.regroup.solver.constraints.Justifications.AccommodationShort;
import org.regroup.solver.constraints.Justifications.DayNote;
import org.regroup.solver.constraints.Justifications.GroupNote;
import org.regroup.solver.constraints.Justifications.StaffNote;
import org.regroup.solver.model.Ask;
import org.regroup.solver.model.Fit;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;
import org.regroup.solver.model.SessionOutline;

/**
 * Every school rule, one small method each. Hard rules say what a plan must never do (wrong work, groups over
 * their caps, unsafe spaces, students kept apart together…); medium rules say what each student is owed — a seat,
 * their staff-led and 1:1 time — in groups big enough to run; soft rules make the day good. Most session rules read the session's
 * {@link org.regroup.solver.model.GroupSummary}, computed once per change; whole-day rules aggregate {@link DayEntry}s
 * or {@link AdultDay}.
 */
public class RegroupConstraintProvider implements ConstraintProvider {

    // Default soft weights (per unit of each rule); a school overrides them by rule name.
    static final int GOAL_WEIGHT = 20;
    static final int URGENCY_WEIGHT = 1;
    static final int STATE_WEIGHT = 15;
    static final int AVOIDED_WEIGHT = 10;
    static final int NOT_PREFERRED_WEIGHT = 3;
    static final int SAME_MODALITY_WEIGHT = 20;
    static final int SAME_SKILL_WEIGHT = 15;
    static final int MIXED_MASTERY_WEIGHT = 1;
    static final int MIXED_MASTERY_TOLERANCE = 20;
    static final int ADVISOR_WEIGHT = 20;
    static final int PEERS_WEIGHT = 5;
    static final int REQUEST_WEIGHT = 30;
    static final int INTEREST_WEIGHT = 10;
    static final int BEHIND_WEIGHT = 8;
    static final int PRACTISING_ALONE_WEIGHT = 12;
    static final int LOAD_WEIGHT = 2;
    static final int ROOM_CHANGE_WEIGHT = 3;
    static final int CATCH_ALL_WEIGHT = 40;
    static final int OPEN_SESSION_WEIGHT = 5;
    static final int MOVED_WEIGHT = 20;
    static final int THREE_DAYS_WEIGHT = 15;
    /** An unplaced student-block weighs more than any group's shortfall below its minimum size. */
    static final int UNPLACED_MEDIUM_WEIGHT = 10;
    /**
     * A block of staff-led or 1:1 time a student is owed and does not get: less than a student without a seat (a
     * school seats everyone first), more than a group a few students short of its minimum.
     */
    static final int OWED_TIME_MEDIUM_WEIGHT = 5;

    // Shared building blocks: the same instances let Timefold share the nodes between rules.
    /**
     * The soft weight per unit a day uses for a rule: the school's override when it has one, else the default. The
     * day constructor weighs its grouping choices with the same prices the rules charge.
     */
    public static int softWeight(org.regroup.solver.model.DayPlan plan, String rule) {
        var overrides = plan.getConstraintWeightOverrides();
        HardMediumSoftScore w = overrides == null ? null : overrides.getConstraintWeight(rule);
        if (w != null) {
            return (int) w.softScore();
        }
        Integer d = DEFAULT_SOFT_WEIGHTS.get(rule);
        if (d == null) {
            throw new IllegalArgumentException("not a soft rule: " + rule);
        }
        return d;
    }

    /** Every soft rule's default weight per unit, by name (docs/format.md); the one copy other planners read. */
    public static final Map<String, Integer> DEFAULT_SOFT_WEIGHTS = Map.ofEntries(
            Map.entry(Rules.GOAL_MISSED, GOAL_WEIGHT), Map.entry(Rules.LESS_URGENT, URGENCY_WEIGHT),
            Map.entry(Rules.STATE_MISFIT, STATE_WEIGHT), Map.entry(Rules.MODALITY_AVOIDED, AVOIDED_WEIGHT),
            Map.entry(Rules.MODALITY_NOT_PREFERRED, NOT_PREFERRED_WEIGHT),
            Map.entry(Rules.SAME_MODALITY_ALL_DAY, SAME_MODALITY_WEIGHT),
            Map.entry(Rules.SAME_SKILL_TWICE, SAME_SKILL_WEIGHT), Map.entry(Rules.MIXED_MASTERY, MIXED_MASTERY_WEIGHT),
            Map.entry(Rules.ADVISOR_NOT_SEEN, ADVISOR_WEIGHT), Map.entry(Rules.PEERS_APART, PEERS_WEIGHT),
            Map.entry(Rules.REQUEST_IGNORED, REQUEST_WEIGHT), Map.entry(Rules.INTEREST_MISSED, INTEREST_WEIGHT),
            Map.entry(Rules.BEHIND_UNSUPERVISED, BEHIND_WEIGHT),
            Map.entry(Rules.PRACTISING_ALONE, PRACTISING_ALONE_WEIGHT), Map.entry(Rules.STAFF_LOAD, LOAD_WEIGHT),
            Map.entry(Rules.STAFF_ROOM_CHANGE, ROOM_CHANGE_WEIGHT), Map.entry(Rules.CATCH_ALL_USED, CATCH_ALL_WEIGHT),
            Map.entry(Rules.OPEN_SESSION, OPEN_SESSION_WEIGHT), Map.entry(Rules.MOVED_FROM_PREVIOUS, MOVED_WEIGHT),
            Map.entry(Rules.THREE_DAYS_RUNNING, THREE_DAYS_WEIGHT));

    /** The medium rules' weights per unit: an unplaced student-block, a student missing from a group's minimum. */
    public static final Map<String, Integer> MEDIUM_WEIGHTS = Map.of(Rules.UNPLACED, UNPLACED_MEDIUM_WEIGHT,
            Rules.STAFF_LED_MINIMUM, OWED_TIME_MEDIUM_WEIGHT, Rules.ONE_TO_ONE_MINUTES, OWED_TIME_MEDIUM_WEIGHT,
            Rules.GROUP_UNDER_MINIMUM, 1);

    private static final Function<Placement, Session> SESSION_OF = Placement::getSession;
    private static final BiFunction<Placement, SessionOutline, DayEntry> ENTRY_OF =
            (p, o) -> DayEntry.of(p.getLearner(), p.getPeriod(), o);
    private static final java.util.function.Predicate<SessionOutline> HAS_MODE_LOOK = o -> o.getLook().mode() != null;
    private static final java.util.function.Predicate<Session> HAS_MODE = s -> s.getMode() != null;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {
                skillNotReady(f), skillTooAdvanced(f),
                groupOverSizeCap(f), staffOverStudentCap(f), staffOverTeachingBlocks(f), staffNotQualified(f),
                modalityNotAllowed(f), modalityWrongForBlock(f),
                sessionWithoutSpace(f), spaceOverCapacity(f), spaceOverbooked(f), spaceUnsuitable(f), spaceClosed(f),
                activityAwayFromItsPlace(f),
                offSiteUnsupervised(f), offSiteForbidden(f), studentTravel(f), staffTravel(f),
                keepApart(f), adminRequest(f), quietSpace(f), onlineMaximum(f),
                unplaced(f), staffLedMinimum(f), oneToOneMinutes(f), groupUnderMinimum(f),
                goalMissed(f), lessUrgent(f), stateMisfit(f), modalityAvoided(f), modalityNotPreferred(f),
                sameModalityAllDay(f), sameSkillTwice(f), mixedMastery(f), advisorNotSeen(f), peersApart(f),
                requestIgnored(f), interestMissed(f), behindUnsupervised(f), practisingAlone(f), staffLoad(f), staffRoomChange(f),
                catchAllUsed(f), openSession(f), movedFromPrevious(f), threeDaysRunning(f)
        };
    }

    // ------------------------------------------------------------------------------------------------------------
    // Shared streams
    // ------------------------------------------------------------------------------------------------------------

    /**
     * Sessions with at least one student: only those are held. "Including unassigned": a session without a room is
     * still a session (plain forEach would hide it, and with it the rule that it needs a room).
     */
    static UniConstraintStream<Session> openSessions(ConstraintFactory f) {
        return sessions(f).filter(Session::isOpen);
    }

    /** Sessions whose modality is decided (before the first phase sets it, a slot is not a session yet). */
    static UniConstraintStream<Session> sessions(ConstraintFactory f) {
        return f.forEachIncludingUnassigned(Session.class).filter(HAS_MODE);
    }

    /**
     * Every placed student-block, read through a join on its session's {@link SessionOutline}: the entry follows the
     * session's modality, room and group focus (reading them through the placement alone would go stale), but is not
     * touched when other members come and go. Whole-day rules aggregate these incrementally, so a move touches only
     * the entries of the students it moves.
     */
    static UniConstraintStream<DayEntry> dayEntries(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .join(f.forEach(SessionOutline.class).filter(HAS_MODE_LOOK),
                        Joiners.equal(SESSION_OF, SessionOutline::getSession))
                .map(ENTRY_OF);
    }

    /** Each adult's sessions with students (catch-alls excluded: the school supervises those). */
    static UniConstraintStream<AdultDay> adultDays(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getAdult() != null && !s.isCatchAll())
                .groupBy(Session::getAdult, ConstraintCollectors.toList())
                .map(AdultDay::new);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Hard: what students work on
    // ------------------------------------------------------------------------------------------------------------

    /** Competency-based progression: new work only once its prerequisites are mastered, never what is mastered. */
    Constraint skillNotReady(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getSummary().getNotReady() > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, s -> s.getSummary().getNotReady())
                .justifyWith((s, score) -> Justifications.NotReady.of(s))
                .asConstraint(Rules.SKILL_NOT_READY);
    }

    /**
     * No 6th graders on trigonometry: at most one grade above unless the student's goal asks for it, or they have
     * mastered everything nearer (then the nearest skills they are ready for are within reach: DayPlanBuilder).
     */
    Constraint skillTooAdvanced(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getSummary().getTooAdvanced() > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, s -> s.getSummary().getTooAdvanced())
                .justifyWith((s, score) -> Justifications.TooAdvanced.of(s))
                .asConstraint(Rules.SKILL_TOO_ADVANCED);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Hard: groups and staff
    // ------------------------------------------------------------------------------------------------------------

    /** A group never outgrows its modality (a catch-all never outgrows the capacity the school gave it). */
    Constraint groupOverSizeCap(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.size() > s.groupCap())
                .penalize(HardMediumSoftScore.ONE_HARD, s -> s.size() - s.groupCap())
                .justifyWith((s, score) -> new Justifications.GroupTooLarge(s.getId(), s.getPeriod().getId(),
                        s.size(), s.groupCap(), members(s)))
                .asConstraint(Rules.GROUP_OVER_SIZE_CAP);
    }

    /** No teacher with 49 students: an adult's own cap and the modality's students per adult both hold. */
    Constraint staffOverStudentCap(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.size() > s.adultCap())
                .penalize(HardMediumSoftScore.ONE_HARD, s -> s.size() - s.adultCap())
                .justifyWith((s, score) -> new Justifications.StaffOverCap(s.getId(), s.getPeriod().getId(),
                        s.getAdult().getId(), s.size(), s.adultCap(), members(s)))
                .asConstraint(Rules.STAFF_OVER_STUDENT_CAP);
    }

    /** Staff work the number of teaching blocks they are contracted for, no more. */
    Constraint staffOverTeachingBlocks(ConstraintFactory f) {
        return adultDays(f)
                .filter(d -> d.teachingBlocks() > d.adult().getMaxTeachingBlocks())
                .penalize(HardMediumSoftScore.ONE_HARD, d -> d.teachingBlocks() - d.adult().getMaxTeachingBlocks())
                .justifyWith((d, score) -> Justifications.StaffOverTeachingBlocks.of(d))
                .asConstraint(Rules.STAFF_OVER_TEACHING_BLOCKS);
    }

    /** Students are taught a skill only by an adult qualified for its strand and grade. */
    Constraint staffNotQualified(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getSummary().isUnqualified())
                .penalize(HardMediumSoftScore.ONE_HARD, Session::size)
                .justifyWith((s, score) -> new Justifications.StaffNotQualified(s.getId(), s.getPeriod().getId(),
                        s.getAdult().getId(), Justifications.focusName(s), members(s)))
                .asConstraint(Rules.STAFF_NOT_QUALIFIED);
    }

    /** An adult runs only modalities their role and record allow (aides do not lead small-group instruction). */
    Constraint modalityNotAllowed(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getAdult() != null && !s.isCatchAll() && !s.getAdult().mayLead(s.getMode()))
                .penalize(HardMediumSoftScore.ONE_HARD, Session::size)
                .justifyWith((s, score) -> new Justifications.ModalityNotAllowed(s.getId(), s.getPeriod().getId(),
                        s.getAdult().getId(), s.getMode().getId(), members(s)))
                .asConstraint(Rules.MODALITY_NOT_ALLOWED);
    }

    /** A block's purpose decides what can run in it (no online practice in advisory). */
    Constraint modalityWrongForBlock(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> !s.isCatchAll() && !s.getMode().serves(s.getPeriod().getKind().focusKind()))
                .penalize(HardMediumSoftScore.ONE_HARD, Session::size)
                .justifyWith((s, score) -> new Justifications.ModalityWrongForBlock(s.getId(),
                        s.getPeriod().getId(), s.getMode().getId(), s.getPeriod().getKind().name().toLowerCase(),
                        members(s)))
                .asConstraint(Rules.MODALITY_WRONG_FOR_BLOCK);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Hard: spaces and off-site
    // ------------------------------------------------------------------------------------------------------------

    /** Every group needs somewhere to be. */
    Constraint sessionWithoutSpace(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getRoom() == null)
                .penalize(HardMediumSoftScore.ONE_HARD, Session::size)
                .justifyWith((s, score) -> new Justifications.NoSpace(s.getId(), s.getPeriod().getId(), members(s)))
                .asConstraint(Rules.NO_SPACE);
    }

    /** Fire safety and comfort: the students of all groups sharing a space fit in it. */
    Constraint spaceOverCapacity(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getRoom() != null)
                .groupBy(Session::getPeriod, Session::getRoom, ConstraintCollectors.sum(Session::size),
                        ConstraintCollectors.toList())
                .filter((period, room, students, sessions) -> students > room.getCapacity())
                .penalize(HardMediumSoftScore.ONE_HARD, (period, room, students, sessions) ->
                        students - room.getCapacity())
                .justifyWith((period, room, students, sessions, score) -> new Justifications.SpaceOverCapacity(
                        room.getId(), period.getId(), students, room.getCapacity(), sessions.stream()
                                .flatMap(s -> members(s).stream()).sorted().toList(),
                        Justifications.idsOf(sessions).stream().sorted().toList()))
                .asConstraint(Rules.SPACE_OVER_CAPACITY);
    }

    /** A classroom hosts one group; open studios and a library commons host as many as the school says. */
    Constraint spaceOverbooked(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getRoom() != null)
                .groupBy(Session::getPeriod, Session::getRoom, ConstraintCollectors.toList())
                .filter((period, room, sessions) -> sessions.size() > room.getMaxGroups())
                .penalize(HardMediumSoftScore.ONE_HARD, (period, room, sessions) ->
                        sessions.size() - room.getMaxGroups())
                .justifyWith((period, room, sessions, score) -> new Justifications.SpaceOverbooked(room.getId(),
                        period.getId(), sessions.size(), room.getMaxGroups(), sessions.stream()
                                .flatMap(s -> members(s).stream()).sorted().toList(),
                        Justifications.idsOf(sessions).stream().sorted().toList()))
                .asConstraint(Rules.SPACE_OVERBOOKED);
    }

    /** Online practice needs computers; off-site modalities happen off site and on-site ones on site. */
    Constraint spaceUnsuitable(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getRoom() != null && unsuitability(s) != null)
                .penalize(HardMediumSoftScore.ONE_HARD, Session::size)
                .justifyWith((s, score) -> new Justifications.SpaceUnsuitable(s.getId(), s.getPeriod().getId(),
                        s.getRoom().getId(), s.getMode().getId(), unsuitability(s), members(s)))
                .asConstraint(Rules.SPACE_UNSUITABLE);
    }

    static String unsuitability(Session s) {
        if (!s.getRoom().hasAll(s.getMode().getRequiredFeatures())) {
            return "it lacks " + String.join(", ", s.getMode().getRequiredFeatures());
        }
        if (s.getRoom().isOffSite() != s.getMode().isOffSite()) {
            return s.getRoom().isOffSite() ? "it is off site" : "it is on site";
        }
        return null;
    }

    /** A closed room (exams, repairs, another event) is not used. */
    Constraint spaceClosed(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getRoom() != null && !s.getRoom().isAvailableIn(s.getPeriod()))
                .penalize(HardMediumSoftScore.ONE_HARD, Session::size)
                .justifyWith((s, score) -> new Justifications.SpaceClosed(s.getId(), s.getPeriod().getId(),
                        s.getRoom().getId(), members(s)))
                .asConstraint(Rules.SPACE_CLOSED);
    }

    /** A museum trip happens at the museum: an activity tied to places runs only there. */
    Constraint activityAwayFromItsPlace(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getSummary().getFocus() != null && s.getRoom() != null
                        && !s.getSummary().getFocus().canHappenIn(s.getRoom()))
                .penalize(HardMediumSoftScore.ONE_HARD, Session::size)
                .justifyWith((s, score) -> new Justifications.SpaceUnsuitable(s.getId(), s.getPeriod().getId(),
                        s.getRoom().getId(), s.getMode().getId(), Justifications.focusName(s)
                                + " does not happen there", members(s)))
                .asConstraint(Rules.ACTIVITY_AWAY);
    }

    /** Only adults cleared to supervise off site take students off site. */
    Constraint offSiteUnsupervised(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getRoom() != null && s.getRoom().isOffSite() && s.getAdult() != null
                        && !s.getAdult().isMaySuperviseOffSite())
                .penalize(HardMediumSoftScore.ONE_HARD, Session::size)
                .justifyWith((s, score) -> new Justifications.OffSiteUnsupervised(s.getId(), s.getPeriod().getId(),
                        s.getAdult().getId(), members(s)))
                .asConstraint(Rules.OFF_SITE_UNSUPERVISED);
    }

    /** A student whose accommodations forbid leaving the school never goes off site. */
    Constraint offSiteForbidden(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getRoom() != null && s.getRoom().isOffSite() && s.getSummary().getMustStayOnSite() > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, s -> s.getSummary().getMustStayOnSite())
                .justifyWith((s, score) -> new Justifications.OffSiteForbidden(s.getId(), s.getPeriod().getId(),
                        s.getSummary().getMembers().stream().filter(m -> m.learner().isNoOffSite())
                                .map(m -> m.learner().getId()).toList()))
                .asConstraint(Rules.OFF_SITE_FORBIDDEN);
    }

    /** Getting to and from an off-site space takes time: the next-door block is spent travelling or at the site. */
    Constraint studentTravel(ConstraintFactory f) {
        return dayEntries(f)
                .filter(DayEntry::isTravelSite)
                // Only a student who could be at a site with travel time can have a conflict: the others' entries
                // stay out of the join (most students, on most days).
                .join(dayEntries(f).filter(e -> e.learner().mayTravel()), Joiners.equal(DayEntry::learner),
                        Joiners.filtering(DayEntry::travelConflictsWith))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((trip, other, score) -> new Justifications.TravelNotCovered(trip.learner().getId(),
                        other.period().getId(), trip.room().getId(), List.of(trip.learner().getId()),
                        List.of(trip.session().getId(), other.session().getId())))
                .asConstraint(Rules.STUDENT_TRAVEL);
    }

    /** The adult travels with the group, so their next-door block is spent travelling or at the site too. */
    Constraint staffTravel(ConstraintFactory f) {
        return adultDays(f)
                .filter(d -> !d.travelConflicts().isEmpty())
                .penalize(HardMediumSoftScore.ONE_HARD, d -> d.travelConflicts().size())
                .justifyWith((d, score) -> new Justifications.TravelNotCovered(d.adult().getId(),
                        d.travelConflicts().get(0).getPeriod().getId(), "(see the day)",
                        d.travelConflicts().stream().flatMap(s -> members(s).stream()).toList(),
                        Justifications.idsOf(d.travelConflicts())))
                .asConstraint(Rules.STAFF_TRAVEL);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Hard: people and accommodations
    // ------------------------------------------------------------------------------------------------------------

    /** Students the school keeps apart (conflict, safeguarding) never share a session. */
    Constraint keepApart(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getSummary().getKeepApartPairs() > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, s -> s.getSummary().getKeepApartPairs())
                .justifyWith((s, score) -> new Justifications.KeepApartTogether(s.getId(), s.getPeriod().getId(),
                        s.getSummary().getMembers().stream().map(m -> m.learner())
                                .filter(l -> l.getKeepApart().stream().anyMatch(o -> s.getSummary().fitOf(o) != null))
                                .map(Learner::getId).toList()))
                .asConstraint(Rules.KEEP_APART);
    }

    /** An administrator's requirement is a pin: the plan honours it. */
    Constraint adminRequest(ConstraintFactory f) {
        return f.forEach(Ask.class)
                .filter(Ask::isAdminRequired)
                .ifNotExists(dayEntries(f), Joiners.equal(Ask::learner, DayEntry::learner),
                        Joiners.filtering((ask, entry) -> ask.honouredBy(entry.period(), entry.session())))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((ask, score) -> Justifications.RequestIgnored.of(ask))
                .asConstraint(Rules.ADMIN_REQUEST);
    }

    /** Students who need a quiet space work only in one. */
    Constraint quietSpace(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getSummary().getQuietNeeded() > 0 && s.getRoom() != null && !s.getRoom().isQuiet())
                .penalize(HardMediumSoftScore.ONE_HARD, s -> s.getSummary().getQuietNeeded())
                .justifyWith((s, score) -> new Justifications.QuietSpaceMissing(s.getId(), s.getPeriod().getId(),
                        s.getRoom().getId(), s.getSummary().getMembers().stream()
                                .filter(m -> m.learner().isQuietSpace()).map(m -> m.learner().getId()).toList()))
                .asConstraint(Rules.QUIET_SPACE);
    }

    /** Screen time is capped for students whose plan says so. */
    Constraint onlineMaximum(ConstraintFactory f) {
        return dayEntries(f)
                .filter(e -> e.mode().isOnline() && e.learner().getMaxOnlineBlocks() != Integer.MAX_VALUE)
                .groupBy(DayEntry::learner, ConstraintCollectors.count())
                .filter((learner, blocks) -> blocks > learner.getMaxOnlineBlocks())
                .penalize(HardMediumSoftScore.ONE_HARD, (learner, blocks) -> blocks - learner.getMaxOnlineBlocks())
                .justifyWith((learner, blocks, score) -> new AccommodationShort(learner.getId(),
                        "at most this many online blocks", learner.getMaxOnlineBlocks(), blocks))
                .asConstraint(Rules.ONLINE_MAXIMUM);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Medium: what each student is owed — a seat, staff-led and 1:1 time — in groups big enough to run
    // ------------------------------------------------------------------------------------------------------------

    /** Every present student is somewhere every block (travel blocks excepted). */
    Constraint unplaced(ConstraintFactory f) {
        return f.forEachIncludingUnassigned(Placement.class)
                .filter(p -> p.getSession() == null)
                .ifNotExists(dayEntries(f).filter(DayEntry::isTravelSite),
                        Joiners.equal(Placement::getLearner, DayEntry::learner),
                        Joiners.filtering((p, trip) -> trip.travelTakes(p.getPeriod().getIndex())))
                .penalize(HardMediumSoftScore.ofMedium(UNPLACED_MEDIUM_WEIGHT))
                .justifyWith((p, score) -> Justifications.Unplaced.of(p))
                .asConstraint(Rules.UNPLACED);
    }

    /** A group too small for its modality is not worth an adult's block (seminars need voices). */
    Constraint groupUnderMinimum(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> !s.isCatchAll() && s.size() < s.getMode().getMinSize())
                .penalize(HardMediumSoftScore.ONE_MEDIUM, s -> s.getMode().getMinSize() - s.size())
                .justifyWith((s, score) -> new Justifications.GroupTooSmall(s.getId(), s.getPeriod().getId(),
                        s.getMode().getId(), s.size(), s.getMode().getMinSize(), members(s)))
                .asConstraint(Rules.GROUP_UNDER_MINIMUM);
    }

    /**
     * Students whose plan says so get at least N blocks a day with an adult leading their group — a group within its
     * caps, in a room, with a qualified adult ({@link Session#runsAsPlanned()}). Medium, like a seat: time a student
     * is owed. At hard level it was traded against the rules that make a group right: a student owed staff-led time
     * moved into a seminar on a skill they were not ready for cost one hard point and saved one.
     */
    Constraint staffLedMinimum(ConstraintFactory f) {
        return dayEntries(f)
                .filter(e -> e.learner().getMinStaffLedBlocks() > 0 && e.staffLed())
                .groupBy(DayEntry::learner, ConstraintCollectors.count())
                .complement(Learner.class, l -> 0)
                .filter((learner, blocks) -> blocks < learner.getMinStaffLedBlocks())
                .penalize(HardMediumSoftScore.ofMedium(OWED_TIME_MEDIUM_WEIGHT),
                        (learner, blocks) -> learner.getMinStaffLedBlocks() - blocks)
                .justifyWith((learner, blocks, score) -> new AccommodationShort(learner.getId(), "staff-led blocks",
                        learner.getMinStaffLedBlocks(), blocks))
                .asConstraint(Rules.STAFF_LED_MINIMUM);
    }

    /**
     * Students whose plan says so get their 1:1 minutes, in sessions that really are 1:1. Counted per block of 1:1
     * time short (the student's longest block): per minute, one student's 40 minutes outweighed forty other points.
     * Medium, as {@link #staffLedMinimum}.
     */
    Constraint oneToOneMinutes(ConstraintFactory f) {
        return dayEntries(f)
                .filter(e -> e.learner().getOneToOneMinutes() > 0 && e.oneToOne())
                .groupBy(DayEntry::learner, ConstraintCollectors.sum(e -> e.period().getMinutes()))
                .complement(Learner.class, l -> 0)
                .filter((learner, minutes) -> minutes < learner.getOneToOneMinutes())
                .penalize(HardMediumSoftScore.ofMedium(OWED_TIME_MEDIUM_WEIGHT),
                        (learner, minutes) -> learner.oneToOneBlocksShort(minutes))
                .justifyWith((learner, minutes, score) -> new AccommodationShort(learner.getId(),
                        "minutes of 1:1 time", learner.getOneToOneMinutes(), minutes))
                .asConstraint(Rules.ONE_TO_ONE_MINUTES);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Soft: a good day
    // ------------------------------------------------------------------------------------------------------------

    /** Students work toward the goals they set (higher-priority goals first). */
    Constraint goalMissed(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getSummary().getGoalGap() > 0)
                .penalize(HardMediumSoftScore.ofSoft(GOAL_WEIGHT), s -> s.getSummary().getGoalGap())
                .justifyWith((s, score) -> noteFor(s, "have a ready goal skill they could work on instead of "
                        + Justifications.focusName(s), m -> m.fit() == Fit.READY
                                && m.learner().best(s.getPeriod()).goalValue() > m.option().goalValue()))
                .asConstraint(Rules.GOAL_MISSED);
    }

    /** The ready skill that unlocks most of the graph comes first. */
    Constraint lessUrgent(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getSummary().getUrgencyGap() > 0)
                .penalize(HardMediumSoftScore.ofSoft(URGENCY_WEIGHT), s -> s.getSummary().getUrgencyGap())
                .justifyWith((s, score) -> noteFor(s, "have a ready skill that unlocks more of the graph than "
                        + Justifications.focusName(s), m -> m.fit() == Fit.READY && m.focus().isSkill()
                                && m.learner().best(s.getPeriod()).focus().getUnlocks() > m.focus().getUnlocks()))
                .asConstraint(Rules.LESS_URGENT);
    }

    /** New skills want instruction; practice suits practising; near-mastery suits independent work and seminars. */
    Constraint stateMisfit(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getSummary().getStateMismatch() > 0)
                .penalize(HardMediumSoftScore.ofSoft(STATE_WEIGHT), s -> s.getSummary().getStateMismatch())
                .justifyWith((s, score) -> noteFor(s, "stand where " + s.getMode().getName().toLowerCase()
                        + " does not suit them on their skill (new, practising, near mastery)",
                        m -> m.fit() == Fit.READY && m.option().state() != null
                                && !s.getMode().suits(m.option().state())))
                .asConstraint(Rules.STATE_MISFIT);
    }

    /** Student ownership: a modality a student asked to avoid is used only when it must be. */
    Constraint modalityAvoided(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getSummary().getAvoiding() > 0)
                .penalize(HardMediumSoftScore.ofSoft(AVOIDED_WEIGHT), s -> s.getSummary().getAvoiding())
                .justifyWith((s, score) -> noteFor(s, "asked to avoid " + s.getMode().getName().toLowerCase(),
                        m -> m.learner().avoids(s.getMode())))
                .asConstraint(Rules.MODALITY_AVOIDED);
    }

    /** Student ownership: modalities a student prefers are used where they fit. */
    Constraint modalityNotPreferred(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getSummary().getNotPreferred() > 0)
                .penalize(HardMediumSoftScore.ofSoft(NOT_PREFERRED_WEIGHT), s -> s.getSummary().getNotPreferred())
                .justifyWith((s, score) -> noteFor(s, "prefer other modalities than "
                        + s.getMode().getName().toLowerCase(), m -> m.learner().hasPreferences()
                                && !m.learner().prefers(s.getMode()) && !m.learner().avoids(s.getMode())))
                .asConstraint(Rules.MODALITY_NOT_PREFERRED);
    }

    /** Varied learning experiences: nobody spends every skill block in one modality. */
    Constraint sameModalityAllDay(ConstraintFactory f) {
        return dayEntries(f)
                .filter(DayEntry::isSkillBlock)
                .groupBy(DayEntry::learner, ConstraintCollectors.count(), ConstraintCollectors.toSet(DayEntry::mode))
                .filter((learner, blocks, modes) -> blocks >= 3 && modes.size() == 1)
                .penalize(HardMediumSoftScore.ofSoft(SAME_MODALITY_WEIGHT))
                .justifyWith((learner, blocks, modes, score) -> new DayNote(learner.getId(), "every skill block today is "
                        + modes.iterator().next().getName().toLowerCase(), null))
                .asConstraint(Rules.SAME_MODALITY_ALL_DAY);
    }

    /** No identical lesson back to back, unless the school made it a double block. */
    Constraint sameSkillTwice(ConstraintFactory f) {
        return dayEntries(f)
                .filter(e -> e.focus() != null && e.focus().isSkill() && !e.period().isDoubleWithNext())
                .join(dayEntries(f).filter(e -> e.focus() != null && e.focus().isSkill()),
                        Joiners.equal(DayEntry::learner),
                        Joiners.equal(e -> e.period().getIndex() + 1, e -> e.period().getIndex()),
                        Joiners.filtering((before, after) -> before.focus() == after.focus()))
                .penalize(HardMediumSoftScore.ofSoft(SAME_SKILL_WEIGHT))
                .justifyWith((before, after, score) -> new DayNote(after.learner().getId(), "works on "
                        + after.focus().getName() + " again right after the block before", after.period().getId()))
                .asConstraint(Rules.SAME_SKILL_TWICE);
    }

    /** Instruction works best when the group stands at a similar mastery (a spread beyond 20 points costs). */
    Constraint mixedMastery(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getSummary().getMasterySpreadPercent() > MIXED_MASTERY_TOLERANCE)
                .penalize(HardMediumSoftScore.ofSoft(MIXED_MASTERY_WEIGHT),
                        s -> s.getSummary().getMasterySpreadPercent() - MIXED_MASTERY_TOLERANCE)
                .justifyWith((s, score) -> note(s, "mastery of " + Justifications.focusName(s) + " spans "
                        + s.getSummary().getMasterySpreadPercent() + " points"))
                .asConstraint(Rules.MIXED_MASTERY);
    }

    /**
     * Personal connection: each student spends a block with their advisor when the advisor is in. (A session's
     * adult never changes, so this needs no join on the session.)
     */
    Constraint advisorNotSeen(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(p -> p.getLearner().getAdvisor() != null
                        && p.getSession().getAdult() == p.getLearner().getAdvisor())
                .groupBy(Placement::getLearner, ConstraintCollectors.count())
                .complement(Learner.class, l -> 0)
                .filter((learner, blocks) -> blocks == 0 && learner.getAdvisor() != null
                        && learner.getAdvisor().isPresentToday())
                .penalize(HardMediumSoftScore.ofSoft(ADVISOR_WEIGHT))
                .justifyWith((learner, blocks, score) -> new DayNote(learner.getId(), "no block with their advisor "
                        + learner.getAdvisor().getId() + " today", null))
                .asConstraint(Rules.ADVISOR_NOT_SEEN);
    }

    /**
     * Grouping builds connections: a student shares at least one session with someone they work well with. Each
     * session's summary lists its members with a peer there; a student none of whose sessions does is penalised.
     */
    Constraint peersApart(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> !s.getSummary().getWithPeer().isEmpty())
                .flattenLast(s -> s.getSummary().getWithPeer())
                .groupBy(Function.identity(), ConstraintCollectors.count())
                .complement(Learner.class, l -> 0)
                .filter((learner, together) -> together == 0 && !learner.getPeers().isEmpty())
                .penalize(HardMediumSoftScore.ofSoft(PEERS_WEIGHT))
                .justifyWith((learner, together, score) -> new DayNote(learner.getId(),
                        "shares no session with any of their peers today", null))
                .asConstraint(Rules.PEERS_APART);
    }

    /** Requests are honoured by priority: teacher over student choice over default. */
    Constraint requestIgnored(ConstraintFactory f) {
        return f.forEach(Ask.class)
                .filter(a -> !a.isAdminRequired())
                .ifNotExists(dayEntries(f), Joiners.equal(Ask::learner, DayEntry::learner),
                        Joiners.filtering((ask, entry) -> ask.honouredBy(entry.period(), entry.session())))
                .penalize(HardMediumSoftScore.ofSoft(REQUEST_WEIGHT), a -> a.priority().softWeight())
                .justifyWith((ask, score) -> Justifications.RequestIgnored.of(ask))
                .asConstraint(Rules.REQUEST_IGNORED);
    }

    /** Project and enrichment groups are formed by interest. */
    Constraint interestMissed(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getSummary().getInterestMisses() > 0)
                .penalize(HardMediumSoftScore.ofSoft(INTEREST_WEIGHT), s -> s.getSummary().getInterestMisses())
                .justifyWith((s, score) -> noteFor(s, "have no interest tagged for " + Justifications.focusName(s),
                        m -> m.option() != null && m.option().interest() == 0 && m.focus() != null
                                && !m.focus().isSkill()))
                .asConstraint(Rules.INTEREST_MISSED);
    }

    /** Equity: students working below grade level get the targeted adult time first. */
    Constraint behindUnsupervised(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> s.getSummary().getBehindUnsupervised() > 0)
                .penalize(HardMediumSoftScore.ofSoft(BEHIND_WEIGHT), s -> s.getSummary().getBehindUnsupervised())
                .justifyWith((s, score) -> noteFor(s, "work below grade level but are in "
                        + s.getMode().getName().toLowerCase() + " without an adult leading",
                        m -> m.learner().isBehind()))
                .asConstraint(Rules.BEHIND_UNSUPERVISED);
    }

    /**
     * Instruction is the point of the day: a skill block in online or independent practice costs a little, so that
     * adults teach whenever the group's skill fits (practice alone still wins for students near mastery, whom it
     * suits, and when goals or urgency differ enough).
     */
    Constraint practisingAlone(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> !s.getMode().isStaffLed() && !s.isCatchAll() && s.getPeriod().getKind() == BlockKind.SKILLS)
                .penalize(HardMediumSoftScore.ofSoft(PRACTISING_ALONE_WEIGHT), Session::size)
                .justifyWith((s, score) -> note(s, "students practise on their own ("
                        + s.getMode().getName().toLowerCase() + "), with no adult teaching"))
                .asConstraint(Rules.PRACTISING_ALONE);
    }

    /** Teaching load is shared: the cost grows with the square of an adult's teaching blocks. */
    Constraint staffLoad(ConstraintFactory f) {
        return adultDays(f)
                .penalize(HardMediumSoftScore.ofSoft(LOAD_WEIGHT), d -> d.teachingBlocks() * d.teachingBlocks())
                .justifyWith((d, score) -> new StaffNote(d.adult().getId(), "leads or supervises " + d.teachingBlocks()
                        + " blocks today", null))
                .asConstraint(Rules.STAFF_LOAD);
    }

    /** Continuity: an adult stays in one room back to back where possible. */
    Constraint staffRoomChange(ConstraintFactory f) {
        return adultDays(f)
                .filter(d -> !d.roomChanges().isEmpty())
                .penalize(HardMediumSoftScore.ofSoft(ROOM_CHANGE_WEIGHT), d -> d.roomChanges().size())
                .justifyWith((d, score) -> new StaffNote(d.adult().getId(), "changes rooms "
                        + d.roomChanges().size() + " times between back-to-back blocks", null))
                .asConstraint(Rules.STAFF_ROOM_CHANGE);
    }

    /** The catch-all is the last resort, only when nothing better fits. */
    Constraint catchAllUsed(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(p -> p.getSession().isCatchAll())
                .penalize(HardMediumSoftScore.ofSoft(CATCH_ALL_WEIGHT))
                .justifyWith((p, score) -> new DayNote(p.getLearner().getId(), "is in the catch-all in block "
                        + p.getPeriod().getId(), p.getPeriod().getId()))
                .asConstraint(Rules.CATCH_ALL_USED);
    }

    /** Fewer groups when it costs nothing: every open session takes an adult and a room. */
    Constraint openSession(ConstraintFactory f) {
        return openSessions(f)
                .filter(s -> !s.isCatchAll())
                .penalize(HardMediumSoftScore.ofSoft(OPEN_SESSION_WEIGHT))
                .justifyWith((s, score) -> new StaffNote(s.getAdult() == null ? null : s.getAdult().getId(),
                        "session " + s.getId() + " is held", s.getPeriod().getId()))
                .asConstraint(Rules.OPEN_SESSION);
    }

    /**
     * Variety across days: a student who worked on a skill in one modality yesterday and the day before should meet
     * it another way today (if it is their only option, they still get it, at this price). Joins the session's
     * outline: what a student works on depends on the whole group.
     */
    Constraint threeDaysRunning(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(p -> p.getLearner().hasTwoDaysRunning())
                .join(SessionOutline.class, Joiners.equal(SESSION_OF, SessionOutline::getSession))
                .filter((p, o) -> {
                    Focus focus = o.getLook().focusOf(p.getLearner(), p.getPeriod());
                    return focus != null && p.getLearner().hadTwoDaysRunning(focus.getId(), o.getLook().mode().getId());
                })
                .penalize(HardMediumSoftScore.ofSoft(THREE_DAYS_WEIGHT))
                .justifyWith((p, o, score) -> new DayNote(p.getLearner().getId(), "works on "
                        + o.getLook().focusOf(p.getLearner(), p.getPeriod()).getId() + " in "
                        + o.getLook().mode().getId() + " for the third day running in block " + p.getPeriod().getId(),
                        p.getPeriod().getId()))
                .asConstraint(Rules.THREE_DAYS_RUNNING);
    }

    /**
     * A re-plan keeps students whose readiness did not change with the adult they had, on what they worked on, in the
     * same modality and space (minimal perturbation, as UniTime counts it): their teacher's roster stays familiar and
     * the student keeps their group and room. Only set where a move is not forced. The focus part joins the session's
     * outline: a group's focus changes with its members, and the placement alone would not be looked at again when it
     * does.
     */
    Constraint movedFromPrevious(ConstraintFactory f) {
        UniConstraintStream<Placement> awayFromAdult = f.forEachIncludingUnassigned(Placement.class)
                .filter(p -> p.leftPreviousAdult() || p.leftPreviousSeat());
        BiConstraintStream<Placement, SessionOutline> groupChanged = f.forEach(Placement.class)
                .filter(p -> p.getPreviousAdultId() != null && !p.leftPreviousAdult())
                .join(SessionOutline.class, Joiners.equal(SESSION_OF, SessionOutline::getSession))
                .filter((p, o) -> p.differsFromPrevious(o.getLook().mode(), o.getLook().room(),
                        o.getLook().focusOf(p.getLearner(), p.getPeriod())));
        return awayFromAdult.concat(groupChanged)
                .penalize(HardMediumSoftScore.ofSoft(MOVED_WEIGHT))
                .justifyWith((p, s, score) -> new DayNote(p.getLearner().getId(), (s == null
                        ? p.getPreviousAdultId() == null ? "moved from " + p.getPreviousSeatId()
                                : "moved from " + p.getPreviousAdultId() + "'s group"
                        : "with " + p.getPreviousAdultId() + " again but on another skill, modality or space")
                        + " in block " + p.getPeriod().getId() + " though their readiness did not change",
                        p.getPeriod().getId()))
                .asConstraint(Rules.MOVED_FROM_PREVIOUS);
    }

    // ------------------------------------------------------------------------------------------------------------

    private static GroupNote note(Session s, String note) {
        return new GroupNote(s.getId(), s.getPeriod().getId(), note, members(s));
    }

    private static GroupNote noteFor(Session s, String note,
            java.util.function.Predicate<org.regroup.solver.model.MemberFit> who) {
        List<String> ids = s.getSummary().getMembers().stream().filter(who).map(m -> m.learner().getId()).toList();
        return new GroupNote(s.getId(), s.getPeriod().getId(), String.join(", ", ids) + " " + note, ids);
    }

}
