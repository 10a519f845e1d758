package org.regroup.domain.scenario;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.regroup.domain.Space;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.Staff;
import org.regroup.domain.TimeBlock;

/**
 * One change a variant makes to the base day, named by {@code "type"} in JSON. {@link ScenarioChanges} applies them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Change.RemoveStaff.class, name = "remove-staff"),
        @JsonSubTypes.Type(value = Change.AddStaff.class, name = "add-staff"),
        @JsonSubTypes.Type(value = Change.StaffAvailability.class, name = "staff-availability"),
        @JsonSubTypes.Type(value = Change.StaffCaps.class, name = "staff-caps"),
        @JsonSubTypes.Type(value = Change.CloseSpace.class, name = "close-space"),
        @JsonSubTypes.Type(value = Change.OpenSpace.class, name = "open-space"),
        @JsonSubTypes.Type(value = Change.AddSpace.class, name = "add-space"),
        @JsonSubTypes.Type(value = Change.ChangeSpace.class, name = "change-space"),
        @JsonSubTypes.Type(value = Change.AddBlock.class, name = "add-block"),
        @JsonSubTypes.Type(value = Change.RemoveBlock.class, name = "remove-block"),
        @JsonSubTypes.Type(value = Change.ChangeBlockTimes.class, name = "change-block-times"),
        @JsonSubTypes.Type(value = Change.ModalityRules.class, name = "modality-rules"),
        @JsonSubTypes.Type(value = Change.Weights.class, name = "weights") })
public sealed interface Change {

    /** An adult leaves the day (their advisees and requests naming them go; commitments stay, without them). */
    record RemoveStaff(String staffId) implements Change {
    }

    /** A new adult (a hire, a substitute), with their cost per day for the comparison. */
    record AddStaff(Staff staff) implements Change {
    }

    /** The blocks an adult works ([] = away all day, absent = every block). */
    record StaffAvailability(String staffId, List<String> availableBlocks) implements Change {
    }

    /** An adult's caps: most blocks leading a group, most students at once (absent = unchanged). */
    record StaffCaps(String staffId, Integer maxTeachingBlocks, Integer maxStudents) implements Change {
    }

    /** A space cannot be used (in {@code blocks}, or all day when absent). */
    record CloseSpace(String spaceId, List<String> blocks) implements Change {
    }

    /** A space can be used in every block. */
    record OpenSpace(String spaceId) implements Change {
    }

    record AddSpace(Space space) implements Change {
    }

    /** A space used differently ("the library as an online lab"): the fields given replace the old ones. */
    record ChangeSpace(String spaceId, SpaceKind kind, Integer capacity, List<String> features, Integer maxGroups)
            implements Change {
    }

    record AddBlock(TimeBlock block) implements Change {
    }

    /** A block leaves the bell schedule (availability lists and requests naming it drop it). */
    record RemoveBlock(String blockId) implements Change {
    }

    /** A block starts or ends at other times (lengthened, shortened, moved). */
    record ChangeBlockTimes(String blockId, LocalTime start, LocalTime end) implements Change {
    }

    /** A modality's rules: group size bounds and students per adult (absent = unchanged). */
    record ModalityRules(String modalityId, Integer minSize, Integer maxSize, Integer studentsPerAdult)
            implements Change {
    }

    /** Soft rule weights, by rule name, over the base day's. */
    record Weights(Map<String, Integer> weights) implements Change {
    }
}
