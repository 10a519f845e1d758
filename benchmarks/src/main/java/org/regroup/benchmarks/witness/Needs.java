package org.regroup.benchmarks.witness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.BlockKind;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;

/**
 * What each student is owed — staff-led blocks and 1:1 minutes — and when it is <i>due</i>. A missed accommodation
 * breaks a hard rule and an unplaced student does not, so a due need is served even at the cost of a seat; one not
 * yet due is served only when it costs none.
 *
 * <p>A need is due in any block after which too few chances (blocks where it can be met) are left to meet it. With
 * {@link Policy#SPREAD} it is also due in the blocks it was spread to before the first block: students with the
 * fewest chances first, each need to the chance blocks least loaded so far for the adults who can meet it there
 * (advisory and activity groups, where everyone is in a staff-led group, absorb staff-led needs first). Waiting for
 * the last chance loses no seat while needs are few; on a day crowded with them the last blocks cannot meet them all,
 * and spreading them does.
 */
final class Needs {

    /** When a need not yet at its last chance is due. */
    enum Policy {
        /** Only at its last chance (before that, only when it costs no seat). */
        LAST_CHANCE,
        /** Also in the blocks it was spread to. */
        SPREAD
    }

    private final DayFacts facts;
    private final Policy policy;
    private final Ledger ledger;
    /** Per student id and block: a staff-led session is possible for them there. */
    private final Map<String, boolean[]> staffLedChance = new HashMap<>();
    /** Per student id and block: a 1:1 is possible for them there. */
    private final Map<String, boolean[]> oneToOneChance = new HashMap<>();
    /** Per student id: the blocks their 1:1 time and their staff-led time were spread to. */
    private final Map<String, Set<Integer>> oneToOneBlocks = new HashMap<>();
    private final Map<String, Set<Integer>> staffLedBlocks = new HashMap<>();

    Needs(DayFacts facts, Reach reach, Ledger ledger, Policy policy) {
        this.facts = facts;
        this.ledger = ledger;
        this.policy = policy;
        int blocks = facts.blockCount();
        List<Set<String>> staffLedFoci = new ArrayList<>();
        List<Set<String>> oneToOneSkills = new ArrayList<>();
        double[] staffLedRoom = new double[blocks];
        double[] oneToOneRoom = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            Set<String> foci = new HashSet<>();
            Set<String> oneToOne = new HashSet<>();
            boolean groupBlock = facts.block(b).kindOrDefault() != BlockKind.SKILLS;
            for (Staff a : facts.problem.staff()) {
                if (!ledger.available(a, b)) {
                    continue;
                }
                int mostStaffLed = 0;
                for (ModalitySpec m : facts.modes(a, b)) {
                    if (Modes.staffLed(m) && !Modes.offSite(m)) {
                        foci.addAll(teachable(a, m, b));
                        mostStaffLed = Math.max(mostStaffLed, Modes.cap(m, a.maxStudents()));
                        if (Modes.oneToOne(m)) {
                            oneToOne.addAll(teachable(a, m, b));
                            oneToOneRoom[b]++;
                        }
                    }
                }
                // An adult meets one student's staff-led need in a skill block for sure, a whole group's elsewhere.
                staffLedRoom[b] += groupBlock ? mostStaffLed : Math.min(1, mostStaffLed);
            }
            staffLedFoci.add(foci);
            oneToOneSkills.add(oneToOne);
        }
        for (Student s : facts.problem.students()) {
            boolean[] staffLed = new boolean[blocks];
            boolean[] oneToOne = new boolean[blocks];
            for (int b = 0; b < blocks; b++) {
                if (ledger.travelling(s, b)) {
                    continue;
                }
                for (String focus : reach.options(s, b).keySet()) {
                    staffLed[b] |= staffLedFoci.get(b).contains(focus);
                    oneToOne[b] |= oneToOneSkills.get(b).contains(focus);
                }
            }
            staffLedChance.put(s.id(), staffLed);
            oneToOneChance.put(s.id(), oneToOne);
        }
        spread(oneToOneRoom, staffLedRoom);
    }

    /** Foci the adult could lead in this modality in the block: skills they are qualified for, or any other focus. */
    private Set<String> teachable(Staff a, ModalitySpec m, int b) {
        if (facts.block(b).kindOrDefault() == BlockKind.SKILLS) {
            return facts.qualifiedSkills(a);
        }
        Set<String> foci = new HashSet<>();
        if (facts.block(b).kindOrDefault() == BlockKind.ADVISORY) {
            foci.add(Reach.ADVISORY);
        } else {
            facts.problem.activities().stream()
                    .filter(x -> x.modalities().isEmpty() || x.modalities().contains(m.id()))
                    .forEach(x -> foci.add(x.id()));
        }
        return foci;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Spreading needs over the day
    // ---------------------------------------------------------------------------------------------------------------

    private void spread(double[] oneToOneRoom, double[] staffLedRoom) {
        double[] oneToOneLoad = new double[facts.blockCount()];
        double[] staffLedLoad = new double[facts.blockCount()];
        for (Student s : scarcestFirst(oneToOneChance)) {
            int owed = oneToOneOwed(s);
            Set<Integer> chosen = new HashSet<>();
            while (owed > 0) {
                int b = leastLoaded(oneToOneChance.get(s.id()), chosen, oneToOneLoad, oneToOneRoom);
                if (b < 0) {
                    break;
                }
                chosen.add(b);
                oneToOneLoad[b]++;
                owed -= facts.block(b).minutes();
            }
            oneToOneBlocks.put(s.id(), chosen);
        }
        for (Student s : scarcestFirst(staffLedChance)) {
            Set<Integer> chosen = new HashSet<>(oneToOneBlocks.getOrDefault(s.id(), Set.of())); // 1:1 is staff-led
            int owed = staffLedOwed(s) - chosen.size();
            while (owed > 0) {
                int b = leastLoaded(staffLedChance.get(s.id()), chosen, staffLedLoad, staffLedRoom);
                if (b < 0) {
                    break;
                }
                chosen.add(b);
                staffLedLoad[b]++;
                owed--;
            }
            staffLedBlocks.put(s.id(), chosen);
        }
    }

    /** Students with any chance, the fewest chances first (problem order on ties). */
    private List<Student> scarcestFirst(Map<String, boolean[]> chances) {
        List<Student> students = new ArrayList<>(facts.problem.students());
        students.sort(Comparator.comparingInt(s -> count(chances.get(s.id()), 0)));
        return students;
    }

    /** The chance block not yet chosen with the lowest load for its room (the earliest on ties); -1 when none. */
    private static int leastLoaded(boolean[] chance, Set<Integer> chosen, double[] load, double[] room) {
        int best = -1;
        for (int b = 0; b < chance.length; b++) {
            if (chance[b] && !chosen.contains(b) && room[b] > 0
                    && (best < 0 || load[b] / room[b] < load[best] / room[best])) {
                best = b;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What is owed and when it is due
    // ---------------------------------------------------------------------------------------------------------------

    int staffLedOwed(Student s) {
        return Math.max(0, s.accommodationsOrNone().minStaffLedBlocksOrZero() - ledger.staffLed(s));
    }

    int oneToOneOwed(Student s) {
        return Math.max(0, s.accommodationsOrNone().oneToOneMinutesOrZero() - ledger.oneToOneMinutes(s));
    }

    /** Later chances minus blocks still owed: below zero, this block must give staff-led time. */
    int staffLedSlack(Student s, int block) {
        return count(staffLedChance.get(s.id()), block + 1) - staffLedOwed(s);
    }

    /** Minutes of later 1:1 chances minus minutes still owed: below zero, this block must give a 1:1. */
    int oneToOneSlack(Student s, int block) {
        boolean[] chance = oneToOneChance.get(s.id());
        int later = 0;
        for (int b = block + 1; b < chance.length; b++) {
            later += chance[b] ? facts.block(b).minutes() : 0;
        }
        return later - oneToOneOwed(s);
    }

    boolean staffLedDue(Student s, int block) {
        return staffLedOwed(s) > 0 && (spreadTo(staffLedBlocks, s, block) || staffLedSlack(s, block) < 0);
    }

    boolean oneToOneDue(Student s, int block) {
        return oneToOneOwed(s) > 0 && (spreadTo(oneToOneBlocks, s, block) || oneToOneSlack(s, block) < 0);
    }

    private boolean spreadTo(Map<String, Set<Integer>> spread, Student s, int block) {
        return policy == Policy.SPREAD && spread.get(s.id()).contains(block);
    }

    Policy policy() {
        return policy;
    }

    /** Students owed staff-led time: due first, then the least slack; the given order on ties. */
    List<Student> byStaffLedUrgency(List<Student> students, int block) {
        List<Student> owed = new ArrayList<>(students.stream().filter(s -> staffLedOwed(s) > 0).toList());
        owed.sort(Comparator.comparing((Student s) -> !staffLedDue(s, block))
                .thenComparingInt(s -> staffLedSlack(s, block)));
        return owed;
    }

    List<Student> byOneToOneUrgency(List<Student> students, int block) {
        List<Student> owed = new ArrayList<>(students.stream().filter(s -> oneToOneOwed(s) > 0).toList());
        owed.sort(Comparator.comparing((Student s) -> !oneToOneDue(s, block))
                .thenComparingInt(s -> oneToOneSlack(s, block)));
        return owed;
    }

    private static int count(boolean[] chance, int from) {
        int n = 0;
        for (int b = from; b < chance.length; b++) {
            n += chance[b] ? 1 : 0;
        }
        return n;
    }
}
