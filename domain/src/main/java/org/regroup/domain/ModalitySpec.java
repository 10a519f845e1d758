package org.regroup.domain;

import java.util.List;
import java.util.Set;

/**
 * How a session is run. A school's catalog entry may leave fields out: they are taken from the built-in default of
 * the same id (see {@link org.regroup.domain.catalog.ModalityCatalog}).
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
        Integer studentsPerAdult, List<String> requiredFeatures, Set<SkillState> suits, Set<FocusKind> focusKinds,
        Boolean sharedFocus, Boolean offSite) {
}
