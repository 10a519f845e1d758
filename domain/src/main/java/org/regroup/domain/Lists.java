package org.regroup.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null-tolerant defaults for optional JSON collections (an absent list means an empty one). */
final class Lists {
    private Lists() {
    }

    /** Null entries are kept: the validator reports them by position instead of a constructor failing. */
    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        // keeps insertion order so that written files are byte-for-byte reproducible
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
