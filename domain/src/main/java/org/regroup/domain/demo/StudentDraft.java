package org.regroup.domain.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.regroup.domain.Accommodations;
import org.regroup.domain.Commitment;
import org.regroup.domain.Goal;
import org.regroup.domain.Student;

/**
 * A student while the generator fills them in; relations to other students need everyone drafted first. The planners
 * of this package fill it in; the shape generator only passes drafts between them.
 */
public final class StudentDraft {

    final String id;
    final String name;
    final int grade;
    /** The grade level they actually work at; not part of the format, the generator's own notion. */
    final int level;
    final Map<String, Double> mastery;
    /** Their ready set, in skill-list order. */
    final List<String> ready;
    final List<Goal> goals = new ArrayList<>();
    final List<String> interests = new ArrayList<>();
    final List<String> prefers = new ArrayList<>();
    final List<String> avoids = new ArrayList<>();
    final List<String> keepApart = new ArrayList<>();
    final List<String> peers = new ArrayList<>();
    final List<Commitment> commitments = new ArrayList<>();
    Accommodations accommodations;
    String advisorId;
    boolean absent;
    /** Null when present all day. */
    List<String> presentBlocks;

    StudentDraft(String id, String name, int grade, int level, Map<String, Double> mastery, List<String> ready) {
        this.id = id;
        this.name = name;
        this.grade = grade;
        this.level = level;
        this.mastery = mastery;
        this.ready = ready;
    }

    public String id() {
        return id;
    }

    /** The grade level they work at. */
    public int level() {
        return level;
    }

    /** Here all day, nothing fixed, nothing to honour: safe to pin with an admin request. */
    boolean plain() {
        return !absent && presentBlocks == null && commitments.isEmpty() && accommodations == null
                && keepApart.isEmpty();
    }

    boolean presentIn(String blockId) {
        return !absent && (presentBlocks == null || presentBlocks.contains(blockId))
                && commitments.stream().noneMatch(c -> c.blockId().equals(blockId));
    }

    public Student toStudent() {
        return new Student(id, name, grade, advisorId, mastery, goals, interests, prefers, avoids, accommodations,
                keepApart, peers, absent, presentBlocks, commitments);
    }
}
