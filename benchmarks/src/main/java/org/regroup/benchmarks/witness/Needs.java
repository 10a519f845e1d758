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
 * What each student is still owed — staff-led blocks and 1:1 minutes — against the chances left in the day, so that
 * a need is met while it still can be. A need is <i>urgent</i> in a block when the later blocks could no longer
 * meet it: then it is served even at the cost of a seat, because a missed accommodation breaks a hard rule and an
 * unplaced student does not.
 */
final class Needs {

    private final DayFacts facts;
    private final Reach reach;
    private final Ledger ledger;
    /** Per student id and block: a staff-led session is possible for them there. */
    private final Map<String, boolean[]> staffLedChance = new HashMap<>();
    /** Per student id and block: a 1:1 is possible for them there. */
    private final Map<String, boolean[]> oneToOneChance = new HashMap<>();

    Needs(DayFacts facts, Reach reach, Ledger ledger) {
        this.facts = facts;
        this.reach = reach;
        this.ledger = ledger;
        List<Set<String>> staffLedFoci = new ArrayList<>();
        List<Set<String>> oneToOneSkills = new ArrayList<>();
        for (int b = 0; b < facts.blockCount(); b++) {
            Set<String> foci = new HashSet<>();
            Set<String> oneToOne = new HashSet<>();
            for (Staff a : facts.problem.staff()) {
                if (!ledger.available(a, b)) {
                    continue;
                }
                for (ModalitySpec m : facts.modes(a, b)) {
                    if (Modes.staffLed(m) && !Modes.offSite(m)) {
                        foci.addAll(teachable(a, m, b));
                        if (Modes.oneToOne(m)) {
                            oneToOne.addAll(teachable(a, m, b));
                        }
                    }
                }
            }
            staffLedFoci.add(foci);
            oneToOneSkills.add(oneToOne);
        }
        for (Student s : facts.problem.students()) {
            boolean[] staffLed = new boolean[facts.blockCount()];
            boolean[] oneToOne = new boolean[facts.blockCount()];
            for (int b = 0; b < facts.blockCount(); b++) {
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
    }

    /** Foci the adult could lead in this modality in the block: skills they are qualified for, or any other focus. */
    private Set<String> teachable(Staff a, ModalitySpec m, int b) {
        Set<String> foci = new HashSet<>();
        if (facts.block(b).kindOrDefault() == BlockKind.SKILLS) {
            foci.addAll(facts.qualifiedSkills(a));
        } else if (facts.block(b).kindOrDefault() == BlockKind.ADVISORY) {
            foci.add(Reach.ADVISORY);
        } else {
            facts.problem.activities().stream()
                    .filter(x -> x.modalities().isEmpty() || x.modalities().contains(m.id()))
                    .forEach(x -> foci.add(x.id()));
        }
        return foci;
    }

    int staffLedOwed(Student s) {
        return Math.max(0, s.accommodationsOrNone().minStaffLedBlocksOrZero() - ledger.staffLed(s));
    }

    int oneToOneOwed(Student s) {
        return Math.max(0, s.accommodationsOrNone().oneToOneMinutesOrZero() - ledger.oneToOneMinutes(s));
    }

    /** Later blocks minus blocks still owed: below zero, this block must give staff-led time. */
    int staffLedSlack(Student s, int block) {
        boolean[] chance = staffLedChance.get(s.id());
        int later = 0;
        for (int b = block + 1; b < chance.length; b++) {
            later += chance[b] ? 1 : 0;
        }
        return later - staffLedOwed(s);
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

    boolean staffLedUrgent(Student s, int block) {
        return staffLedOwed(s) > 0 && staffLedSlack(s, block) < 0;
    }

    boolean oneToOneUrgent(Student s, int block) {
        return oneToOneOwed(s) > 0 && oneToOneSlack(s, block) < 0;
    }

    /** The least slack first; ties in the given order (the problem's), so the result is deterministic. */
    List<Student> byStaffLedUrgency(List<Student> students, int block) {
        List<Student> owed = new ArrayList<>(students.stream().filter(s -> staffLedOwed(s) > 0).toList());
        owed.sort(Comparator.comparingInt(s -> staffLedSlack(s, block)));
        return owed;
    }

    List<Student> byOneToOneUrgency(List<Student> students, int block) {
        List<Student> owed = new ArrayList<>(students.stream().filter(s -> oneToOneOwed(s) > 0).toList());
        owed.sort(Comparator.comparingInt(s -> oneToOneSlack(s, block)));
        return owed;
    }
}
