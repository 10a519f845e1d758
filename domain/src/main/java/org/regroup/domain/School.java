package org.regroup.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * School-wide settings.
 *
 * @param masteryThreshold a skill counts as mastered at this mastery or above (default 0.8)
 * @param practisingFrom   mastery from which a ready skill is "practising" rather than "new" (default 0.3)
 * @param nearMasteryFrom  mastery from which a ready skill is "near mastery" (default 0.6)
 * @param catchAll         the supervised default places a student goes when nothing better fits
 * @param sourcedId        the school's id in its student information system (its OneRoster org's sourcedId), when
 *                         it came from one: what the day is sent back to the SIS under
 */
public record School(String id, String name, Double masteryThreshold, Double practisingFrom, Double nearMasteryFrom,
        List<CatchAll> catchAll, @JsonInclude(JsonInclude.Include.NON_NULL) String sourcedId) {

    public static final double DEFAULT_MASTERY_THRESHOLD = 0.8;
    public static final double DEFAULT_PRACTISING_FROM = 0.3;
    public static final double DEFAULT_NEAR_MASTERY_FROM = 0.6;

    public School {
        catchAll = Lists.orEmpty(catchAll);
    }

    /** The same settings with other supervised default places. */
    public School withCatchAll(List<CatchAll> newCatchAll) {
        return new School(id, name, masteryThreshold, practisingFrom, nearMasteryFrom, newCatchAll, sourcedId);
    }

    public double masteryThresholdOrDefault() {
        return masteryThreshold == null ? DEFAULT_MASTERY_THRESHOLD : masteryThreshold;
    }

    public double practisingFromOrDefault() {
        return practisingFrom == null ? DEFAULT_PRACTISING_FROM : practisingFrom;
    }

    public double nearMasteryFromOrDefault() {
        return nearMasteryFrom == null ? DEFAULT_NEAR_MASTERY_FROM : nearMasteryFrom;
    }

    /** The state of a ready skill at this mastery. */
    public SkillState stateOf(double mastery) {
        if (mastery >= nearMasteryFromOrDefault()) {
            return SkillState.NEAR_MASTERY;
        }
        return mastery >= practisingFromOrDefault() ? SkillState.PRACTISING : SkillState.NEW;
    }

    /**
     * A supervised default space: in the listed blocks (all when empty) it takes up to {@code capacity} students
     * (the space's own capacity when absent). A named supervisor is busy there for those blocks.
     */
    public record CatchAll(String spaceId, List<String> blocks, Integer capacity, String supervisorId) {
        public CatchAll {
            blocks = Lists.orEmpty(blocks);
        }

        public boolean coversBlock(String blockId) {
            return blocks.isEmpty() || blocks.contains(blockId);
        }
    }
}
