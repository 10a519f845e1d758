package org.regroup.domain;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A learner profile as it stands this morning.
 *
 * @param name              display name: shown to staff, never logged
 * @param mastery           skill id → mastery in [0, 1]; skills not listed count as 0
 * @param prefersModalities modalities the student asked for
 * @param avoidsModalities  modalities the student asked to avoid
 * @param keepApart         students who must never share a session with this one
 * @param peers             students this one works well with (grouping builds connections)
 * @param absent            away all day
 * @param presentBlocks     blocks present today when not all (late arrival, early leave)
 * @param commitments       fixed commitments outside the plan
 */
public record Student(String id, String name, Integer grade, String advisorId, Map<String, Double> mastery,
        List<Goal> goals, List<String> interests, List<String> prefersModalities, List<String> avoidsModalities,
        Accommodations accommodations, List<String> keepApart, List<String> peers, boolean absent,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> presentBlocks, List<Commitment> commitments) {

    /** This student with another mastery estimate (a learner profile's, say). */
    public Student withMastery(Map<String, Double> newMastery) {
        return new Student(id, name, grade, advisorId, newMastery, goals, interests, prefersModalities,
                avoidsModalities, accommodations, keepApart, peers, absent, presentBlocks, commitments);
    }

    /**
     * This student gone home after {@code blocks} (the day's blocks before they left): present only there, and
     * owed no more staff-led blocks or 1:1 minutes than those blocks can give.
     */
    public Student leftAfter(List<TimeBlock> blocks) {
        List<TimeBlock> present = blocks.stream().filter(b -> availableIn(b.id())).toList();
        Accommodations owed = accommodations == null ? null
                : accommodations.within(present.size(), present.stream().mapToInt(TimeBlock::minutes).sum());
        return new Student(id, name, grade, advisorId, mastery, goals, interests, prefersModalities, avoidsModalities,
                owed, keepApart, peers, absent, present.stream().map(TimeBlock::id).toList(), commitments);
    }

    /** This student absent all day. */
    public Student asAbsent() {
        return new Student(id, name, grade, advisorId, mastery, goals, interests, prefersModalities, avoidsModalities,
                accommodations, keepApart, peers, true, presentBlocks, commitments);
    }

    /** This student with other accommodations (null: none), as a school's setup file says. */
    public Student withAccommodations(Accommodations newAccommodations) {
        return new Student(id, name, grade, advisorId, mastery, goals, interests, prefersModalities, avoidsModalities,
                newAccommodations, keepApart, peers, absent, presentBlocks, commitments);
    }

    /** This student with other standing goals. */
    public Student withGoals(List<Goal> newGoals) {
        return new Student(id, name, grade, advisorId, mastery, newGoals, interests, prefersModalities,
                avoidsModalities, accommodations, keepApart, peers, absent, presentBlocks, commitments);
    }

    /** This student with other interests. */
    public Student withInterests(List<String> newInterests) {
        return new Student(id, name, grade, advisorId, mastery, goals, newInterests, prefersModalities,
                avoidsModalities, accommodations, keepApart, peers, absent, presentBlocks, commitments);
    }

    /** This student kept apart from other students. */
    public Student withKeepApart(List<String> newKeepApart) {
        return new Student(id, name, grade, advisorId, mastery, goals, interests, prefersModalities, avoidsModalities,
                accommodations, newKeepApart, peers, absent, presentBlocks, commitments);
    }

    public Student {
        mastery = Lists.orEmpty(mastery);
        goals = Lists.orEmpty(goals);
        interests = Lists.orEmpty(interests);
        prefersModalities = Lists.orEmpty(prefersModalities);
        avoidsModalities = Lists.orEmpty(avoidsModalities);
        keepApart = Lists.orEmpty(keepApart);
        peers = Lists.orEmpty(peers);
        commitments = Lists.orEmpty(commitments);
    }

    public double masteryOf(String skillId) {
        return mastery.getOrDefault(skillId, 0.0);
    }

    public Accommodations accommodationsOrNone() {
        return accommodations == null ? new Accommodations(null, null, false, false, null) : accommodations;
    }

    /** Present in the block and not away on a fixed commitment. */
    public boolean availableIn(String blockId) {
        if (absent || (presentBlocks != null && !presentBlocks.contains(blockId))) {
            return false;
        }
        return commitments.stream().noneMatch(c -> blockId.equals(c.blockId()));
    }
}
