package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.domain.Student;
import org.regroup.domain.graph.SkillGraph;

/**
 * A school's workspace over HTTP: create it, send evidence, read a learner profile, plan days from the store. Where
 * a test asserts a plan's quality it lets the solve run until its best plan has that quality and then stops it (a
 * state, not a number of seconds: what a solve reaches in two seconds depends on how busy the machine is); every wait
 * has minutes of patience.
 */
class SchoolsIntegrationTest {

    private static RegroupServer server;
    private static Api api;
    private static Student student;
    private static String skill;

    @BeforeAll
    static void start() throws IOException {
        server = Api.start(Api.longSolves(1, 1));
        api = new Api(server);
        HttpResponse<String> created = api.post("/api/schools/demo", Api.small());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        student = Api.smallProblem().students().get(0);
        SkillGraph graph = SkillGraph.of(Api.smallProblem().skills(), Api.smallProblem().prerequisites());
        skill = graph.readySet(k -> student.mastery().getOrDefault(k, 0.0), 0.8).stream().sorted().findFirst()
                .orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Object> result(String eventId, boolean correct, String at) {
        return Map.of("eventId", eventId, "studentId", student.id(), "skillId", skill, "correct", correct,
                "observedAt", at, "source", "quiz");
    }

    @Test
    void evidenceUpdatesMasteryOnceAndTheProfileShowsItsHistory() throws IOException {
        Map<String, Object> batch = Map.of("results", List.of(result("q1", true, "2026-11-23T09:00:00Z"),
                result("q2", true, "2026-11-23T09:05:00Z")));

        HttpResponse<String> first = send(batch);
        HttpResponse<String> again = send(batch);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode r = Api.json(first);
        assertThat(r.get("applied").asInt()).isEqualTo(2);
        JsonNode change = r.get("students").get(0).get("mastery").get(0);
        assertThat(change.get("skillId").asText()).isEqualTo(skill);
        assertThat(change.get("after").asDouble()).isGreaterThan(change.get("before").asDouble());
        assertThat(Api.json(again).get("applied").asInt()).isZero();
        assertThat(Api.json(again).get("duplicates")).hasSize(2);

        JsonNode profile = Api.json(api.get("/api/schools/demo/students/" + student.id() + "/profile"));
        assertThat(profile.get("studentId").asText()).isEqualTo(student.id());
        assertThat(profile.get("readySet").isArray()).isTrue();
        JsonNode skillProfile = null;
        for (JsonNode s : profile.get("skills")) {
            if (s.get("skillId").asText().equals(skill)) {
                skillProfile = s;
            }
        }
        assertThat(skillProfile).isNotNull();
        assertThat(skillProfile.get("history")).hasSize(2);
        assertThat(skillProfile.get("mastery").asDouble()).isEqualTo(change.get("after").asDouble(),
                org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Api.json(api.get("/api/schools/demo")).get("evidence").asLong()).isEqualTo(2);
    }

    @Test
    void aBadBatchIs422WithEveryPathAndWritesNothing() throws IOException {
        long before = Api.json(api.get("/api/schools/demo")).get("evidence").asLong();
        Map<String, Object> bad = Map.of("results", List.of(Map.of("eventId", "b1", "studentId", "NOBODY",
                "skillId", skill, "correct", true, "observedAt", "2026-11-23T09:00:00Z")));

        JsonNode problem = Api.assertProblem(send(bad), 422);

        assertThat(problem.get("errors").get(0).get("path").asText()).isEqualTo("$.results[0].studentId");
        assertThat(Api.json(api.get("/api/schools/demo")).get("evidence").asLong()).isEqualTo(before);
        Api.assertProblem(api.post("/api/schools/demo/evidence", "{\"results\": [".getBytes()), 400);
    }

    @Test
    void unknownSchoolsAndStudentsAre404AndATakenIdIs409() {
        Api.assertProblem(api.get("/api/schools/nope/students/S0001/profile"), 404);
        Api.assertProblem(api.get("/api/schools/demo/students/NOBODY/profile"), 404);
        Api.assertProblem(api.post("/api/schools/demo", Api.small()), 409);
        Api.assertProblem(api.post("/api/schools/bad%20id", Api.small()), 400);
    }

    @Test
    void aDayIsPlannedFromTheStoreKeptAsADraftAndPublished() throws IOException {
        Student away = Api.smallProblem().students().get(5);
        HttpResponse<String> input = api.put("/api/schools/demo/days/2026-11-24/input", Map.of(
                "absentStudents", List.of(away.id()), "absentStaff", List.of("TU01"), "closedSpaces", List.of()));
        assertThat(input.statusCode()).as(input.body()).isEqualTo(200);
        JsonNode problem = Api.json(api.get("/api/schools/demo/days/2026-11-24/problem"));
        assertThat(problem.get("date").asText()).isEqualTo("2026-11-24");
        for (JsonNode st : problem.get("students")) {
            if (st.get("id").asText().equals(away.id())) {
                assertThat(st.get("absent").asBoolean()).isTrue();
            }
        }

        HttpResponse<String> started = api.post("/api/schools/demo/days/2026-11-24/plan?timeLimit=10m", new byte[0]);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String planId = Api.json(started).get("planId").asText();
        assertThat(Api.json(started).get("version").asInt()).isEqualTo(1);
        api.solveUntilWorkable(planId);
        JsonNode versions = awaitDraft("2026-11-24");

        assertThat(versions.get(0).get("status").asText()).isEqualTo("draft");
        assertThat(versions.get(0).get("score").asText()).matches("0hard/0medium/-?\\d+soft");
        JsonNode view = Api.json(api.get("/api/schools/demo/days/2026-11-24/plans/1"));
        assertThat(view.get("status").asText()).isEqualTo("draft");
        assertThat(view.get("kpis").get("placedShare").asDouble()).isPositive();
        JsonNode stored = view.get("plan");
        assertThat(stored.get("format").asText()).isEqualTo("regroup/plan");
        assertThat(stored.get("date").asText()).isEqualTo("2026-11-24");
        assertThat(Api.json(api.get("/api/schools/demo/days/2026-11-24/plans/1?plan=false")).has("plan")).isFalse();
        Api.assertProblem(api.get("/api/schools/demo/days/2026-11-24/plans/7"), 404);
        JsonNode published = Api.json(api.post("/api/schools/demo/days/2026-11-24/publish", new byte[0]));
        assertThat(published.get("version").asInt()).isEqualTo(1);
        assertThat(Api.json(api.get("/api/schools/demo/days/2026-11-24/plans")).get(0).get("status").asText())
                .isEqualTo("published");
    }

    @Test
    void theNextDayStartsFromTheLastPublishedPlanAndKeepsStudentsWithTheirAdults() throws IOException {
        HttpResponse<String> first = api.post("/api/schools/demo/days/2026-12-01/plan?timeLimit=10m", new byte[0]);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        api.solveUntilWorkable(Api.json(first).get("planId").asText());
        awaitDraft("2026-12-01");
        api.post("/api/schools/demo/days/2026-12-01/publish", new byte[0]);

        HttpResponse<String> next = api.post("/api/schools/demo/days/2026-12-02/plan?timeLimit=10m", new byte[0]);

        assertThat(next.statusCode()).as(next.body()).isEqualTo(202);
        JsonNode started = Api.json(next);
        assertThat(started.get("startedFrom").asText()).isEqualTo("2026-12-01 v1");
        // Stopped once workable: the warm start is what is tested here (how local search weighs moving students
        // against a better day is ContinuityTest's, by step counts).
        api.solveUntilWorkable(started.get("planId").asText());
        awaitDraft("2026-12-02");
        JsonNode before = Api.json(api.get("/api/schools/demo/days/2026-12-01/plans/1")).get("plan");
        JsonNode today = Api.json(api.get("/api/schools/demo/days/2026-12-02/plans/1"));
        JsonNode after = today.get("plan");
        JsonNode against = today.get("againstYesterday");
        assertThat(against.get("yesterday").asText()).isEqualTo("2026-12-01 v1");
        for (JsonNode row : against.get("kpis")) {
            String kpi = row.get("kpi").asText();
            assertThat(row.get("yesterday").asDouble()).as(kpi).isEqualTo(before.get("kpis").get(kpi).asDouble());
            assertThat(row.get("today").asDouble()).as(kpi).isEqualTo(after.get("kpis").get(kpi).asDouble());
            assertThat(row.get("change").asDouble()).as(kpi).isCloseTo(row.get("today").asDouble()
                    - row.get("yesterday").asDouble(), org.assertj.core.data.Offset.offset(1e-4));
        }
        assertThat(against.get("kpis").toString()).contains("\"kpi\":\"placedShare\"");
        org.regroup.domain.plan.Perturbations p = org.regroup.domain.plan.Perturbations.between(
                Api.JSON.treeToValue(before, org.regroup.domain.plan.Plan.class),
                Api.JSON.treeToValue(after, org.regroup.domain.plan.Plan.class), java.util.Set.of(),
                java.util.Set.of());
        assertThat(p.compared()).isPositive();
        // nobody's readiness changed between the days: the server counts the same perturbations
        JsonNode counted = against.get("perturbations");
        assertThat(List.of(counted.get("compared").asInt(), counted.get("forced").asInt(),
                counted.get("additional").asInt())).isEqualTo(List.of(p.compared(), p.forced(), p.additional()));
        assertThat(p.additionalShare()).as(p.toString() + "; planned from scratch about 70% move").isLessThan(0.25);
    }

    /**
     * Students with staff-led or 1:1 minimums go home after the first skill block: what the morning gave them is all
     * they get, and the re-plan must not hold that against it (before, it broke "Too few staff-led blocks" for good).
     */
    @Test
    void studentsGoneHomeAreOwedOnlyWhatTheirMorningGaveThem() throws IOException {
        planAndPublish("2026-12-10");
        List<String> owed = Api.smallProblem().students().stream().filter(s -> !s.absent()
                && (s.accommodationsOrNone().minStaffLedBlocksOrZero() > 0
                        || s.accommodationsOrNone().oneToOneMinutesOrZero() > 0)).map(s -> s.id()).toList();
        String from = Api.smallProblem().blocks().get(2).id();

        HttpResponse<String> changed = api.post("/api/schools/demo/days/2026-12-10/changes?timeLimit=10m",
                Api.JSON.writeValueAsBytes(Map.of("fromBlock", from, "studentsGone", owed)));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(202);
        assertThat(owed).hasSizeGreaterThan(5);
        String planId = Api.json(changed).get("planId").asText();
        api.awaitPlan(planId, SchoolsIntegrationTest::breaksNoHardRule, Api.PATIENCE);
        api.stop(planId);
        awaitStatus("2026-12-10", 2, "draft");
        JsonNode after = Api.json(api.get("/api/schools/demo/days/2026-12-10/plans/2")).get("plan");
        assertThat(after.get("feasible").asBoolean()).as(after.get("score").asText()).isTrue();
    }

    @Test
    void aTeacherGoneFromBlockFourOnMovesOnlyLaterBlocksAndTheDiffSaysWho() throws IOException {
        planAndPublish("2026-12-08");
        List<String> blocks = Api.smallProblem().blocks().stream().map(b -> b.id()).toList();
        String from = blocks.get(3);

        HttpResponse<String> changed = api.post("/api/schools/demo/days/2026-12-08/changes?timeLimit=2s",
                Api.JSON.writeValueAsBytes(Map.of("fromBlock", from, "staffAbsent", List.of("T01"))));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(202);
        JsonNode started = Api.json(changed);
        assertThat(started.get("version").asInt()).isEqualTo(2);
        assertThat(started.get("startedFrom").asText()).contains("v1 (published)");
        api.awaitNotSolving(started.get("planId").asText(), Api.PATIENCE); // ends at its 2 s limit
        awaitStatus("2026-12-08", 2, "draft");
        JsonNode diff = Api.json(api.get("/api/schools/demo/days/2026-12-08/diff?from=1&to=2"));
        assertThat(diff.get("moves").size()).isPositive();
        for (JsonNode move : diff.get("moves")) {
            assertThat(blocks.indexOf(move.get("blockId").asText())).as(move.toString()).isGreaterThanOrEqualTo(3);
            assertThat(move.path("staffAfter").asText()).isNotEqualTo("T01");
        }
        assertThat(diff.get("newRosters").toString()).contains("T01");
        JsonNode after = Api.json(api.get("/api/schools/demo/days/2026-12-08/plans/2")).get("plan");
        for (JsonNode student : after.get("students")) {
            for (JsonNode e : student.get("blocks")) {
                if (blocks.indexOf(e.get("blockId").asText()) >= 3) {
                    assertThat(e.path("staffId").asText()).isNotEqualTo("T01");
                }
            }
        }
        Api.assertProblem(api.post("/api/schools/demo/days/2026-12-08/changes", Api.JSON.writeValueAsBytes(
                Map.of("fromBlock", "B99"))), 422);
        Api.assertProblem(api.post("/api/schools/demo/days/2026-12-09/changes", Api.JSON.writeValueAsBytes(
                Map.of("fromBlock", from))), 409);
    }

    @Test
    void aChangeSentWhileTheDayStillSolvesIsTakenByTheSolveAndTheFinishedPlanHonoursIt() throws IOException {
        HttpResponse<String> first = api.post("/api/schools/demo/days/2026-12-15/plan?timeLimit=10m", new byte[0]);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        String planId = Api.json(first).get("planId").asText();
        api.awaitSolvingWithPlan(planId, Api.PATIENCE);
        JsonNode solving = Api.json(api.get("/api/plans/" + planId)).get("plan");
        List<String> blocks = Api.smallProblem().blocks().stream().map(b -> b.id()).toList();
        String from = blocks.get(3);
        String student = Api.smallProblem().students().stream().filter(s -> !s.absent()).skip(7).findFirst()
                .orElseThrow().id();
        String room = null;
        for (JsonNode session : solving.get("blocks").get(4).get("sessions")) {
            if (!session.get("catchAll").asBoolean() && session.hasNonNull("spaceId")
                    && !"T01".equals(session.path("staffId").asText())) {
                room = session.get("spaceId").asText();
                break;
            }
        }
        assertThat(room).as("a room in use in block 5").isNotNull();

        HttpResponse<String> changed = api.post("/api/schools/demo/days/2026-12-15/changes",
                Api.JSON.writeValueAsBytes(Map.of("fromBlock", from, "staffAbsent", List.of("T01"),
                        "spacesClosed", List.of(room), "studentsGone", List.of(student))));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(202);
        JsonNode taken = Api.json(changed);
        assertThat(taken.get("version").asInt()).as("the running version took it").isEqualTo(1);
        assertThat(taken.get("planId").asText()).isEqualTo(planId);
        assertThat(taken.get("startedFrom").asText()).endsWith("v1 (solving)");
        JsonNode diff = taken.get("diff");
        assertThat(diff.get("from").asInt()).isEqualTo(1);
        assertThat(diff.get("moves").size()).as(diff.toString()).isPositive();
        for (JsonNode move : diff.get("moves")) {
            assertThat(blocks.indexOf(move.get("blockId").asText())).as(move.toString()).isGreaterThanOrEqualTo(3);
            assertThat(move.has("spaceAfter")).isFalse();
        }
        assertThat(diff.get("newRosters").toString()).contains("T01");

        // Solving goes on with the changed day until its best plan honours the change and breaks no hard rule; then
        // it is stopped (its final plan is the best so far, at least as good).
        String changedFrom = from;
        String closedRoom = room;
        api.awaitPlan(planId, p -> breaksNoHardRule(p) && honours(Api.json(api.get("/api/plans/" + planId))
                .path("plan"), blocks.indexOf(changedFrom), closedRoom, student), Api.PATIENCE);
        api.stop(planId);
        // The solve's day is the changed one: T01's roster says they are away from the change on, not free.
        JsonNode roster = Api.json(api.get("/api/plans/" + planId + "/rosters/T01"));
        for (JsonNode block : roster.get("blocks")) {
            if (blocks.indexOf(block.get("blockId").asText()) >= 3) {
                assertThat(block.get("status").asText()).as(block.toString()).isEqualTo("away");
            }
        }
        awaitStatus("2026-12-15", 1, "draft");
        JsonNode plan = Api.json(api.get("/api/schools/demo/days/2026-12-15/plans/1")).get("plan");
        for (JsonNode day : plan.get("students")) {
            for (JsonNode e : day.get("blocks")) {
                if (blocks.indexOf(e.get("blockId").asText()) < 3) {
                    continue;
                }
                assertThat(e.path("staffId").asText()).as(e.toString()).isNotEqualTo("T01");
                assertThat(e.path("spaceId").asText()).as(e.toString()).isNotEqualTo(room);
                if (day.get("studentId").asText().equals(student)) {
                    assertThat(e.get("status").asText()).as(e.toString()).isEqualTo("absent");
                }
            }
        }
        assertThat(plan.get("feasible").asBoolean()).as(plan.get("score").asText()).isTrue();
    }

    /** Plans the day for 2 s (it ends at that limit; nothing here depends on the plan's quality) and publishes it. */
    private static void planAndPublish(String day) throws IOException {
        HttpResponse<String> first = api.post("/api/schools/demo/days/" + day + "/plan?timeLimit=2s", new byte[0]);
        api.awaitNotSolving(Api.json(first).get("planId").asText(), Api.PATIENCE);
        awaitDraft(day);
        api.post("/api/schools/demo/days/" + day + "/publish", new byte[0]);
    }

    /** A plan status whose best plan breaks no hard rule. */
    private static boolean breaksNoHardRule(JsonNode status) {
        return status.path("score").asText().startsWith("0hard/");
    }

    /** The plan honours a change from block index {@code from} on: no T01, not in {@code room}, the student gone. */
    private static boolean honours(JsonNode plan, int from, String room, String student) {
        List<String> blocks = Api.smallProblem().blocks().stream().map(b -> b.id()).toList();
        for (JsonNode day : plan.path("students")) {
            for (JsonNode e : day.path("blocks")) {
                if (blocks.indexOf(e.get("blockId").asText()) < from) {
                    continue;
                }
                if ("T01".equals(e.path("staffId").asText()) || room.equals(e.path("spaceId").asText())
                        || day.get("studentId").asText().equals(student)
                        && !"absent".equals(e.get("status").asText())) {
                    return false;
                }
            }
        }
        return plan.path("students").size() > 0;
    }

    private static void awaitStatus(String day, int version, String status) {
        long deadline = System.nanoTime() + Api.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode v : Api.json(api.get("/api/schools/demo/days/" + day + "/plans"))) {
                if (v.get("version").asInt() == version && v.get("status").asText().equals(status)) {
                    return;
                }
            }
            Api.sleep(100);
        }
        throw new AssertionError("version " + version + " of " + day + " never became " + status);
    }

    @Test
    void aDayInputNamingUnknownPeopleIs422AndPublishingWithoutADraftIs409() {
        JsonNode problem = Api.assertProblem(api.put("/api/schools/demo/days/2026-11-25/input", Map.of(
                "absentStudents", List.of("NOBODY"), "closedSpaces", List.of("NOWHERE"))), 422);
        assertThat(problem.get("errors")).extracting(e -> e.get("path").asText())
                .containsExactly("$.absentStudents[0]", "$.closedSpaces[0]");
        Api.assertProblem(api.post("/api/schools/demo/days/2026-11-25/publish", new byte[0]), 409);
        Api.assertProblem(api.get("/api/schools/demo/days/not-a-date/plans"), 400);
    }

    private static JsonNode awaitDraft(String day) {
        long deadline = System.nanoTime() + Api.PATIENCE.toNanos();
        JsonNode versions = null;
        while (System.nanoTime() < deadline) {
            versions = Api.json(api.get("/api/schools/demo/days/" + day + "/plans"));
            if (!versions.get(0).get("status").asText().equals("solving")) {
                return versions;
            }
            Api.sleep(100);
        }
        throw new AssertionError("the newest version of " + day + " is still solving after " + Api.PATIENCE + ": "
                + versions);
    }

    private static HttpResponse<String> send(Object batch) throws IOException {
        return api.post("/api/schools/demo/evidence", Api.JSON.writeValueAsBytes(batch));
    }
}
