package org.regroup.domain.plan;

import java.util.List;

/** A present student-block the plan could not place, with the reasons the solver saw. */
public record Unplaced(String studentId, String blockId, List<String> reasons) {
}
