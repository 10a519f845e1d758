package org.regroup.benchmarks;

import static org.regroup.solver.constraints.Rules.*;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import org.regroup.solver.constraints.RegroupConstraintProvider;
import org.regroup.solver.constraints.Rules;

/**
 * The school's rules grouped by what a move makes Timefold look at again, for {@link ScoreSpeedProbe}'s
 * {@code --without}: rules over each student's day entries (a placement joined with its session's outline), over one
 * session, over an adult's day, over single placements. RuleFamiliesTest holds every rule in exactly one family.
 */
public final class RuleFamilies {

    public static final Map<String, List<String>> FAMILIES = Map.of(
            "day", List.of(STUDENT_TRAVEL, ADMIN_REQUEST, ONLINE_MAXIMUM, UNPLACED, STAFF_LED_MINIMUM,
                    ONE_TO_ONE_MINUTES, SAME_MODALITY_ALL_DAY, SAME_SKILL_TWICE, REQUEST_IGNORED),
            "session", List.of(SKILL_NOT_READY, SKILL_TOO_ADVANCED, GROUP_OVER_SIZE_CAP, STAFF_OVER_STUDENT_CAP,
                    STAFF_NOT_QUALIFIED, MODALITY_NOT_ALLOWED, MODALITY_WRONG_FOR_BLOCK, NO_SPACE, SPACE_OVER_CAPACITY,
                    SPACE_OVERBOOKED, SPACE_UNSUITABLE, SPACE_CLOSED, ACTIVITY_AWAY, OFF_SITE_UNSUPERVISED,
                    OFF_SITE_FORBIDDEN, KEEP_APART, QUIET_SPACE, GROUP_UNDER_MINIMUM, GOAL_MISSED, LESS_URGENT,
                    STATE_MISFIT, MODALITY_AVOIDED, MODALITY_NOT_PREFERRED, MIXED_MASTERY, PEERS_APART,
                    INTEREST_MISSED, BEHIND_UNSUPERVISED, PRACTISING_ALONE, OPEN_SESSION),
            "adult", List.of(STAFF_OVER_TEACHING_BLOCKS, STAFF_TRAVEL, STAFF_LOAD, STAFF_ROOM_CHANGE),
            "placement", List.of(ADVISOR_NOT_SEEN, CATCH_ALL_USED, MOVED_FROM_PREVIOUS, THREE_DAYS_RUNNING));

    private RuleFamilies() {
    }

    /**
     * Regroup's rules without those {@link #named} by the property {@code rules} (set by Timefold from the score
     * director's custom properties): the left-out rules get no nodes at all, as if never written.
     */
    public static final class Without extends RegroupConstraintProvider {

        private Set<String> rules = Set.of();

        public void setRules(String rules) {
            this.rules = named(rules);
        }

        @Override
        public Constraint[] defineConstraints(ConstraintFactory factory) {
            return Arrays.stream(super.defineConstraints(factory))
                    .filter(c -> !rules.contains(c.getConstraintRef().constraintName())).toArray(Constraint[]::new);
        }
    }

    /** Every rule's name (the constants of {@link Rules}). */
    public static List<String> allRules() {
        List<String> names = new ArrayList<>();
        for (Field field : Rules.class.getFields()) {
            if (field.getType() == String.class && Modifier.isStatic(field.getModifiers())) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    /**
     * The rules {@code what} names: a family, {@code all-but-one} (every rule but the first, so a score remains), or
     * rule names separated by {@code |}.
     */
    public static Set<String> named(String what) {
        if (FAMILIES.containsKey(what)) {
            return new LinkedHashSet<>(FAMILIES.get(what));
        }
        List<String> all = allRules();
        if (what.equals("all-but-one")) {
            return new LinkedHashSet<>(all.subList(1, all.size()));
        }
        Set<String> rules = new LinkedHashSet<>(List.of(what.split("\\|")));
        for (String rule : rules) {
            if (!all.contains(rule)) {
                throw new IllegalArgumentException("not a rule or family: " + rule + " (families: "
                        + String.join(", ", FAMILIES.keySet()) + ", all-but-one)");
            }
        }
        return rules;
    }
}
