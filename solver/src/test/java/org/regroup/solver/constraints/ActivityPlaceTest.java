package org.regroup.solver.constraints;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;
import org.regroup.domain.StaffRole;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

class ActivityPlaceTest {

    private final ConstraintVerifier<RegroupConstraintProvider, DayPlan> verifier = ConstraintVerifier.build(
            new RegroupConstraintProvider(), DayPlan.class, DayPlan.ENTITY_CLASSES);

    @Test
    void museumTripAtTheMuseumHolds() {
        Day day = new Day();
        Room museum = day.room("MUSEUM", 25, 2, true, 20, null);
        day.activityAt("museum-trip", "off-site", museum);
        Adult chaperone = day.adult("T1", StaffRole.TEACHER, f -> true, 9, 30, true);
        Session trip = day.session(chaperone, day.act, "off-site", museum);
        for (int i = 0; i < 5; i++) {
            day.place(day.student("S" + i).interests("science").build(), trip);
        }
        verifier.verifyThat(RegroupConstraintProvider::activityAwayFromItsPlace).givenSolution(day.plan())
                .settingAllShadowVariables().hasNoImpact();
    }

    @Test
    void museumTripAtTheGardenBreaksForEveryStudent() {
        Day day = new Day();
        Room museum = day.room("MUSEUM", 25, 2, true, 20, null);
        Room garden = day.room("GARDEN", 20, 1, true, 10, null);
        day.activityAt("museum-trip", "off-site", museum);
        Adult chaperone = day.adult("T1", StaffRole.TEACHER, f -> true, 9, 30, true);
        Session trip = day.session(chaperone, day.act, "off-site", garden);
        for (int i = 0; i < 5; i++) {
            day.place(day.student("S" + i).interests("science").build(), trip);
        }
        verifier.verifyThat(RegroupConstraintProvider::activityAwayFromItsPlace).givenSolution(day.plan())
                .settingAllShadowVariables().penalizesBy(5);
    }
}
