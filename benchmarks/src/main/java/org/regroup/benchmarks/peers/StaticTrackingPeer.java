package org.regroup.benchmarks.peers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.regroup.domain.DayProblem;
import org.regroup.domain.StaffRole;
import org.regroup.domain.plan.Plan;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Fit;
import org.regroup.solver.model.Focus;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.MemberFit;
import org.regroup.solver.model.Mode;
import org.regroup.solver.model.Option;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/**
 * The practice Regroup replaces: <b>static tracking</b>. Students are grouped once, for the whole day, by homeroom
 * (their grade) and level; each teacher takes the same class in the same room every skill block, teaching the whole
 * class together; students the teachers' classes cannot hold go to a study hall an aide supervises (independent
 * practice), also fixed for the day. Nobody is regrouped during the day.
 *
 * <ul>
 *   <li><b>Level</b>: the median grade of the skills a student is ready for (their own grade when none).</li>
 *   <li><b>Classes</b>: teachers are shared out between grades by the grades they are qualified for (most
 *       constrained teacher first, to the grade with most students still without a seat); within a grade, students
 *       are ranked by level and cut into one class per teacher (higher levels to the teacher qualified higher up).
 *       A class is as big as the teacher's largest teacher-led whole-group modality allows (seminar, 20). Students
 *       with a staff-led accommodation always get a class seat; when a grade has more students than class seats,
 *       the highest-ranked others go to the study hall ("the strong ones work on their own").</li>
 *   <li><b>What a class works on</b>: the school teaches the class's median grade-level skill. The plan format
 *       carries no focus the importer would take — a session's skill is derived from its members by Regroup's model
 *       (the skill most members are ready for, one the teacher is qualified for first) — so the scored skill is that
 *       derived one: the closest to the school's choice the importer accepts, and kinder to tracking than the real
 *       thing. Members not ready for it break "Skill not in student's ready set" (or "… more than a grade above"),
 *       which is tracking's known failure. The facts also report how many class seats are ready for the median
 *       grade-level skill the school would really have taught.</li>
 *   <li><b>A teacher away</b> for a block (part-time): an aide covers the class in its room (independent practice).</li>
 *   <li><b>Accommodations</b>, as a tracked school meets them: staff-led minimums by a class seat; 1:1 minutes by a
 *       pull-out with a specialist or tutor; quiet space by putting that class in a quiet room when one is free;
 *       nothing off site or online is used. Keep-apart pairs are split across classes when the lists are made.</li>
 *   <li><b>Advisory</b>: homeroom with one's advisor (teachers' skill blocks come first in their contracts);
 *       <b>activities</b>: sign-up by interest, first come first served; <b>pins</b> (admin-required requests) are
 *       honoured as pull-outs.</li>
 * </ul>
 * Deterministic: no randomness, every order is by the problem's lists.
 */
public final class StaticTrackingPeer implements Peer {

    public static final String NAME = "static-tracking";

    /** One fixed group: the same adult, room and students in every skill block. */
    static final class Track {
        final String id;
        final Adult adult;
        final Mode mode;
        final List<Learner> students = new ArrayList<>();
        final boolean studyHall;
        /** Its session in each skill block (the teacher's, or a cover's). */
        final Map<Period, Session> home = new LinkedHashMap<>();
        Room room;

        Track(String id, Adult adult, Mode mode, boolean studyHall) {
            this.id = id;
            this.adult = adult;
            this.mode = mode;
            this.studyHall = studyHall;
        }
    }

    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PeerRun run(DayProblem problem, DayPlan unused, Duration timeLimit, long seed) {
        long start = System.nanoTime();
        PeerDay d = new PeerDay(problem, NAME);
        d.seatPins();
        List<Period> skillBlocks = d.periods().stream().filter(CommonBlocks::isSkillBlock).toList();

        // Pinned sessions of adults who carry no class are pull-outs: open them first.
        List<Track> tracks = formTracks(d, skillBlocks);
        Set<Adult> classTeachers = new HashSet<>();
        tracks.stream().filter(t -> !t.studyHall).forEach(t -> classTeachers.add(t.adult));
        for (Period p : skillBlocks) {
            for (Session s : d.sessions(p)) {
                if (!s.isCatchAll() && !d.isOpen(s) && !d.members(s).isEmpty()
                        && !classTeachers.contains(s.getAdult())) {
                    CommonBlocks.openForMembers(d, s, d.members(s).stream().map(Placement::getLearner).toList(),
                            true);
                }
            }
        }
        int pullOuts = oneToOnePullOuts(d, skillBlocks, classTeachers);
        List<Adult> covers = coverAdults(d, classTeachers);
        int[] coverBlocks = { 0 };
        int unroomed = assignRooms(d, tracks, skillBlocks, covers, coverBlocks);
        Map<String, Integer> missedWhy = new TreeMap<>();
        int[] seated = seatTracks(d, tracks, skillBlocks, missedWhy);

        for (Period p : d.periods()) {
            if (CommonBlocks.isSkillBlock(p)) {
                continue;
            }
            CommonBlocks.openPinnedSessions(d, p, true);
            switch (p.getKind()) {
                case ADVISORY -> CommonBlocks.advisory(d, p, true);
                default -> CommonBlocks.activities(d, p, true);
            }
        }
        Plan plan = d.finish();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("classes", tracks.stream().filter(t -> !t.studyHall).count());
        facts.put("studyHalls", tracks.stream().filter(t -> t.studyHall).count());
        facts.put("tracksWithoutRoom", unroomed);
        facts.put("coveredBlocks", coverBlocks[0]);
        facts.put("oneToOnePullOuts", pullOuts);
        facts.put("groupsFormed", d.groupsFormed());
        facts.put("trackSeats", seated[0]);
        facts.put("trackSeatsMissed", seated[1]);
        facts.put("trackSeatsMissedWhy", missedWhy);
        facts.putAll(readiness(d, tracks, skillBlocks));
        facts.put("unplacedWhy", new TreeMap<>(d.unplacedWhy));
        return new PeerRun(List.of(new PeerRun.Timed(elapsed, plan)), facts);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Forming the classes once
    // ---------------------------------------------------------------------------------------------------------------

    /** The median grade of the skills the student is ready for in their first skill block. */
    static int level(Learner l, List<Period> skillBlocks) {
        for (Period p : skillBlocks) {
            if (!l.isIn(p)) {
                continue;
            }
            List<Integer> grades = l.options(p).stream().filter(Option::eligible).map(o -> o.focus().getGrade())
                    .sorted().toList();
            return grades.isEmpty() ? l.getGrade() : grades.get((grades.size() - 1) / 2);
        }
        return l.getGrade();
    }

    /** The teacher-led whole-class modality a teacher may run: the largest teacher-led shared one for skills. */
    static Mode classMode(Adult a) {
        return a.getModes().stream()
                .filter(m -> m.getLeadership() == org.regroup.domain.Leadership.TEACHER && m.isSharedFocus()
                        && m.serves(org.regroup.domain.FocusKind.SKILL) && !m.isOffSite())
                .max(Comparator.comparingInt(m -> Math.min(m.getMaxSize(), Math.min(m.getStudentsPerAdult(),
                        a.getMaxStudents())))).orElse(null);
    }

    static int classSize(Adult a, Mode m) {
        return Math.min(m.getMaxSize(), Math.min(m.getStudentsPerAdult(), a.getMaxStudents()));
    }

    /** Grades whose skills the adult is qualified for (at least half of them). */
    static Set<Integer> qualifiedGrades(DayPlan day, Adult a) {
        Map<Integer, int[]> tally = new TreeMap<>();
        for (Focus f : day.getFoci()) {
            if (f.isSkill()) {
                int[] t = tally.computeIfAbsent(f.getGrade(), g -> new int[2]);
                t[0]++;
                if (a.isQualifiedFor(f)) {
                    t[1]++;
                }
            }
        }
        Set<Integer> grades = new HashSet<>();
        tally.forEach((g, t) -> {
            if (t[1] * 2 >= t[0] && t[1] > 0) {
                grades.add(g);
            }
        });
        return grades;
    }

    private static List<Track> formTracks(PeerDay d, List<Period> skillBlocks) {
        DayPlan day = d.day;
        // Students present in at least one skill block, by homeroom (grade).
        Map<Integer, List<Learner>> byGrade = new TreeMap<>();
        Map<Learner, Integer> level = new LinkedHashMap<>();
        for (Learner l : day.getLearners()) {
            if (skillBlocks.stream().anyMatch(l::isIn)) {
                byGrade.computeIfAbsent(l.getGrade(), g -> new ArrayList<>()).add(l);
                level.put(l, level(l, skillBlocks));
            }
        }
        // Teachers who work at least one skill block, shared out between grades.
        List<Adult> teachers = day.getAdults().stream()
                .filter(a -> a.getRole() == StaffRole.TEACHER && classMode(a) != null)
                .filter(a -> skillBlocks.stream().anyMatch(p -> d.sessionOf(a, p) != null))
                .toList();
        Map<Adult, Set<Integer>> grades = new LinkedHashMap<>();
        teachers.forEach(a -> grades.put(a, qualifiedGrades(day, a)));
        List<Adult> byConstraint = new ArrayList<>(teachers);
        byConstraint.sort(Comparator.comparingInt((Adult a) -> grades.get(a).size()));
        Map<Integer, List<Adult>> teachersOf = new TreeMap<>();
        Map<Integer, Integer> seats = new TreeMap<>();
        for (Adult a : byConstraint) {
            Integer pick = null;
            double bestNeed = Double.NEGATIVE_INFINITY;
            for (Integer g : byGrade.keySet()) {
                if (!grades.get(a).contains(g)) {
                    continue;
                }
                double need = byGrade.get(g).size() - seats.getOrDefault(g, 0);
                if (need > bestNeed) {
                    bestNeed = need;
                    pick = g;
                }
            }
            if (pick != null) {
                teachersOf.computeIfAbsent(pick, g -> new ArrayList<>()).add(a);
                seats.merge(pick, classSize(a, classMode(a)), Integer::sum);
            }
        }

        List<Track> tracks = new ArrayList<>();
        List<Learner> toStudyHall = new ArrayList<>();
        List<Learner> resourceRoom = new ArrayList<>();
        for (Map.Entry<Integer, List<Learner>> e : byGrade.entrySet()) {
            int grade = e.getKey();
            List<Learner> ranked = new ArrayList<>(e.getValue());
            ranked.sort(Comparator.comparingInt((Learner l) -> -level.get(l)).thenComparingInt(Learner::getIndex));
            List<Adult> ts = new ArrayList<>(teachersOf.getOrDefault(grade, List.of()));
            // Higher classes to the teacher qualified higher up.
            ts.sort(Comparator.comparingInt((Adult a) -> -grades.get(a).stream().mapToInt(i -> i).sum()
                    / Math.max(1, grades.get(a).size())).thenComparing(Adult::getId));
            int capacity = ts.stream().mapToInt(a -> classSize(a, classMode(a))).sum();
            int overflow = Math.max(0, ranked.size() - capacity);
            List<Learner> inClass = new ArrayList<>();
            for (Learner l : ranked) {
                if (l.isQuietSpace() && l.getMinStaffLedBlocks() == 0) {
                    resourceRoom.add(l);
                } else if (overflow > 0 && l.getMinStaffLedBlocks() == 0) {
                    toStudyHall.add(l);
                    overflow--;
                } else {
                    inClass.add(l);
                }
            }
            if (ts.isEmpty()) {
                toStudyHall.addAll(inClass);
                continue;
            }
            // Sizes in proportion to each teacher's class size.
            int[] sizes = new int[ts.size()];
            int given = 0;
            for (int i = 0; i < ts.size(); i++) {
                sizes[i] = inClass.size() * classSize(ts.get(i), classMode(ts.get(i))) / capacity;
                given += sizes[i];
            }
            for (int i = 0; given < inClass.size(); i = (i + 1) % ts.size()) {
                if (sizes[i] < classSize(ts.get(i), classMode(ts.get(i)))) {
                    sizes[i]++;
                    given++;
                }
            }
            int next = 0;
            List<Track> gradeTracks = new ArrayList<>();
            for (int i = 0; i < ts.size(); i++) {
                Track t = new Track("grade " + grade + " class " + (i + 1), ts.get(i), classMode(ts.get(i)), false);
                t.students.addAll(inClass.subList(next, next + sizes[i]));
                next += sizes[i];
                gradeTracks.add(t);
            }
            toStudyHall.addAll(splitKeepApart(gradeTracks));
            tracks.addAll(gradeTracks);
        }
        // The resource room: students who need a quiet space (and no staff-led time) work there on their own.
        int[] hall = { 0 };
        studyHalls(resourceRoom, "resource room ", hall, tracks, false);
        // Study halls: by grade, as big as an aide may supervise, keep-apart pairs in different halls.
        studyHalls(toStudyHall, "study hall ", hall, tracks, true);
        return tracks;
    }

    private static void studyHalls(List<Learner> students, String name, int[] hall, List<Track> tracks,
            boolean byGrade) {
        List<Learner> todo = new ArrayList<>(students);
        todo.sort(Comparator.comparingInt((Learner l) -> byGrade ? l.getGrade() : 0).thenComparingInt(Learner::getIndex));
        while (!todo.isEmpty()) {
            Track t = new Track(name + (++hall[0]), null, null, true);
            int grade = todo.get(0).getGrade();
            for (java.util.Iterator<Learner> it = todo.iterator(); it.hasNext() && t.students.size() < STUDY_HALL_SIZE;) {
                Learner l = it.next();
                if ((!byGrade || l.getGrade() == grade) && t.students.stream().noneMatch(l.getKeepApart()::contains)) {
                    t.students.add(l);
                    it.remove();
                }
            }
            tracks.add(t);
        }
    }

    /** Students per study hall (an aide's usual cap in the bundled days is 35). */
    static final int STUDY_HALL_SIZE = 30;

    /**
     * Keep-apart pairs in one class: one of them swaps with a neighbouring class's student who has no conflict; when
     * the grade has no other class, that one goes to the study hall (returned).
     */
    private static List<Learner> splitKeepApart(List<Track> classes) {
        List<Learner> out = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            Track t = classes.get(i);
            for (int a = 0; a < t.students.size(); a++) {
                Learner x = t.students.get(a);
                for (int b = a + 1; b < t.students.size(); b++) {
                    Learner y = t.students.get(b);
                    if (!x.getKeepApart().contains(y) || swapAway(classes, i, b)) {
                        continue;
                    }
                    Learner leaving = y.getMinStaffLedBlocks() > 0 && x.getMinStaffLedBlocks() == 0 ? x : y;
                    t.students.remove(leaving);
                    out.add(leaving);
                    a = -1; // the list changed: look again from the start
                    break;
                }
            }
        }
        return out;
    }

    private static boolean swapAway(List<Track> classes, int from, int index) {
        Track t = classes.get(from);
        Learner y = t.students.get(index);
        for (int j : new int[] { from + 1, from - 1 }) {
            if (j < 0 || j >= classes.size()) {
                continue;
            }
            Track o = classes.get(j);
            for (int k = 0; k < o.students.size(); k++) {
                Learner z = o.students.get(k);
                List<Learner> tWithout = new ArrayList<>(t.students);
                tWithout.remove(y);
                List<Learner> oWithout = new ArrayList<>(o.students);
                oWithout.remove(z);
                if (tWithout.stream().noneMatch(z.getKeepApart()::contains)
                        && oWithout.stream().noneMatch(y.getKeepApart()::contains)) {
                    t.students.set(index, z);
                    o.students.set(k, y);
                    return true;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Pull-outs, rooms, covers
    // ---------------------------------------------------------------------------------------------------------------

    /** 1:1 minutes by pull-out: specialists and tutors, earliest skill block first. Returns the pull-outs made. */
    private static int oneToOnePullOuts(PeerDay d, List<Period> skillBlocks, Set<Adult> classTeachers) {
        List<Adult> pullOutStaff = d.day.getAdults().stream()
                .filter(a -> !classTeachers.contains(a) && a.getRole() != StaffRole.AIDE)
                .filter(a -> a.getModes().stream().anyMatch(Mode::isOneToOne)).toList();
        int made = 0;
        for (Learner l : d.day.getLearners()) {
            int minutes = l.getOneToOneMinutes();
            for (Period p : skillBlocks) {
                if (minutes <= 0) {
                    break;
                }
                Placement placement = d.placement(l, p);
                if (placement == null || d.isSeated(placement)) {
                    continue;
                }
                for (Adult a : pullOutStaff) {
                    Session s = d.sessionOf(a, p);
                    Mode oneToOne = s == null ? null : s.getAllowedModes().stream().filter(Mode::isOneToOne)
                            .findFirst().orElse(null);
                    if (oneToOne == null || d.isOpen(s) || !d.hasBudget(a) || !placement.getCandidates().contains(s)) {
                        continue;
                    }
                    Focus focus = CommonBlocks.sharedFocus(s, oneToOne, List.of(l));
                    Room room = focus == null ? null : d.findRoom(s, oneToOne, 1, l.isQuietSpace(), true);
                    if (room == null) {
                        continue;
                    }
                    d.open(s, oneToOne, room, focus, 1);
                    d.seat(placement, s);
                    minutes -= p.getMinutes();
                    made++;
                    break;
                }
            }
        }
        return made;
    }

    /** Who supervises study halls and covers a class whose teacher is away: aides, then counselors, tutors, specialists. */
    private static List<Adult> coverAdults(PeerDay d, Set<Adult> classTeachers) {
        List<StaffRole> order = List.of(StaffRole.AIDE, StaffRole.COUNSELOR, StaffRole.TUTOR, StaffRole.SPECIALIST,
                StaffRole.TEACHER);
        return d.day.getAdults().stream().filter(a -> !classTeachers.contains(a))
                .filter(a -> a.getModes().stream().anyMatch(m -> m.getId().equals(
                        org.regroup.domain.catalog.ModalityCatalog.INDEPENDENT_PRACTICE)))
                .sorted(Comparator.comparingInt((Adult a) -> order.indexOf(a.getRole())))
                .toList();
    }

    /**
     * One room per fixed group for the whole day (quiet rooms first to classes with a student who needs one), and
     * its adult in each skill block: the class teacher, or a cover supervising independent practice. Returns the
     * groups that found no room (their students go to the catch-all).
     */
    private static int assignRooms(PeerDay d, List<Track> tracks, List<Period> skillBlocks, List<Adult> covers,
            int[] coverBlocks) {
        List<Track> order = new ArrayList<>(tracks);
        order.sort(Comparator.comparingInt((Track t) -> t.studyHall ? 1 : 0)
                .thenComparingInt(t -> t.students.stream().anyMatch(Learner::isQuietSpace) ? 0 : 1)
                .thenComparingInt(t -> -t.students.size()));
        int unroomed = 0;
        Map<Track, Adult> homeAide = new LinkedHashMap<>();
        for (Track t : order) {
            Mode probe = t.mode != null ? t.mode : anyIndependentPractice(d, covers);
            if (probe == null) {
                unroomed++;
                continue;
            }
            boolean quiet = t.students.stream().anyMatch(Learner::isQuietSpace);
            t.room = roomForAllBlocks(d, skillBlocks, probe, t.students.size(), quiet);
            if (t.room == null && quiet) {
                t.room = roomForAllBlocks(d, skillBlocks, probe, t.students.size(), false);
            }
            if (t.room == null) {
                unroomed++;
                continue;
            }
            for (Period p : skillBlocks) {
                Session s = t.adult == null ? null : d.sessionOf(t.adult, p);
                if (s != null && !d.isOpen(s) && d.hasBudget(t.adult) && s.getAllowedRooms().contains(t.room)) {
                    d.open(s, t.mode, t.room, null, t.students.size());
                    t.home.put(p, s);
                    continue;
                }
                // A study hall keeps one supervisor when it can; a class whose teacher is away gets a cover.
                Adult preferred = homeAide.get(t);
                List<Adult> candidates = new ArrayList<>();
                if (preferred != null) {
                    candidates.add(preferred);
                }
                candidates.addAll(covers);
                for (Adult a : candidates) {
                    Session c = d.sessionOf(a, p);
                    Mode ip = c == null ? null : CommonBlocks.independentPractice(c);
                    if (ip != null && !d.isOpen(c) && d.hasBudget(a) && d.roomFits(c, ip, t.room,
                            t.students.size(), false)) {
                        d.open(c, ip, t.room, null, t.students.size());
                        t.home.put(p, c);
                        if (t.studyHall) {
                            homeAide.putIfAbsent(t, a);
                        } else {
                            coverBlocks[0]++;
                        }
                        break;
                    }
                }
            }
        }
        return unroomed;
    }

    private static Mode anyIndependentPractice(PeerDay d, List<Adult> covers) {
        return d.day.getModes().stream().filter(m -> m.getId().equals(
                org.regroup.domain.catalog.ModalityCatalog.INDEPENDENT_PRACTICE)).findFirst().orElse(null);
    }

    private static Room roomForAllBlocks(PeerDay d, List<Period> blocks, Mode mode, int size, boolean quiet) {
        Room chosen = null;
        int slack = Integer.MAX_VALUE;
        for (Room r : d.day.getRooms()) {
            if (blocks.stream().allMatch(p -> d.roomFree(p, mode, r, size, quiet)) && r.getCapacity() - size < slack) {
                slack = r.getCapacity() - size;
                chosen = r;
            }
        }
        return chosen;
    }

    /** Seats each group's present students in its session of each skill block; returns {seated, missed}. */
    private static int[] seatTracks(PeerDay d, List<Track> tracks, List<Period> skillBlocks,
            Map<String, Integer> missedWhy) {
        int seated = 0;
        int missed = 0;
        for (Period p : skillBlocks) {
            CommonBlocks.openPinnedSessions(d, p, true);
            for (Track t : tracks) {
                Session home = t.home.get(p);
                for (Learner l : t.students) {
                    Placement placement = d.placement(l, p);
                    if (placement == null || d.isSeated(placement)) {
                        continue;
                    }
                    if (home != null && d.canJoin(placement, home, t.studyHall)) {
                        d.seat(placement, home);
                        seated++;
                    } else {
                        missed++;
                        String why = home == null ? "their class has no adult or room in this block"
                                : d.whyNot(placement, home);
                        missedWhy.merge(why, 1, Integer::sum);
                        if (!d.seatInCatchAll(placement)) {
                            d.unplaced(why);
                        }
                    }
                }
            }
        }
        return new int[] { seated, missed };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What the classes really work on
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Class seats in skill blocks and how many are ready for the skill the model derives (what is scored), and for
     * the class's median grade-level skill (what a tracked school would have taught).
     */
    private static Map<String, Object> readiness(PeerDay d, List<Track> tracks, List<Period> skillBlocks) {
        int seats = 0;
        int readyDerived = 0;
        int readyMedian = 0;
        for (Period p : skillBlocks) {
            for (Track t : tracks) {
                if (t.studyHall || t.adult == null) {
                    continue;
                }
                Session s = d.sessionOf(t.adult, p);
                if (s == null || !s.isOpen() || s.getSummary().getFocus() == null) {
                    continue;
                }
                Focus median = medianGradeSkill(d.day, t, p);
                for (MemberFit m : s.getSummary().getMembers()) {
                    seats++;
                    if (m.fit() == Fit.READY) {
                        readyDerived++;
                    }
                    if (median != null && PeerDay.eligible(m.learner(), p, median)) {
                        readyMedian++;
                    }
                }
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("classSeats", seats);
        facts.put("classSeatsReadyForScoredSkill", readyDerived);
        facts.put("classSeatsReadyForMedianGradeSkill", readyMedian);
        return facts;
    }

    /** The grade-level skill a tracked school would teach the class: at its median level, the one most are ready for. */
    static Focus medianGradeSkill(DayPlan day, Track t, Period p) {
        List<Integer> levels = t.students.stream().map(l -> level(l, List.of(p))).sorted().toList();
        if (levels.isEmpty()) {
            return null;
        }
        int grade = levels.get((levels.size() - 1) / 2);
        Focus best = null;
        int bestCount = -1;
        for (Focus f : day.getFoci()) {
            if (!f.isSkill() || f.getGrade() != grade || (p.getSubject() != null && f.getStrand() != null
                    && !f.getStrand().startsWith(p.getSubject()))) {
                continue;
            }
            int count = (int) t.students.stream().filter(l -> PeerDay.eligible(l, p, f)).count();
            if (count > bestCount) {
                bestCount = count;
                best = f;
            }
        }
        return best;
    }
}
