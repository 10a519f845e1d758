package org.regroup.benchmarks.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.regroup.domain.Leadership;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.plan.BlockPlan;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.SessionPlan;
import org.regroup.domain.plan.StudentDay;
import org.regroup.domain.plan.StudentDay.Status;

/**
 * Tiny days written for one rule each, where the right answer is known (benchmarks/src/test/resources/witness/); each
 * plan is also scored by Regroup's rules and must break none.
 */
class WitnessRulesTest {

    @Test
    void teachersSupervisePracticeWhenAdultLedSeatsAreShort() {
        // 30 students, two teachers who may each have 15: two small groups (12 each) would leave 6 without a seat.
        WitnessDaysTest.Scored s = scored("practice-when-seats-are-short.json");
        assertThat(s.kpis().placedShare()).isEqualTo(1.0);
        List<SessionPlan> sessions = block(s.plan(), "B1").sessions();
        assertThat(sessions).hasSize(2).allSatisfy(x -> {
            assertThat(x.staffId()).startsWith("T");
            assertThat(ModalityCatalog.defaults().get(x.modality()).leadership()).isEqualTo(Leadership.SUPERVISION);
            assertThat(x.students()).hasSize(15);
        });
    }

    @Test
    void travelTakesTheNeighbouringBlocksForTheStudentsAndTheAdult() {
        // The museum is 20 minutes away and the blocks 5 minutes apart: B1 and B3 are spent travelling.
        WitnessDaysTest.Scored s = scored("travel-takes-the-next-block.json");
        SessionPlan trip = block(s.plan(), "B2").sessions().stream().filter(x -> "MUSEUM".equals(x.spaceId()))
                .findFirst().orElseThrow();
        assertThat(trip.focus().id()).isEqualTo("museum");
        assertThat(trip.staffId()).isEqualTo("T1");
        assertThat(trip.students()).extracting(SessionPlan.Seat::studentId)
                .containsExactly("S01", "S02", "S03", "S04", "S05");
        for (String student : List.of("S01", "S02", "S03", "S04", "S05")) {
            assertThat(status(s.plan(), student, "B1")).isEqualTo(Status.TRAVEL);
            assertThat(status(s.plan(), student, "B3")).isEqualTo(Status.TRAVEL);
        }
        for (String b : List.of("B1", "B3")) {
            assertThat(block(s.plan(), b).sessions()).extracting(SessionPlan::staffId).doesNotContain("T1");
            assertThat(block(s.plan(), b).sessions()).flatExtracting(SessionPlan::students).hasSize(7);
        }
        assertThat(s.kpis().placedShare()).isEqualTo(1.0); // travel blocks are not blocks to place
    }

    @Test
    void studentsWhoNeedQuietGetTheQuietRoom() {
        WitnessDaysTest.Scored s = scored("quiet-seats.json");
        assertThat(s.kpis().placedShare()).isEqualTo(1.0);
        for (String quiet : List.of("S04", "S08", "S12")) {
            assertThat(entry(s.plan(), quiet, "B1").spaceId()).isEqualTo("QUIET");
        }
    }

    @Test
    void oneToOneMinutesAreGivenInFull() {
        // S01 needs 90 minutes (both blocks), S02 45 (one block).
        WitnessDaysTest.Scored s = scored("one-to-one-minutes.json");
        assertThat(entry(s.plan(), "S01", "B1").modality()).isEqualTo(ModalityCatalog.ONE_TO_ONE);
        assertThat(entry(s.plan(), "S01", "B2").modality()).isEqualTo(ModalityCatalog.ONE_TO_ONE);
        assertThat(List.of(entry(s.plan(), "S02", "B1").modality(), entry(s.plan(), "S02", "B2").modality()))
                .contains(ModalityCatalog.ONE_TO_ONE);
        for (BlockPlan b : s.plan().blocks()) {
            b.sessions().stream().filter(x -> x.modality().equals(ModalityCatalog.ONE_TO_ONE))
                    .forEach(x -> assertThat(x.students()).hasSize(1));
        }
        assertThat(s.kpis().placedShare()).isEqualTo(1.0);
    }

    @Test
    void keptApartStudentsNeverShareASessionAndTheCatchAllComesLast() {
        // One aide: S02 cannot join S01's group, so the catch-all takes S02 — and only S02.
        WitnessDaysTest.Scored s = scored("keep-apart.json");
        assertThat(s.kpis().placedShare()).isEqualTo(1.0);
        assertThat(entry(s.plan(), "S01", "B1").sessionId()).isNotEqualTo(entry(s.plan(), "S02", "B1").sessionId());
        Map<Status, List<String>> byStatus = s.plan().students().stream().collect(Collectors.groupingBy(
                d -> d.blocks().get(0).status(), Collectors.mapping(StudentDay::studentId, Collectors.toList())));
        assertThat(byStatus.get(Status.CATCH_ALL)).containsExactly("S02");
    }

    @Test
    void needsAreSpreadOverTheDayWhenTheLastBlockCannotMeetThemAll() {
        // One teacher, who may teach small groups (12) or supervise practice (15); seats for exactly everyone in
        // practice; S01 and S02 each owed a staff-led block, on skills they do not share. Waiting for the last block
        // (a group costs seats before) meets one of them there; spreading meets both, at the cost of seats.
        WitnessDaysTest.Scored s = scored("needs-crowd-the-last-block.json");
        assertThat(s.kpis().staffLedDelivered()).isEqualTo(2);
        assertThat(s.facts()).containsEntry("needsPolicy", "spread");
        assertThat(s.kpis().placedShare()).isLessThan(1.0);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static WitnessDaysTest.Scored scored(String resource) {
        WitnessDaysTest.Scored s = WitnessDaysTest.planAndScore(resource(resource));
        assertThat(s.score().hardScore()).as(resource + " breaks " + org.regroup.solver.explain.Explainer
                .brokenRules(s.day())).isZero();
        return s;
    }

    private static Path resource(String name) {
        try {
            return Path.of(WitnessRulesTest.class.getResource("/witness/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BlockPlan block(Plan plan, String id) {
        return plan.blocks().stream().filter(b -> b.blockId().equals(id)).findFirst().orElseThrow();
    }

    private static StudentDay.Entry entry(Plan plan, String student, String block) {
        return plan.students().stream().filter(d -> d.studentId().equals(student)).findFirst().orElseThrow()
                .blocks().stream().filter(e -> e.blockId().equals(block)).findFirst().orElseThrow();
    }

    private static Status status(Plan plan, String student, String block) {
        return entry(plan, student, block).status();
    }
}
