package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.DayProblem;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.testing.ServerProcess;

/**
 * The store is the one home of every plan: a scheduler plans a day, a teacher overrides one placement (a new version,
 * pinned), the scheduler publishes it, and the teacher's roster at its lasting address is the same after the server
 * is killed with SIGKILL and started again — with the override, and stamped with its version and status. Planning the
 * day again keeps the override.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LastingAddressesIntegrationTest {

    private static final String DAY = "api/schools/home/days/2026-11-23";
    /** How long a wait for a state may take on a busy machine (seconds; a few on an idle one). */
    private static final int PATIENCE = 240;

    @TempDir
    Path dir;

    @Test
    void anOverriddenPublishedRosterIsTheSameAfterAKillAndARestartAndEveryLaterPlanKeepsTheOverride()
            throws Exception {
        DayProblem small = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);
        List<String> blocks = small.blocks().stream().map(b -> b.id()).toList();
        String staffId;
        String rosterBefore;
        String planIdOfV2;
        String[] seat;
        String chosen;
        try (ServerProcess first = ServerProcess.start(dir)) {
            assertThat(first.post("api/schools/home", ServerProcess.JSON.writeValueAsBytes(small)).statusCode())
                    .isEqualTo(201);
            assertThat(first.post(DAY + "/plan?timeLimit=3s", new byte[0]).statusCode()).isEqualTo(202);
            JsonNode v1 = first.await(DAY + "/plans/1", v -> v.path("status").asText().equals("draft"), PATIENCE);
            assertThat(first.get(DAY + "/rosters/T01").statusCode()).as("nothing published yet").isEqualTo(404);

            // A teacher looks at the alternatives for a student in the third block, then chooses the first.
            seat = placedIn(v1.get("plan"), blocks.get(2));
            String at = DAY + "/placements/" + seat[0] + "/" + seat[1];
            JsonNode alternatives = first.json(at + "/alternatives?version=1").get("alternatives");
            assertThat(alternatives.size()).as("somewhere else to go").isPositive();
            if (v1.get("feasible").asBoolean()) {
                alternatives.forEach(a -> assertThat(HardMediumSoftScore.parseScore(a.get("scoreChange").asText())
                        .hardScore()).as("no alternative breaks a hard rule: %s", a).isZero());
            }
            chosen = alternatives.get(0).get("sessionId").asText();
            staffId = alternatives.get(0).get("staffId").asText();
            HttpResponse<String> put = first.put(at + "?version=1", Map.of("sessionId", chosen, "reason",
                    "works better with this group", "requestedBy", "T02", "timeLimit", "2s"));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(202);
            JsonNode started = ServerProcess.JSON.readTree(put.body());
            assertThat(started.get("version").asInt()).isEqualTo(2);
            planIdOfV2 = started.get("planId").asText();

            JsonNode v2 = first.await(DAY + "/plans/2", v -> v.path("status").asText().equals("draft"), PATIENCE);
            assertThat(v2.get("madeFrom").get("kind").asText()).isEqualTo("override");
            assertThat(v2.get("madeFrom").get("baseVersion").asInt()).isEqualTo(1);
            assertThat(v2.get("madeFrom").get("override").get("reason").asText())
                    .isEqualTo("works better with this group");
            // signed in, an override is recorded under the account that made it, not the name the body gives
            assertThat(v2.get("madeFrom").get("override").get("requestedBy").asText())
                    .isEqualTo(first.json("api/session").get("accountId").asText());
            assertThat(sessionOf(v2.get("plan"), seat[0], seat[1])).isEqualTo(chosen);
            for (JsonNode move : v2.get("changes").get("moves")) {
                assertThat(blocks.indexOf(move.get("blockId").asText())).as("nobody moves earlier: %s", move)
                        .isGreaterThanOrEqualTo(2);
            }
            assertThat(v2.get("changes").get("moves").toString()).contains(seat[0]);

            assertThat(first.post(DAY + "/publish?version=2", new byte[0]).statusCode()).isEqualTo(200);
            HttpResponse<String> roster = first.get(DAY + "/rosters/" + staffId);
            assertThat(roster.statusCode()).as(roster.body()).isEqualTo(200);
            rosterBefore = roster.body();
            JsonNode r = ServerProcess.JSON.readTree(rosterBefore);
            assertThat(r.get("stamp").get("version").asInt()).isEqualTo(2);
            assertThat(r.get("stamp").get("status").asText()).isEqualTo("published");
            assertThat(r.get("stamp").get("since").asInt()).isEqualTo(1);
            assertThat(r.get("changes").toString()).as("the teacher sees who joins").contains(seat[0]);
            assertThat(rosterBefore).contains(seat[0]);
        } // SIGKILL

        try (ServerProcess second = ServerProcess.start(dir)) {
            HttpResponse<String> roster = second.get(DAY + "/rosters/" + staffId);
            assertThat(roster.statusCode()).as(roster.body()).isEqualTo(200);
            assertThat(ServerProcess.JSON.readTree(roster.body())).isEqualTo(ServerProcess.JSON.readTree(rosterBefore));
            assertThat(second.get(DAY + "/rosters/" + staffId, "Accept", "text/html").body())
                    .contains("Version 2 · published");
            // The address handed out for the solve answers too, from the store.
            assertThat(second.get("api/plans/" + planIdOfV2 + "/rosters/" + staffId).statusCode()).isEqualTo(200);
            JsonNode card = second.json(DAY + "/students/" + seat[0]);
            assertThat(card.get("version").get("version").asInt()).isEqualTo(2);
            assertThat(second.json(DAY + "/analysis").get("version").get("status").asText()).isEqualTo("published");
            JsonNode unplaced = second.json(DAY + "/unplaced");
            assertThat(unplaced.get("count").asInt()).isEqualTo(unplaced.path("unplaced").size());
            assertThat(unplaced.get("version").get("version").asInt()).isEqualTo(2);
            assertThat(second.json("api/schools/home/days").get(0).get("published").asInt()).isEqualTo(2);

            // Planning the day again (new evidence overnight, say) keeps the teacher's override.
            assertThat(second.post(DAY + "/plan?timeLimit=3s", new byte[0]).statusCode()).isEqualTo(202);
            JsonNode v3 = second.await(DAY + "/plans/3", v -> v.path("status").asText().equals("draft"), PATIENCE);
            assertThat(sessionOf(v3.get("plan"), seat[0], seat[1])).as("the pin holds").isEqualTo(chosen);
            assertThat(v3.get("madeFrom").get("pins").toString()).contains(chosen);
        }
    }

    /** A day planned without a school is kept too: its plan id and its roster answer after a SIGKILL and a restart. */
    @Test
    void aDayPlannedWithoutASchoolAnswersAtItsAddressAfterAKillAndARestart() throws Exception {
        DayProblem small = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 2);
        String id;
        String roster;
        String score;
        try (ServerProcess first = ServerProcess.start(dir)) {
            HttpResponse<String> submitted = first.post("api/plans?timeLimit=2s",
                    ServerProcess.JSON.writeValueAsBytes(small));
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
            id = ServerProcess.JSON.readTree(submitted.body()).get("id").asText();
            score = first.await("api/plans/" + id + "?plan=false", p -> p.path("status").asText()
                    .equals("NOT_SOLVING"), PATIENCE).get("score").asText();
            // The store writes the plan when the solve ends, just after followers hear it: wait for it to be kept.
            first.await("api/plans", l -> l.toString().contains(id) && l.get(0).path("status").asText()
                    .equals("draft"), PATIENCE);
            roster = first.get("api/plans/" + id + "/rosters/T01").body();
        } // SIGKILL

        try (ServerProcess second = ServerProcess.start(dir)) {
            JsonNode plan = second.json("api/plans/" + id + "?plan=false");
            assertThat(plan.get("status").asText()).isEqualTo("NOT_SOLVING");
            assertThat(plan.get("score").asText()).isEqualTo(score);
            assertThat(ServerProcess.JSON.readTree(second.get("api/plans/" + id + "/rosters/T01").body()))
                    .isEqualTo(ServerProcess.JSON.readTree(roster));
            assertThat(second.json("api/plans/" + id + "/analysis").get("score").asText()).isEqualTo(score);
            assertThat(second.json("api/plans").get(0).get("id").asText()).isEqualTo(id);
        }
    }

    /** A placed student-block of {@code blockId} with a staffed session: student, block, session. */
    private static String[] placedIn(JsonNode plan, String blockId) {
        List<String[]> seats = new ArrayList<>();
        for (JsonNode s : plan.get("students")) {
            for (JsonNode e : s.get("blocks")) {
                if (e.get("blockId").asText().equals(blockId) && e.get("status").asText().equals("placed")
                        && e.hasNonNull("staffId")) {
                    seats.add(new String[] {s.get("studentId").asText(), blockId, e.get("sessionId").asText()});
                }
            }
        }
        assertThat(seats).as("placed students in " + blockId).isNotEmpty();
        return seats.get(seats.size() / 2);
    }

    private static String sessionOf(JsonNode plan, String studentId, String blockId) {
        for (JsonNode s : plan.get("students")) {
            if (s.get("studentId").asText().equals(studentId)) {
                for (JsonNode e : s.get("blocks")) {
                    if (e.get("blockId").asText().equals(blockId)) {
                        return e.path("sessionId").asText(null);
                    }
                }
            }
        }
        return null;
    }
}
