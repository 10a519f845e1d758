package org.regroup.solver.constraints;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import org.regroup.domain.BlockKind;
import org.regroup.domain.FocusKind;
import org.regroup.domain.RequestPriority;
import org.regroup.domain.SkillState;
import org.regroup.domain.StaffRole;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.solver.build.DayPlanBuilder;
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
 * A small day assembled directly from solver facts, for ConstraintVerifier tests. Verify with
 * {@code verifier.verifyThat(rule).givenSolution(day.plan()).settingAllShadowVariables()} so that Timefold derives
 * every session's members and summary exactly as it does when solving.
 *
 * <p>Defaults: blocks B1, B2, B3 are math skill blocks (45 min, 5-minute gaps), ADV an advisory block, ACT an
 * activities block; the eight standard modalities; skills are created on demand.
 */
public final class Day {

    public final Period b1;
    public final Period b2;
    public final Period b3;
    public final Period adv;
    public final Period act;
    private final List<Period> periods = new ArrayList<>();
    private final Map<String, Mode> modes = new LinkedHashMap<>();
    private final Map<String, Focus> foci = new LinkedHashMap<>();
    private final List<Adult> adults = new ArrayList<>();
    private final List<Room> rooms = new ArrayList<>();
    private final List<Learner> learners = new ArrayList<>();
    private final List<Session> sessions = new ArrayList<>();
    private final List<Placement> placements = new ArrayList<>();
    private final List<Ask> asks = new ArrayList<>();
    public final Focus advisory = new Focus("advisory", 0, FocusKind.ADVISORY, "Advisory", -1, null, 0, List.of(),
            Set.of());

    public Day() {
        b1 = period("B1", 0, 9, 0, BlockKind.SKILLS);
        b2 = period("B2", 1, 9, 50, BlockKind.SKILLS);
        b3 = period("B3", 2, 10, 40, BlockKind.SKILLS);
        adv = period("ADV", 3, 11, 30, BlockKind.ADVISORY);
        act = period("ACT", 4, 12, 20, BlockKind.ACTIVITIES);
        ModalityCatalog.defaults().all().forEach(m -> modes.put(m.id(), DayPlanBuilder.mode(m)));
    }

    private Period period(String id, int index, int hour, int minute, BlockKind kind) {
        Period p = new Period(id, index, LocalTime.of(hour, minute), LocalTime.of(hour, minute).plusMinutes(45), kind,
                kind == BlockKind.SKILLS ? "math" : null, false, index == 0 ? Integer.MAX_VALUE : 5,
                index == 4 ? Integer.MAX_VALUE : 5);
        periods.add(p);
        return p;
    }

    /** Replaces a block (e.g. to change gaps for travel tests); keep the index. */
    public Period replace(Period old, Period with) {
        periods.set(periods.indexOf(old), with);
        return with;
    }

    public Mode mode(String id) {
        return modes.get(id);
    }

    /** A math skill of this grade that unlocks {@code unlocks} later skills. */
    public Focus skill(String id, int grade, int unlocks) {
        return foci.computeIfAbsent(id, k -> new Focus(id, foci.size() + 1, FocusKind.SKILL, "Skill " + id, grade,
                "math/X", unlocks, List.of(), Set.of()));
    }

    public Focus skill(String id) {
        return skill(id, 3, 1);
    }

    public Focus activity(String id, String... tags) {
        return foci.computeIfAbsent(id, k -> new Focus(id, foci.size() + 1, FocusKind.ACTIVITY, "Activity " + id, -1,
                null, 0, List.of(tags), Set.of()));
    }

    /** An activity that happens only in these rooms (a museum trip). */
    public Focus activityAt(String id, String modeId, Room... rooms) {
        Set<String> roomIds = new HashSet<>();
        for (Room r : rooms) {
            roomIds.add(r.getId());
        }
        return foci.computeIfAbsent(id, k -> new Focus(id, foci.size() + 1, FocusKind.ACTIVITY, "Activity " + id, -1,
                null, 0, List.of("science"), Set.of(modeId), roomIds));
    }

    public Adult teacher(String id) {
        return adult(id, StaffRole.TEACHER, f -> true, Integer.MAX_VALUE, Integer.MAX_VALUE, false);
    }

    public Adult aide(String id) {
        return adult(id, StaffRole.AIDE, f -> false, Integer.MAX_VALUE, Integer.MAX_VALUE, false);
    }

    public Adult adult(String id, StaffRole role, Predicate<Focus> qualified, int maxTeachingBlocks, int maxStudents,
            boolean offSite) {
        Set<Mode> allowed = new HashSet<>();
        for (String m : ModalityCatalog.roleDefaults(role)) {
            if (ModalityCatalog.mayLead(role, modes.get(m).getLeadership())) {
                allowed.add(modes.get(m));
            }
        }
        Adult adult = new Adult(id, role, allowed, qualified, maxTeachingBlocks, maxStudents, offSite, true);
        adults.add(adult);
        return adult;
    }

    public Room room(String id, int capacity, String... features) {
        return room(id, capacity, 1, false, 0, null, features);
    }

    public Room room(String id, int capacity, int maxGroups, boolean offSite, int travel, Set<String> availableIn,
            String... features) {
        Room room = new Room(id, capacity, Set.of(features), maxGroups, offSite, travel, availableIn);
        rooms.add(room);
        return room;
    }

    public StudentBuilder student(String id) {
        return new StudentBuilder(id);
    }

    public Session session(Adult adult, Period period, String modeId, Room room) {
        Session s = new Session(adult.getId() + "@" + period.getId(), period, adult, List.copyOf(modes.values()),
                List.copyOf(rooms));
        s.setMode(modes.get(modeId));
        s.setRoom(room);
        sessions.add(s);
        return s;
    }

    public Session catchAll(Period period, Room room, int capacity) {
        Session s = Session.catchAll("catch-all@" + period.getId(), period, null,
                modes.get(DayPlanBuilder.CATCH_ALL_MODE), room, capacity);
        sessions.add(s);
        return s;
    }

    /** Puts the student in the session for its block (null: leaves them unplaced). */
    public Placement place(Learner learner, Period period, Session session) {
        Placement p = new Placement(learner.getId() + "@" + period.getId(), learner, period,
                List.copyOf(sessions));
        p.setSession(session);
        placements.add(p);
        return p;
    }

    public Placement place(Learner learner, Session session) {
        return place(learner, session.getPeriod(), session);
    }

    public Ask ask(String id, Learner learner, Period period, Adult adult, Focus focus, String modeId,
            RequestPriority priority) {
        Ask ask = new Ask(id, learner, period, adult, focus, modeId == null ? null : modes.get(modeId), priority,
                "T9");
        asks.add(ask);
        return ask;
    }

    public DayPlan plan() {
        return new DayPlan(null, List.copyOf(periods), List.copyOf(modes.values()), List.copyOf(adults),
                List.copyOf(rooms), List.copyOf(foci.values()), List.copyOf(learners), List.copyOf(asks),
                new ArrayList<>(sessions), new ArrayList<>(placements), ConstraintWeightOverrides.none());
    }

    /** Builds a learner; skill options apply to every skill block. */
    public final class StudentBuilder {
        private final String id;
        private int grade = 3;
        private Adult advisor;
        private int minStaffLed;
        private int oneToOneMinutes;
        private boolean noOffSite;
        private boolean quiet;
        private int maxOnline = Integer.MAX_VALUE;
        private boolean behind;
        private final List<Option> skillOptions = new ArrayList<>();
        private final Set<String> interests = new HashSet<>();
        private final Set<Mode> prefers = new HashSet<>();
        private final Set<Mode> avoids = new HashSet<>();
        private final Set<Period> absentFrom = new HashSet<>();
        private final Map<Learner, Boolean> relations = new HashMap<>();

        private StudentBuilder(String id) {
            this.id = id;
        }

        public StudentBuilder grade(int grade) {
            this.grade = grade;
            return this;
        }

        /** Ready and within grade reach, at this mastery. */
        public StudentBuilder ready(Focus skill, double mastery) {
            skillOptions.add(new Option(skill, true, true, mastery, state(mastery), 0, 0));
            return this;
        }

        public StudentBuilder ready(Focus skill) {
            return ready(skill, 0.1);
        }

        /** Ready and a goal of theirs (goal value 1-3). */
        public StudentBuilder goal(Focus skill, int goalValue) {
            skillOptions.add(new Option(skill, true, true, 0.1, SkillState.NEW, goalValue, 0));
            return this;
        }

        /** Ready, but more than a grade above theirs. */
        public StudentBuilder tooAdvanced(Focus skill) {
            skillOptions.add(new Option(skill, true, false, 0.0, SkillState.NEW, 0, 0));
            return this;
        }

        public StudentBuilder interests(String... tags) {
            interests.addAll(List.of(tags));
            return this;
        }

        public StudentBuilder advisor(Adult advisor) {
            this.advisor = advisor;
            return this;
        }

        public StudentBuilder minStaffLed(int blocks) {
            this.minStaffLed = blocks;
            return this;
        }

        public StudentBuilder oneToOneMinutes(int minutes) {
            this.oneToOneMinutes = minutes;
            return this;
        }

        public StudentBuilder noOffSite() {
            this.noOffSite = true;
            return this;
        }

        public StudentBuilder quiet() {
            this.quiet = true;
            return this;
        }

        public StudentBuilder maxOnline(int blocks) {
            this.maxOnline = blocks;
            return this;
        }

        public StudentBuilder behind() {
            this.behind = true;
            return this;
        }

        public StudentBuilder prefers(String modeId) {
            prefers.add(modes.get(modeId));
            return this;
        }

        public StudentBuilder avoids(String modeId) {
            avoids.add(modes.get(modeId));
            return this;
        }

        public StudentBuilder absentFrom(Period period) {
            absentFrom.add(period);
            return this;
        }

        public StudentBuilder keepApartFrom(Learner other) {
            relations.put(other, true);
            return this;
        }

        public StudentBuilder peerOf(Learner other) {
            relations.put(other, false);
            return this;
        }

        public Learner build() {
            Option[][] options = new Option[periods.size()][];
            for (Period p : periods) {
                if (absentFrom.contains(p)) {
                    continue;
                }
                options[p.getIndex()] = switch (p.getKind()) {
                    case SKILLS -> skillOptions.toArray(Option[]::new);
                    case ADVISORY -> new Option[] { new Option(advisory, true, true, 0, null, 0, 0) };
                    case ACTIVITIES -> foci.values().stream().filter(f -> f.getKind() == FocusKind.ACTIVITY)
                            .map(f -> new Option(f, true, true, 0, null, 0,
                                    (int) f.getTags().stream().filter(interests::contains).count()))
                            .toArray(Option[]::new);
                };
            }
            Learner learner = new Learner(id, learners.size(), grade, advisor, minStaffLed, oneToOneMinutes,
                    noOffSite, quiet, maxOnline, behind, skillOptions.stream().anyMatch(o -> o.goalValue() > 0),
                    prefers, avoids, options);
            learner.setLongestBlockMinutes(periods.stream().filter(p -> !absentFrom.contains(p))
                    .mapToInt(Period::getMinutes).max().orElse(1));
            Set<Learner> apart = new HashSet<>();
            Set<Learner> peers = new HashSet<>();
            relations.forEach((other, isApart) -> {
                if (isApart) {
                    apart.add(other);
                    other.relate(union(other.getKeepApart(), learner), other.getPeers());
                } else {
                    peers.add(other);
                }
            });
            learner.relate(apart, peers);
            learners.add(learner);
            return learner;
        }
    }

    private static Set<Learner> union(Set<Learner> set, Learner extra) {
        Set<Learner> result = new HashSet<>(set);
        result.add(extra);
        return result;
    }

    static SkillState state(double mastery) {
        return mastery >= 0.6 ? SkillState.NEAR_MASTERY : mastery >= 0.3 ? SkillState.PRACTISING : SkillState.NEW;
    }
}
