package org.regroup.solver.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.solver.model.Adult;
import org.regroup.solver.model.Ask;
import org.regroup.solver.model.DayPlan;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Period;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;

/**
 * The day builder on school shapes it was not tuned for (datasets/shapes): a studio with fewer adult-led seats than
 * students, and a field trip whose travel takes the neighbouring blocks. Construction only: the same plan on any
 * machine.
 */
class ShapeConstructionTest {

    private static DayPlan built(String shape) {
        Path file = Path.of("..", "datasets", "shapes", shape + ".json");
        DayProblem problem = DayPlanBuilder.validated(DayProblemReader.readOnly(file), file.toString());
        return DayConstructorTest.construct(problem);
    }

    @Test
    void aStudioShortOfAdultLedSeatsSeatsEveryoneWithTeachersSupervisingPractice() {
        DayPlan studio = built("studio");

        assertThat(studio.getScore().hardScore()).isZero();
        assertThat(studio.getPlacements()).allSatisfy(p -> assertThat(p.getSession()).as("%s", p).isNotNull());
        // fewer adult-led seats than students: teachers supervise practice in some block
        assertThat(studio.getSessions()).anySatisfy(s -> {
            assertThat(s.isOpen()).isTrue();
            assertThat(s.getAdult().getRole().name()).isEqualTo("TEACHER");
            assertThat(s.getMode().isStaffLed()).isFalse();
        });
        // and still every staff-led minimum is met: taught groups of eight in the small room, where the open
        // studio's seats, not the adults, bound the block
        java.util.Map<Learner, Integer> staffLed = new java.util.HashMap<>();
        for (Placement p : studio.getPlacements()) {
            if (p.getSession().givesStaffLedTime()) {
                staffLed.merge(p.getLearner(), 1, Integer::sum);
            }
        }
        assertThat(studio.getLearners()).filteredOn(l -> l.getMinStaffLedBlocks() > 0).isNotEmpty()
                .allSatisfy(l -> assertThat(staffLed.getOrDefault(l, 0)).as("staff-led blocks of %s", l.getId())
                        .isGreaterThanOrEqualTo(l.getMinStaffLedBlocks()));
        // and no group runs over its caps
        for (Session s : studio.getSessions()) {
            if (s.isOpen()) {
                assertThat(s.size()).as("%s", s).isLessThanOrEqualTo(s.groupCap()).isLessThanOrEqualTo(s.adultCap());
            }
        }
    }

    @Test
    void aTripWhoseTravelTakesTheNeighbouringBlocksIsPlannedWithThoseBlocksFree() {
        DayPlan day = built("offsite-travel");

        List<Session> trips = day.getSessions().stream().filter(s -> s.isOpen() && s.getRoom().isOffSite()).toList();
        assertThat(trips).as("the requested museum trip runs").hasSize(1);
        Session trip = trips.get(0);
        Adult guide = trip.getAdult();
        assertThat(guide.isMaySuperviseOffSite()).isTrue();
        Set<Period> travel = TripPlanner.travelBlocks(day, trip.getPeriod(), trip.getRoom());
        assertThat(travel).as("travel does not fit in the gaps").isNotEmpty();
        // the adult runs nothing in a travel block, and the students on the trip are travelling then
        assertThat(day.getSessions()).filteredOn(s -> s.getAdult() == guide && travel.contains(s.getPeriod()))
                .allSatisfy(s -> assertThat(s.isOpen()).as("%s", s).isFalse());
        Set<Learner> going = new HashSet<>();
        trip.getPlacements().forEach(p -> going.add(p.getLearner()));
        for (Placement p : day.getPlacements()) {
            if (going.contains(p.getLearner()) && travel.contains(p.getPeriod())) {
                assertThat(p.getSession()).as("%s travels", p).isNull();
            }
        }
        // only students who asked for it go, none of them kept on site
        Set<Learner> asked = new HashSet<>();
        for (Ask a : day.getAsks()) {
            if (a.focus() == trip.getSummary().getFocus()) {
                asked.add(a.learner());
            }
        }
        assertThat(going).isNotEmpty().allSatisfy(l -> {
            assertThat(asked).contains(l);
            assertThat(l.isNoOffSite()).isFalse();
        });
        assertThat(day.getScore().hardScore()).isZero();
        assertThat(day.getScore().mediumScore()).as("everyone else placed").isZero();
    }
}
