package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;
import org.regroup.domain.graph.SkillGraph;
import org.regroup.store.Role;

/**
 * A student's record over HTTP (docs/privacy.md): a school with evidence and a published plan; the record exported
 * whole by the district, refused to a teacher and the principal, erased by the school's admin; afterwards the student
 * is in no later day and no stored document, earlier versions still read, and both calls are in the audit log.
 */
class PrivacyIntegrationTest {

    private static final String DAY = "2026-11-24";
    private static final String NEXT_DAY = "2026-11-25";
    private static final String AWAY_DAY = "2026-11-20";

    private static RegroupServer server;
    private static Api district;
    private static Api schoolAdmin;
    private static Api teacher;
    private static Api principal;
    private static Api pupil;
    private static Student student;
    private static Pattern mentioned;

    @BeforeAll
    static void start() throws IOException {
        server = Api.start(Api.longSolves(1, 1));
        district = new Api(server);
        HttpResponse<String> created = district.post("/api/schools/demo", Api.small());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        DayProblem small = Api.smallProblem();
        String all = new String(Api.small());
        // a student present all day whose name appears once in the school (so "not in the JSON" means them)
        student = small.students().stream().filter(s -> !s.absent() && s.presentBlocks() == null
                && s.commitments().isEmpty() && s.name() != null && all.split(Pattern.quote(s.name()), -1).length == 2)
                .findFirst().orElseThrow();
        mentioned = Pattern.compile("(?<![\\w-])" + Pattern.quote(student.id()) + "(?![\\w-])|"
                + Pattern.quote(student.name()));
        schoolAdmin = new Api(server, Api.token(server, "admin@demo", Role.SCHOOL_ADMIN, "demo", null, Set.of()));
        teacher = new Api(server, Api.token(server, "teacher@demo", Role.TEACHER, "demo",
                small.staff().get(0).id(), Set.of()));
        principal = new Api(server, Api.token(server, "principal@demo", Role.PRINCIPAL, "demo", null, Set.of()));
        pupil = new Api(server, Api.token(server, "pupil@demo", Role.STUDENT, "demo", student.id(), Set.of()));
        Api.token(server, "guardian@demo", Role.GUARDIAN, "demo", null, Set.of(student.id()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String record(String studentId) {
        return "/api/schools/demo/students/" + studentId + "/record";
    }

    @Test
    void aStudentsRecordIsExportedWholeThenErasedAndLaterDaysAndStoredPlansNoLongerHoldThem() throws IOException {
        // evidence, an absence, a published day
        String skill = SkillGraph.of(Api.smallProblem().skills(), Api.smallProblem().prerequisites())
                .readySet(k -> student.mastery().getOrDefault(k, 0.0), 0.8).stream().sorted().findFirst()
                .orElseThrow();
        HttpResponse<String> sent = district.post("/api/schools/demo/evidence", Api.JSON.writeValueAsBytes(Map.of(
                "results", List.of(result("p1", skill, true, "2026-11-23T09:00:00Z"),
                        result("p2", skill, false, "2026-11-23T09:05:00Z")))));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(district.put("/api/schools/demo/days/" + AWAY_DAY + "/input",
                Map.of("absentStudents", List.of(student.id()))).statusCode()).isEqualTo(200);
        String planId = planAndPublish(DAY);
        JsonNode before = Api.json(district.get("/api/schools/demo/days/" + DAY + "/plans/1"));
        assertThat(mentioned.matcher(before.toString()).find()).as("the plan places them").isTrue();

        // the export: everything, for the district
        HttpResponse<String> exported = district.get(record(student.id()));
        assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
        JsonNode r = Api.json(exported);
        assertThat(r.get("format").asText()).isEqualTo("regroup/student-record");
        assertThat(r.at("/profile/id").asText()).isEqualTo(student.id());
        assertThat(r.at("/profile/name").asText()).isEqualTo(student.name());
        assertThat(r.get("mastery").findValuesAsText("skillId")).contains(skill);
        assertThat(r.get("evidence").findValuesAsText("eventId")).containsExactly("p1", "p2");
        assertThat(r.get("absences").toString()).isEqualTo("[\"" + AWAY_DAY + "\"]");
        JsonNode day = r.get("plans").get(0);
        assertThat(day.get("day").asText()).isEqualTo(DAY);
        assertThat(day.get("version").asInt()).isEqualTo(1);
        assertThat(day.get("status").asText()).isEqualTo("published");
        assertThat(day.get("blocks")).hasSize(Api.smallProblem().blocks().size());
        assertThat(day.get("blocks").findValuesAsText("blockId")).isNotEmpty();
        assertThat(r.get("accounts").findValuesAsText("username")).containsExactly("guardian@demo", "pupil@demo");
        assertThat(r.get("audit").findValuesAsText("action")).contains("POST /api/schools/{school}/evidence");
        String adult = null;
        for (JsonNode block : day.get("blocks")) {
            adult = adult != null ? adult : block.path("staffId").asText(null);
        }
        assertThat(adult).as("an adult they had that day").isNotNull();
        HttpResponse<String> roster = district.get("/api/schools/demo/days/" + DAY + "/rosters/" + adult);
        assertThat(roster.body()).contains(student.name());
        String rosterTag = roster.headers().firstValue("ETag").orElseThrow();

        // not for a teacher or the principal
        for (Api refused : List.of(teacher, principal)) {
            Api.assertProblem(refused.get(record(student.id())), 403);
            Api.assertProblem(refused.delete(record(student.id())), 403);
        }
        assertThat(district.get(record(student.id())).statusCode()).as("nothing erased").isEqualTo(200);

        // the erasure, by the school's admin
        HttpResponse<String> erasedAnswer = schoolAdmin.delete(record(student.id()));
        assertThat(erasedAnswer.statusCode()).as(erasedAnswer.body()).isEqualTo(200);
        JsonNode erased = Api.json(erasedAnswer);
        assertThat(erased.at("/removed/profile").asInt()).isEqualTo(1);
        assertThat(erased.at("/removed/mastery").asInt()).isEqualTo(r.get("mastery").size());
        assertThat(erased.at("/removed/evidence").asInt()).isEqualTo(2);
        assertThat(erased.at("/removed/accounts").asInt()).isEqualTo(1);
        assertThat(erased.at("/removed/guardianLinks").asInt()).isEqualTo(1);
        assertThat(erased.at("/anonymized/dayInputs").asInt()).isEqualTo(1);
        assertThat(erased.at("/anonymized/planVersions").asInt()).isEqualTo(1);
        assertThat(erased.get("auditEntriesKept").asInt()).isPositive();
        assertThat(mentioned.matcher(erased.path("removed").toString() + erased.path("anonymized")).find())
                .isFalse();

        // gone: the record, the profile, their mastery and evidence, their place in the school and its days
        Api.assertProblem(district.get(record(student.id())), 404);
        Api.assertProblem(district.delete(record(student.id())), 404);
        Api.assertProblem(district.get("/api/schools/demo/students/" + student.id() + "/profile"), 404);
        assertThat(Api.json(district.get("/api/schools/demo")).get("students").asInt())
                .isEqualTo(Api.smallProblem().students().size() - 1);
        assertThat(Api.json(district.get("/api/schools/demo")).get("evidence").asLong()).isZero();
        assertNotMentioned(district.get("/api/schools/demo/days/" + AWAY_DAY + "/input"));
        assertNotMentioned(district.get("/api/schools/demo/days/" + NEXT_DAY + "/problem"));
        assertThat(pupil.get("/api/schools/demo/students/" + student.id() + "/profile").statusCode())
                .as("their account is gone").isEqualTo(401);

        // the earlier version still reads, counts as they were, without them
        HttpResponse<String> earlier = district.get("/api/schools/demo/days/" + DAY + "/plans/1");
        assertNotMentioned(earlier);
        JsonNode after = Api.json(earlier);
        assertThat(after.get("kpis")).isEqualTo(before.get("kpis"));
        assertThat(after.at("/plan/students")).hasSize(before.at("/plan/students").size());
        assertThat(after.toString()).contains("erased-");
        assertNotMentioned(district.get("/api/schools/demo/days/" + DAY + "/analysis"));
        assertNotMentioned(district.send(district.request("/api/schools/demo/days/" + DAY + "/rosters/" + adult)
                .header("If-None-Match", rosterTag).GET().build()));
        assertNotMentioned(district.get("/api/plans/" + planId));

        // the next day is planned without them
        planAndPublish(NEXT_DAY);
        assertNotMentioned(district.get("/api/schools/demo/days/" + NEXT_DAY + "/plans/1"));

        // both calls are in the audit log, with the student's id
        JsonNode audit = Api.json(district.get("/api/schools/demo/audit?student=" + student.id()));
        List<String> calls = new ArrayList<>();
        audit.forEach(e -> calls.add(e.path("action").asText() + " " + e.path("role").asText() + " "
                + e.path("status").asInt()));
        assertThat(calls).contains(
                "GET /api/schools/{school}/students/{studentId}/record district-admin 200",
                "GET /api/schools/{school}/students/{studentId}/record teacher 403",
                "DELETE /api/schools/{school}/students/{studentId}/record principal 403",
                "DELETE /api/schools/{school}/students/{studentId}/record school-admin 200");
    }

    @Test
    void unknownStudentsAndSchoolsAre404AndAnErasureWaitsForARunningSolve() {
        Api.assertProblem(district.get(record("NOBODY")), 404);
        Api.assertProblem(district.delete(record("NOBODY")), 404);
        Api.assertProblem(district.get("/api/schools/nowhere/students/S0001/record"), 404);

        Student other = Api.smallProblem().students().stream().filter(s -> !s.id().equals(student.id()))
                .reduce((a, b) -> b).orElseThrow();
        HttpResponse<String> started = district.post("/api/schools/demo/days/2026-12-01/plan?timeLimit=10m",
                new byte[0]);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        try {
            Api.assertProblem(schoolAdmin.delete(record(other.id())), 409);
        } finally {
            district.stop(Api.json(started).get("planId").asText());
        }
        assertThat(district.get(record(other.id())).statusCode()).as("nothing erased").isEqualTo(200);
    }

    private static void assertNotMentioned(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(mentioned.matcher(response.body()).find()).as(response.uri() + ": " + response.body()).isFalse();
    }

    private static Map<String, Object> result(String eventId, String skill, boolean correct, String at) {
        return Map.of("eventId", eventId, "studentId", student.id(), "skillId", skill, "correct", correct,
                "observedAt", at, "source", "quiz");
    }

    /** Plans the day for 2 s (its quality does not matter here), waits for the draft and publishes it. */
    private static String planAndPublish(String day) {
        HttpResponse<String> started = district.post("/api/schools/demo/days/" + day + "/plan?timeLimit=2s",
                new byte[0]);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String planId = Api.json(started).get("planId").asText();
        district.awaitNotSolving(planId, Api.PATIENCE);
        long deadline = System.nanoTime() + Api.PATIENCE.toNanos();
        while (Api.json(district.get("/api/schools/demo/days/" + day + "/plans")).get(0).get("status").asText()
                .equals("solving")) {
            assertThat(System.nanoTime()).as("the version of " + day + " is stored").isLessThan(deadline);
            Api.sleep(100);
        }
        HttpResponse<String> published = district.post("/api/schools/demo/days/" + day + "/publish", new byte[0]);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return planId;
    }
}
