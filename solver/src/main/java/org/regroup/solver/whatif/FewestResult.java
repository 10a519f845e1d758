package org.regroup.solver.whatif;

import java.time.Duration;
import java.util.List;

import org.regroup.domain.StaffRole;

/**
 * "The fewest aides that still honour every accommodation": the answer and the plans on each side of the boundary.
 *
 * @param role       whose number was searched
 * @param inBase     adults of that role in the base day
 * @param fewest     the smallest number kept with a workable plan and every accommodation met; null when even
 *                   all of them are not enough
 * @param removalOrder the ids in the order they were removed (the first {@code inBase - fewest} are gone at the
 *                   answer)
 * @param atFewest   the plan with {@code fewest} kept
 * @param oneFewer   the plan with one fewer (null when {@code fewest} is 0, or when that day cannot be planned at
 *                   all: its {@link Tried#note} says why): what breaks
 * @param tried      every count solved, in the order the search tried them
 * @param searchedFor wall time of the search
 */
public record FewestResult(StaffRole role, int inBase, Integer fewest, List<String> removalOrder,
        VariantResult atFewest, VariantResult oneFewer, List<Tried> tried, Duration searchedFor) {

    /**
     * One count the search tried, and whether it honoured every accommodation.
     *
     * @param note why not, when the day could not even be planned (e.g. a block left without any adult)
     */
    public record Tried(int kept, boolean honoursEveryAccommodation, int unmetStudents, boolean workable,
            String note) {

        static Tried of(int kept, VariantResult r) {
            return new Tried(kept, r.honoursEveryAccommodation(), r.unmetStudents(), r.workable(), null);
        }
    }
}
