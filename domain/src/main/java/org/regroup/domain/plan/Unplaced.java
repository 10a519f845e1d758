package org.regroup.domain.plan;

import java.util.List;

/** A present student-block the plan could not place, with the reasons the solver saw. */
public record Unplaced(String studentId, String blockId, List<String> reasons) {

    /** A plan leaves empty lists out; read back, they are empty again. */
    public Unplaced {
        reasons = reasons == null ? List.of() : reasons;
    }
}
