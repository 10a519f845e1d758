package org.regroup.domain;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a session is run. A school's catalog entry may leave fields out: they are taken from the built-in default of
 * the same id (see {@link org.regroup.domain.catalog.ModalityCatalog}). Its lists are written even when empty: absent
 * is the default, {@code []} is none (docs/format.md, "Absent versus empty").
 *
 * @param leadership       who must lead
 * @param studentsPerAdult students one adult may have in this modality
 * @param requiredFeatures features the space must have (e.g. "computers")
 * @param suits            skill states the modality suits
 * @param focusKinds       what sessions of this modality can be about
 * @param sharedFocus      the whole group works on one focus (false: each student on their own, e.g. online practice)
 * @param offSite          sessions of this modality happen at an off-site space
 */
public record ModalitySpec(String id, String name, Integer minSize, Integer maxSize, Leadership leadership,
        Integer studentsPerAdult, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> requiredFeatures,
        @JsonInclude(JsonInclude.Include.NON_NULL) Set<SkillState> suits,
        @JsonInclude(JsonInclude.Include.NON_NULL) Set<FocusKind> focusKinds, Boolean sharedFocus, Boolean offSite) {
}
