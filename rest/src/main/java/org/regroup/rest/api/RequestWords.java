package org.regroup.rest.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.regroup.domain.DayProblem;
import org.regroup.store.StudentPaths;

/** A request in words, from the school's names: "09:00–09:50 · Fractions · Small group · with Ms Lee". */
final class RequestWords {
    private final Map<String, String> names = new java.util.HashMap<>();

    RequestWords(DayProblem s) {
        s.blocks().forEach(b -> names.put("block:" + b.id(), b.start() + "–" + b.end()));
        s.skills().forEach(k -> names.put("focus:" + k.id(), k.name() == null ? k.id() : k.name()));
        s.activities().forEach(a -> names.put("focus:" + a.id(), a.name() == null ? a.id() : a.name()));
        names.put("focus:advisory", "Advisory");
        org.regroup.domain.catalog.ModalityCatalog.of(s.modalities()).all().forEach(m ->
                names.put("modality:" + m.id(), m.name() == null ? m.id() : m.name()));
        s.staff().forEach(a -> names.put("staff:" + a.id(), a.name() == null ? a.id() : a.name()));
    }

    String of(StudentPaths.DayRequest r) {
        List<String> parts = new ArrayList<>();
        parts.add(r.blockId() == null ? "Any time" : names.getOrDefault("block:" + r.blockId(), r.blockId()));
        if (r.focus() != null) {
            parts.add(names.getOrDefault("focus:" + r.focus(), r.focus()));
        }
        if (r.modality() != null) {
            parts.add(names.getOrDefault("modality:" + r.modality(), r.modality()));
        }
        if (r.staffId() != null) {
            parts.add("with " + names.getOrDefault("staff:" + r.staffId(), r.staffId()));
        }
        return parts.stream().filter(Objects::nonNull).collect(Collectors.joining(" · "));
    }
}
