package org.regroup.domain.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.regroup.domain.FocusKind;
import org.regroup.domain.Leadership;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.SkillState;
import org.regroup.domain.StaffRole;

/**
 * The modalities a school runs: the eight standard ones with sensible defaults, overridden field by field (or
 * extended) by the school's own catalog entries.
 */
public final class ModalityCatalog {

    public static final String SMALL_GROUP = "small-group";
    public static final String ONE_TO_ONE = "one-to-one";
    public static final String ONLINE_PRACTICE = "online-practice";
    public static final String COLLABORATIVE_PROJECT = "collaborative-project";
    public static final String INDEPENDENT_PRACTICE = "independent-practice";
    public static final String PEER_TUTORING = "peer-tutoring";
    public static final String SEMINAR = "seminar";
    public static final String OFF_SITE = "off-site";

    private static final Set<SkillState> ALL_STATES = EnumSet.allOf(SkillState.class);

    /** Defaults drawn from practice: live groups of 5–20, 1:1 is one student, supervised practice up to a lab. */
    public static final List<ModalitySpec> DEFAULTS = List.of(
            spec(SMALL_GROUP, "Small-group instruction", 3, 12, Leadership.TEACHER, 12, List.of(),
                    EnumSet.of(SkillState.NEW, SkillState.PRACTISING), EnumSet.of(FocusKind.SKILL), true, false),
            spec(ONE_TO_ONE, "1:1 tutoring", 1, 1, Leadership.QUALIFIED_ADULT, 1, List.of(),
                    EnumSet.of(SkillState.NEW, SkillState.PRACTISING), EnumSet.of(FocusKind.SKILL), true, false),
            spec(ONLINE_PRACTICE, "Online practice", 1, 30, Leadership.SUPERVISION, 30, List.of("computers"),
                    EnumSet.of(SkillState.PRACTISING, SkillState.NEAR_MASTERY), EnumSet.of(FocusKind.SKILL), false,
                    false),
            spec(COLLABORATIVE_PROJECT, "Collaborative project", 3, 20, Leadership.QUALIFIED_ADULT, 20, List.of(),
                    EnumSet.of(SkillState.PRACTISING, SkillState.NEAR_MASTERY),
                    EnumSet.of(FocusKind.SKILL, FocusKind.ACTIVITY, FocusKind.ADVISORY), true, false),
            spec(INDEPENDENT_PRACTICE, "Independent practice", 1, 40, Leadership.SUPERVISION, 40, List.of(),
                    EnumSet.of(SkillState.PRACTISING, SkillState.NEAR_MASTERY), EnumSet.of(FocusKind.SKILL), false,
                    false),
            spec(PEER_TUTORING, "Peer tutoring", 2, 16, Leadership.SUPERVISION, 16, List.of(),
                    EnumSet.of(SkillState.PRACTISING), EnumSet.of(FocusKind.SKILL), true, false),
            spec(SEMINAR, "Seminar", 5, 20, Leadership.TEACHER, 20, List.of(),
                    EnumSet.of(SkillState.NEW, SkillState.NEAR_MASTERY),
                    EnumSet.of(FocusKind.SKILL, FocusKind.ADVISORY, FocusKind.ACTIVITY), true, false),
            spec(OFF_SITE, "Off-site experience", 4, 20, Leadership.QUALIFIED_ADULT, 12, List.of(),
                    ALL_STATES, EnumSet.of(FocusKind.ACTIVITY, FocusKind.SKILL), true, true));

    private final Map<String, ModalitySpec> byId;

    private ModalityCatalog(Map<String, ModalitySpec> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    public static ModalityCatalog defaults() {
        return of(List.of());
    }

    /** The defaults with the school's entries merged over them: a field the school leaves out keeps the default. */
    public static ModalityCatalog of(List<ModalitySpec> schoolEntries) {
        Map<String, ModalitySpec> merged = new LinkedHashMap<>();
        DEFAULTS.forEach(m -> merged.put(m.id(), m));
        for (ModalitySpec entry : schoolEntries) {
            ModalitySpec base = merged.get(entry.id());
            merged.put(entry.id(), base == null ? entry : overlay(base, entry));
        }
        return new ModalityCatalog(merged);
    }

    private static ModalitySpec overlay(ModalitySpec base, ModalitySpec o) {
        return new ModalitySpec(base.id(), pick(o.name(), base.name()), pick(o.minSize(), base.minSize()),
                pick(o.maxSize(), base.maxSize()), pick(o.leadership(), base.leadership()),
                pick(o.studentsPerAdult(), base.studentsPerAdult()), pick(o.requiredFeatures(), base.requiredFeatures()),
                pick(o.suits(), base.suits()), pick(o.focusKinds(), base.focusKinds()),
                pick(o.sharedFocus(), base.sharedFocus()), pick(o.offSite(), base.offSite()));
    }

    private static <T> T pick(T override, T base) {
        return override != null ? override : base;
    }

    private static ModalitySpec spec(String id, String name, int min, int max, Leadership leadership, int perAdult,
            List<String> features, Set<SkillState> suits, Set<FocusKind> focusKinds, boolean shared,
            boolean offSite) {
        return new ModalitySpec(id, name, min, max, leadership, perAdult, features, suits, focusKinds, shared, offSite);
    }

    public ModalitySpec get(String id) {
        return byId.get(id);
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public List<ModalitySpec> all() {
        return new ArrayList<>(byId.values());
    }

    /** Which modalities a role may lead when the staff record does not list them. */
    public static List<String> roleDefaults(StaffRole role) {
        Objects.requireNonNull(role);
        return switch (role) {
            case TEACHER -> List.of(SMALL_GROUP, ONE_TO_ONE, ONLINE_PRACTICE, COLLABORATIVE_PROJECT,
                    INDEPENDENT_PRACTICE, PEER_TUTORING, SEMINAR, OFF_SITE);
            case SPECIALIST -> List.of(SMALL_GROUP, ONE_TO_ONE, SEMINAR, INDEPENDENT_PRACTICE);
            case TUTOR -> List.of(ONE_TO_ONE, PEER_TUTORING, ONLINE_PRACTICE, INDEPENDENT_PRACTICE);
            case AIDE -> List.of(ONLINE_PRACTICE, INDEPENDENT_PRACTICE, PEER_TUTORING, COLLABORATIVE_PROJECT,
                    OFF_SITE);
            case COUNSELOR -> List.of(SEMINAR, COLLABORATIVE_PROJECT, INDEPENDENT_PRACTICE);
        };
    }

    /** "Teacher-led" modalities need certified staff: teachers, specialists and counselors. */
    public static boolean mayLead(StaffRole role, Leadership leadership) {
        return leadership != Leadership.TEACHER
                || role == StaffRole.TEACHER || role == StaffRole.SPECIALIST || role == StaffRole.COUNSELOR;
    }
}
