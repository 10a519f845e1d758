package org.regroup.benchmarks.witness;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.regroup.domain.Staff;
import org.regroup.domain.Student;

/**
 * The whole day's accounts, kept block by block: staff-led blocks, 1:1 minutes and online blocks each student has
 * had, blocks each adult has led, and the blocks spent travelling with an off-site trip.
 */
final class Ledger {

    private final DayFacts facts;
    private final Map<String, Integer> staffLed = new HashMap<>();
    private final Map<String, Integer> oneToOneMinutes = new HashMap<>();
    private final Map<String, Integer> onlineBlocks = new HashMap<>();
    private final Map<String, Integer> teachingBlocks = new HashMap<>();
    /** Per student id: blocks they spend travelling to or from a trip. */
    private final Map<String, Set<Integer>> travelling = new HashMap<>();
    /** Per staff id: blocks they spend travelling with a trip. */
    private final Map<String, Set<Integer>> away = new HashMap<>();
    /** Per staff id: blocks an admin-required request needs them in. */
    private final Map<String, Set<Integer>> reserved = new HashMap<>();

    Ledger(DayFacts facts) {
        this.facts = facts;
    }

    /** Records a finished block: what each of its groups gave its students and cost its adult. */
    void commit(BlockBook book) {
        int minutes = facts.block(book.block).minutes();
        for (Group g : book.groups()) {
            if (g.members.isEmpty()) {
                continue;
            }
            if (!g.catchAll) {
                teachingBlocks.merge(g.adult.id(), 1, Integer::sum);
            }
            for (Student s : g.members) {
                if (g.staffLed()) {
                    staffLed.merge(s.id(), 1, Integer::sum);
                }
                if (Modes.oneToOne(g.mode)) {
                    oneToOneMinutes.merge(s.id(), minutes, Integer::sum);
                }
                if (Modes.online(g.mode)) {
                    onlineBlocks.merge(s.id(), 1, Integer::sum);
                }
            }
        }
    }

    int staffLed(Student s) {
        return staffLed.getOrDefault(s.id(), 0);
    }

    int oneToOneMinutes(Student s) {
        return oneToOneMinutes.getOrDefault(s.id(), 0);
    }

    int onlineBlocks(Student s) {
        return onlineBlocks.getOrDefault(s.id(), 0);
    }

    int teachingBlocks(Staff a) {
        return teachingBlocks.getOrDefault(a.id(), 0);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Trips and reservations (decided before the first block)
    // ---------------------------------------------------------------------------------------------------------------

    void travel(Student s, int block) {
        travelling.computeIfAbsent(s.id(), k -> new HashSet<>()).add(block);
    }

    boolean travelling(Student s, int block) {
        return travelling.getOrDefault(s.id(), Set.of()).contains(block);
    }

    void sendAway(Staff a, int block) {
        away.computeIfAbsent(a.id(), k -> new HashSet<>()).add(block);
    }

    boolean away(Staff a, int block) {
        return away.getOrDefault(a.id(), Set.of()).contains(block);
    }

    void reserve(Staff a, int block) {
        reserved.computeIfAbsent(a.id(), k -> new HashSet<>()).add(block);
    }

    boolean reserved(Staff a, int block) {
        return reserved.getOrDefault(a.id(), Set.of()).contains(block);
    }

    int reservedCount(Staff a) {
        return reserved.getOrDefault(a.id(), Set.of()).size();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Teaching blocks
    // ---------------------------------------------------------------------------------------------------------------

    /** Works the block, not travelling with a trip then. */
    boolean available(Staff a, int block) {
        return facts.works(a, block) && !away(a, block);
    }

    /** One more block now still leaves a block for every later one an admin-required request needs them in. */
    boolean canTeach(Staff a, int block) {
        long later = reserved.getOrDefault(a.id(), Set.of()).stream().filter(b -> b > block).count();
        return teachingBlocks(a) + 1 + later <= DayFacts.maxTeachingBlocks(a);
    }

    /** Using the adult now costs no later block: their contract covers every block they still work. */
    boolean spare(Staff a, int block) {
        return (long) teachingBlocks(a) + 1 + facts.blocksWorkedAfter(a, block) <= DayFacts.maxTeachingBlocks(a);
    }
}
