package org.regroup.benchmarks.witness;

import java.util.List;

import org.regroup.domain.FocusKind;
import org.regroup.domain.Leadership;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.catalog.ModalityCatalog;

/**
 * What a modality of the day's catalog means for the rules (docs/format.md, "Modality"): read from its fields, so a
 * school's own modalities are handled like the standard ones. Only 1:1 and online practice are known by id, because
 * the accommodations name them.
 */
final class Modes {

    private Modes() {
    }

    /** Teacher-led and qualified-adult modalities are staff-led; supervision ones are not. */
    static boolean staffLed(ModalitySpec m) {
        return m.leadership() != Leadership.SUPERVISION;
    }

    /** Staff-led modalities need an adult qualified for the session's skill. */
    static boolean needsQualifiedAdult(ModalitySpec m) {
        return staffLed(m);
    }

    /** The whole group works on one focus (absent means yes). */
    static boolean shared(ModalitySpec m) {
        return !Boolean.FALSE.equals(m.sharedFocus());
    }

    static boolean offSite(ModalitySpec m) {
        return Boolean.TRUE.equals(m.offSite());
    }

    static boolean serves(ModalitySpec m, FocusKind kind) {
        return m.focusKinds() != null && m.focusKinds().contains(kind);
    }

    static List<String> requiredFeatures(ModalitySpec m) {
        return m.requiredFeatures() == null ? List.of() : m.requiredFeatures();
    }

    static boolean oneToOne(ModalitySpec m) {
        return ModalityCatalog.ONE_TO_ONE.equals(m.id());
    }

    static boolean online(ModalitySpec m) {
        return ModalityCatalog.ONLINE_PRACTICE.equals(m.id());
    }

    /** Supervised practice on a skill: each student on their own, an adult supervising, on site. */
    static boolean practice(ModalitySpec m) {
        return !staffLed(m) && !shared(m) && !offSite(m) && serves(m, FocusKind.SKILL);
    }

    /** Most students one session of this modality may hold with this adult's own cap (null: none). */
    static int cap(ModalitySpec m, Integer adultMaxStudents) {
        int cap = Math.min(m.maxSize(), m.studentsPerAdult());
        return adultMaxStudents == null ? cap : Math.min(cap, adultMaxStudents);
    }
}
