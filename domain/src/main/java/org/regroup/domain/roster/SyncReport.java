package org.regroup.domain.roster;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a sync changes in a school's standing data, by id (never a name): students and staff new, changed (which
 * fields) and gone, and the qualifications the classes suggest, with whether they were applied; suggestions for a
 * subject none of the school's skills is in ({@code ela} in a school planning math) cannot be applied, and are listed
 * apart.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SyncReport(Changes students, Changes staff, List<ImportedRoster.Suggestion> qualifications,
        boolean qualificationsAccepted, List<ImportedRoster.Suggestion> qualificationsWithoutSkills) {

    /** One kind of people: ids new, changed and gone; how many stay as they were, and how many there are after. */
    @JsonInclude(JsonInclude.Include.ALWAYS) // an empty list says "nobody", which a preview must say
    public record Changes(@JsonProperty("new") List<String> added, List<Changed> changed, List<String> gone,
            int unchanged, int total) {

        public boolean none() {
            return added.isEmpty() && changed.isEmpty() && gone.isEmpty();
        }
    }

    /** Someone whose imported fields differ: which ({@code name}, {@code grade 3 → 4}, {@code role}…). */
    public record Changed(String id, List<String> fields) {
    }

    /** Nothing to write: no one new, changed or gone (and no qualification to add). */
    public boolean nothingChanged() {
        return students.none() && staff.none();
    }
}
