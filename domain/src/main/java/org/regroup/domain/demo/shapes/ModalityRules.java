package org.regroup.domain.demo.shapes;

import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.ModalitySpec;
import org.regroup.domain.catalog.ModalityCatalog;

/**
 * A school's own sizes for the standard modalities, written into the day's {@code modalities} (null: the built-in
 * default): small groups of {@code smallGroupMin}..{@code smallGroupMax}; seminars and collaborative projects (the
 * other adult-led groups) of at most {@code adultLedMax}; online practice up to {@code onlinePerAdult} per adult.
 */
public record ModalityRules(Integer smallGroupMin, Integer smallGroupMax, Integer adultLedMax,
        Integer onlinePerAdult) {

    public static final ModalityRules DEFAULTS = new ModalityRules(null, null, null, null);
    /** Seminars start at five: a smaller cap on adult-led groups would leave no seminar at all. */
    private static final int SEMINAR_MIN = 5;

    public ModalityRules {
        if ((smallGroupMin != null && smallGroupMin < 1) || (smallGroupMax != null && smallGroupMax < 1)
                || (smallGroupMin != null && smallGroupMax != null && smallGroupMin > smallGroupMax)
                || (adultLedMax != null && adultLedMax < SEMINAR_MIN)
                || (onlinePerAdult != null && onlinePerAdult < 1)) {
            throw new IllegalArgumentException("small groups of " + smallGroupMin + ".." + smallGroupMax
                    + ", other adult-led groups up to " + adultLedMax + ", online practice up to " + onlinePerAdult
                    + " per adult");
        }
    }

    List<ModalitySpec> specs() {
        List<ModalitySpec> specs = new ArrayList<>();
        if (smallGroupMin != null || smallGroupMax != null) {
            specs.add(sized(ModalityCatalog.SMALL_GROUP, smallGroupMin, smallGroupMax));
        }
        if (adultLedMax != null) {
            specs.add(sized(ModalityCatalog.SEMINAR, null, adultLedMax));
            specs.add(sized(ModalityCatalog.COLLABORATIVE_PROJECT, null, adultLedMax));
        }
        if (onlinePerAdult != null) {
            specs.add(sized(ModalityCatalog.ONLINE_PRACTICE, null, onlinePerAdult));
        }
        return specs;
    }

    /** An override of sizes only: the group cap and the per-adult ratio are the same number. */
    private static ModalitySpec sized(String id, Integer min, Integer max) {
        return new ModalitySpec(id, null, min, max, null, max, null, null, null, null, null);
    }

    /** The largest small group, as the day will have it. */
    int smallGroupMaxOrDefault() {
        return smallGroupMax != null ? smallGroupMax
                : ModalityCatalog.defaults().get(ModalityCatalog.SMALL_GROUP).maxSize();
    }
}
