package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.domain.Student;
import org.regroup.domain.graph.SkillGraph;
import org.regroup.store.Role;

/**
 * Students own part of their path, over HTTP: goals set by the student (with their advisor) are recorded with who
 * set them and stand over the standing data's in the profile and the day problem; requests for a session are stored,
 * merged into the day when it is planned and listed with their outcome and how many others asked; who may do what;
 * bad ids are 422 at their path; an erasure leaves none of it behind.
 */
class StudentPathIntegrationTest {

    private static final String SCHOOL = "path";

    private static RegroupServer server;
    private static Api admin;
    private static List<Student> students;

    @BeforeAll
    static void start() throws IOException {
        server = Api.start(Api.longSolves(1, 1));
        admin = new Api(server);
        HttpResponse<String> created = admin.post("/api/schools/" + SCHOOL, Api.small());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        students = Api.smallProblem().students();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Api as(String name, Role role, String person, Set<String> children) {
        return new Api(server, Api.token(server, name, role, SCHOOL, person, children));
    }

    /** A skill the student is ready for that is not already one of their goals. */
    private static String readySkill(Student s) {
        SkillGraph graph = SkillGraph.of(Api.smallProblem().skills(), Api.smallProblem().prerequisites());
        Set<String> goals = new java.util.HashSet<>();
        s.goals().forEach(g -> goals.add(g.skill()));
        return graph.readySet(k -> s.mastery().getOrDefault(k, 0.0), 0.8).stream().sorted()
                .filter(k -> !goals.contains(k)).findFirst().orElseThrow();
    }

    /** A skill the student is ready for that none of their standing goals matches (not the skill, not its strand). */
    private static String readySkillOutsideTheirGoals(Student s) {
        SkillGraph graph = SkillGraph.of(Api.smallProblem().skills(), Api.smallProblem().prerequisites());
        return graph.readySet(k -> s.mastery().getOrDefault(k, 0.0), 0.8).stream().sorted()
                .filter(k -> s.goals().stream().noneMatch(g -> g.matches(graph.skill(k)))).findFirst().orElseThrow();
    }

    private static String goalsOf(String studentId) {
        return "/api/schools/" + SCHOOL + "/students/" + studentId + "/goals";
    }

    private static String requestsOn(LocalDate day) {
        return "/api/schools/" + SCHOOL + "/days/" + day + "/requests";
    }

    @Test
    void goalsSetByTheStudentAreRecordedAndStandOverTheStandingDataInTheProfileAndTheDay() {
        Student s = students.get(1);
        String skill = readySkill(s);
        Api student = as("goal-setter", Role.STUDENT, s.id(), Set.of());
        JsonNode before = Api.json(student.get(goalsOf(s.id())));
        assertThat(before.get("source").asText()).isEqualTo("standing data");

        HttpResponse<String> set = student.put(goalsOf(s.id()), List.of(Map.of("skill", skill, "priority", 1),
                Map.of("strand", Api.smallProblem().skills().get(0).strand())));

        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JsonNode goals = Api.json(as("goal-reader", Role.GUARDIAN, null, Set.of(s.id())).get(goalsOf(s.id())));
        assertThat(goals.get("source").asText()).isEqualTo("set");
        assertThat(goals.get("setBy").get("role").asText()).isEqualTo("student");
        assertThat(goals.get("setBy").get("accountId").asText()).startsWith("a_");
        assertThat(goals.get("setAt").asText()).isNotBlank();
        assertThat(goals.get("goals").get(0).get("skill").asText()).isEqualTo(skill);
        JsonNode profile = Api.json(admin.get("/api/schools/" + SCHOOL + "/students/" + s.id() + "/profile"));
        assertThat(profile.get("goals").get(0).get("skill").asText()).isEqualTo(skill);
        assertThat(profile.get("goals")).hasSize(2);
        JsonNode day = Api.json(admin.get("/api/schools/" + SCHOOL + "/days/" + LocalDate.now().plusDays(1)
                + "/problem"));
        JsonNode inDay = null;
        for (JsonNode st : day.get("students")) {
            if (st.get("id").asText().equals(s.id())) {
                inDay = st;
            }
        }
        assertThat(inDay.get("goals").get(0).get("skill").asText()).as("the next day is planned with them")
                .isEqualTo(skill);
        JsonNode audit = Api.json(admin.get("/api/schools/" + SCHOOL + "/audit?student=" + s.id()));
        List<String> actions = new ArrayList<>();
        audit.forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).contains("PUT /api/schools/{school}/students/{studentId}/goals",
                "GET /api/schools/{school}/students/{studentId}/goals");
    }

    @Test
    void aStudentCannotSetAnotherStudentsGoalsAndAGuardianReadsButDoesNotSet() {
        Student s = students.get(2);
        Student other = students.get(3);
        List<Map<String, Object>> goals = List.of(Map.of("skill", readySkill(s)));

        Api.assertProblem(as("nosy", Role.STUDENT, s.id(), Set.of()).put(goalsOf(other.id()), goals), 403);
        Api guardian = as("parent-of-2", Role.GUARDIAN, null, Set.of(s.id()));
        Api.assertProblem(guardian.put(goalsOf(s.id()), goals), 403);
        assertThat(guardian.get(goalsOf(s.id())).statusCode()).isEqualTo(200);
        Api.assertProblem(guardian.get(goalsOf(other.id())), 403);
        Api.assertProblem(as("principal", Role.PRINCIPAL, null, Set.of()).put(goalsOf(s.id()), goals), 403);
        HttpResponse<String> byAdvisor = as("advisor-of-2", Role.TEACHER, s.advisorId(), Set.of())
                .put(goalsOf(s.id()), goals);
        assertThat(byAdvisor.statusCode()).as("their advisor sets them with them: %s", byAdvisor.body())
                .isEqualTo(200);
        assertThat(Api.json(byAdvisor).get("setBy").get("role").asText()).isEqualTo("teacher");
    }

    @Test
    void anUnknownSkillOrStrandIs422NamingItsPathAndIdAndNothingIsStored() {
        Student s = students.get(4);
        Api student = as("typo", Role.STUDENT, s.id(), Set.of());

        JsonNode problem = Api.assertProblem(student.put(goalsOf(s.id()), List.of(Map.of("skill", readySkill(s)),
                Map.of("skill", "no-such-skill"), Map.of("strand", "math/NOPE"))), 422);

        assertThat(problem.get("errors").get(0).get("path").asText()).isEqualTo("$[1].skill");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("no-such-skill");
        assertThat(problem.get("errors").get(1).get("path").asText()).isEqualTo("$[2].strand");
        assertThat(problem.get("detail").asText()).contains("nothing was stored");
        assertThat(Api.json(student.get(goalsOf(s.id()))).get("source").asText()).isEqualTo("standing data");

        JsonNode ask = Api.assertProblem(student.post(requestsOn(LocalDate.now()), json(Map.of("blockId",
                "NO-BLOCK", "modality", "small-group"))), 422);
        assertThat(ask.get("errors").get(0).get("path").asText()).isEqualTo("$.blockId");
        assertThat(ask.get("errors").get(0).get("message").asText()).contains("NO-BLOCK");
        assertThat(Api.json(student.get(requestsOn(LocalDate.now())))).isEmpty();
    }

    @Test
    void eachAsksOnTheirRungAndWithdrawsOnlyTheirOwn() {
        Student s = students.get(5);
        LocalDate day = LocalDate.now().plusDays(3);
        Api student = as("asker", Role.STUDENT, s.id(), Set.of());
        Api guardian = as("asker-parent", Role.GUARDIAN, null, Set.of(s.id()));
        Api classmate = as("classmate", Role.STUDENT, students.get(6).id(), Set.of());
        String block = Api.smallProblem().blocks().get(1).id();

        HttpResponse<String> own = student.post(requestsOn(day), json(Map.of("blockId", block, "modality",
                "small-group", "note", "I want to work with others")));
        HttpResponse<String> family = guardian.post(requestsOn(day), json(Map.of("focus", readySkill(s))));

        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        assertThat(Api.json(own).get("priority").asText()).isEqualTo("student");
        assertThat(Api.json(own).get("requestedBy").asText()).isEqualTo("student");
        assertThat(Api.json(own).get("inWords").asText()).contains("Small");
        assertThat(family.statusCode()).as(family.body()).isEqualTo(201);
        assertThat(Api.json(family).get("studentId").asText()).isEqualTo(s.id());
        assertThat(Api.json(family).get("requestedBy").asText()).isEqualTo("family");
        Api.assertProblem(student.post(requestsOn(day), json(Map.of("studentId", students.get(6).id(), "modality",
                "small-group"))), 403);
        Api.assertProblem(student.post(requestsOn(day), json(Map.of("modality", "small-group", "priority",
                "admin-required"))), 403);
        Api.assertProblem(as("ask-principal", Role.PRINCIPAL, null, Set.of()).post(requestsOn(day),
                json(Map.of("studentId", s.id(), "modality", "small-group"))), 403);
        assertThat(Api.json(classmate.get(requestsOn(day)))).as("a student sees only their own").isEmpty();
        assertThat(Api.json(guardian.get(requestsOn(day)))).hasSize(2);

        String id = Api.json(own).get("id").asText();
        Api.assertProblem(guardian.delete(requestsOn(day) + "/" + id), 404);
        assertThat(student.delete(requestsOn(day) + "/" + id).statusCode()).isEqualTo(204);
        assertThat(Api.json(admin.get(requestsOn(day)))).extracting(r -> r.get("id").asText())
                .doesNotContain(id).hasSize(1);
        JsonNode adminRequired = Api.json(admin.post(requestsOn(day), json(Map.of("studentId", s.id(), "modality",
                "small-group", "priority", "admin-required"))));
        assertThat(adminRequired.get("priority").asText()).isEqualTo("admin-required");
        assertThat(adminRequired.get("requestedBy").asText()).isEqualTo("admin");
        List<String> audited = new ArrayList<>();
        Api.json(admin.get("/api/schools/" + SCHOOL + "/audit?student=" + s.id())).forEach(e ->
                audited.add(e.get("action").asText() + " " + e.get("status").asInt()));
        assertThat(audited).as("asking, listing and withdrawing name the student").contains(
                "POST /api/schools/{school}/days/{date}/requests 201",
                "POST /api/schools/{school}/days/{date}/requests 403",
                "GET /api/schools/{school}/days/{date}/requests 200",
                "DELETE /api/schools/{school}/days/{date}/requests/{requestId} 204");
    }

    /**
     * The student sets as their goal a skill none of their standing goals covers, and asks to work on it; a classmate
     * asks for the same; the admin makes it required for the student (so that the plan must honour it); the day is
     * planned and published. The student's list shows their request honoured and one other student asking, by count
     * only; their card says the block on that skill is one of their goals (the solver had the goal they set).
     */
    @Test
    void aRequestIsMergedIntoTheDayAndItsOutcomeAndHowManyElseAskedAreShown() {
        Student s = students.get(7);
        Student classmate = students.get(8);
        String skill = readySkillOutsideTheirGoals(s);
        LocalDate day = LocalDate.now();
        Api student = as("planner-student", Role.STUDENT, s.id(), Set.of());
        Api other = as("planner-classmate", Role.STUDENT, classmate.id(), Set.of());
        assertThat(student.put(goalsOf(s.id()), List.of(Map.of("skill", skill, "priority", 1))).statusCode())
                .isEqualTo(200);
        assertThat(other.put(goalsOf(classmate.id()), List.of(Map.of("skill", skill))).statusCode()).isEqualTo(200);
        HttpResponse<String> mine = student.post(requestsOn(day), json(Map.of("focus", skill)));
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(201);
        HttpResponse<String> theirs = other.post(requestsOn(day), json(Map.of("focus", skill)));
        assertThat(theirs.statusCode()).as(theirs.body()).isEqualTo(201);
        assertThat(Api.json(theirs).get("othersAsking").asInt()).as("the student asked for it first").isEqualTo(1);
        HttpResponse<String> required = admin.post(requestsOn(day), json(Map.of("studentId", s.id(), "focus", skill,
                "priority", "admin-required")));
        assertThat(required.statusCode()).as(required.body()).isEqualTo(201);
        JsonNode waiting = Api.json(student.get(requestsOn(day)));
        assertThat(waiting.get(0).get("outcome").get("status").asText()).isEqualTo("waiting");

        JsonNode problem = Api.json(admin.get("/api/schools/" + SCHOOL + "/days/" + day + "/problem"));
        List<String> merged = new ArrayList<>();
        problem.get("requests").forEach(r -> merged.add(r.get("id").asText()));
        assertThat(merged).contains(Api.json(mine).get("id").asText(), Api.json(theirs).get("id").asText());
        HttpResponse<String> started = admin.post("/api/schools/" + SCHOOL + "/days/" + day + "/plan?timeLimit=10m",
                new byte[0]);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        admin.solveUntilWorkable(Api.json(started).get("planId").asText());
        awaitDraft(day);
        HttpResponse<String> published = admin.post("/api/schools/" + SCHOOL + "/days/" + day + "/publish",
                new byte[0]);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

        JsonNode list = Api.json(student.get(requestsOn(day)));
        JsonNode own = null;
        for (JsonNode r : list) {
            if (r.get("id").asText().equals(Api.json(mine).get("id").asText())) {
                own = r;
            }
            assertThat(r.get("studentId").asText()).as("only requests about them").isEqualTo(s.id());
        }
        assertThat(own).as(list.toString()).isNotNull();
        assertThat(own.get("outcome").get("status").asText()).as(own.toString()).isEqualTo("honoured");
        assertThat(own.get("othersAsking").asInt()).as("the classmate, counted, not named").isEqualTo(1);
        assertThat(list.toString()).doesNotContain(classmate.id()).doesNotContain(classmate.name());
        JsonNode card = Api.json(student.get("/api/schools/" + SCHOOL + "/days/" + day + "/students/" + s.id()));
        String block = null;
        for (JsonNode b : card.get("blocks")) {
            if (b.path("focus").path("id").asText().equals(skill)) {
                block = b.get("blockId").asText();
            }
        }
        assertThat(block).as("the day card has the asked skill: %s", card).isNotNull();
        List<String> why = new ArrayList<>();
        for (JsonNode line : card.get("why")) {
            if (line.asText().startsWith("Block " + block + " ")) {
                why.add(line.asText());
            }
        }
        assertThat(why).as("the goal they set is the plan's goal focus there").anyMatch(w -> w.contains("goal"));
    }

    @Test
    void anErasureLeavesNoGoalsOrRequestsBehindAndTheExportHadThem() {
        Student s = students.get(10);
        LocalDate day = LocalDate.now().plusDays(2);
        Api student = as("leaver", Role.STUDENT, s.id(), Set.of());
        assertThat(student.put(goalsOf(s.id()), List.of(Map.of("skill", readySkill(s)))).statusCode())
                .isEqualTo(200);
        assertThat(student.post(requestsOn(day), json(Map.of("modality", "small-group"))).statusCode())
                .isEqualTo(201);
        assertThat(admin.post(requestsOn(day), json(Map.of("studentId", s.id(), "modality", "one-to-one")))
                .statusCode()).isEqualTo(201);
        String record = "/api/schools/" + SCHOOL + "/students/" + s.id() + "/record";
        JsonNode export = Api.json(admin.get(record));
        assertThat(export.get("goalsSet").get("goals")).hasSize(1);
        assertThat(export.get("dayRequests")).hasSize(2);

        HttpResponse<String> erased = admin.delete(record);

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(Api.json(erased).get("removed").get("goals").asInt()).isEqualTo(1);
        assertThat(Api.json(erased).get("removed").get("dayRequests").asInt()).isEqualTo(2);
        assertThat(Api.json(admin.get(requestsOn(day))).toString()).doesNotContain(s.id());
        Api.assertProblem(admin.get(goalsOf(s.id())), 404);
        Api.assertProblem(admin.get(record), 404);
        // the rows themselves are checked gone on H2 and PostgreSQL by the store's contract (StoreContract)
    }

    private static byte[] json(Object body) {
        try {
            return Api.JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitDraft(LocalDate day) {
        long deadline = System.nanoTime() + Api.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode versions = Api.json(admin.get("/api/schools/" + SCHOOL + "/days/" + day + "/plans"));
            if (versions.size() > 0 && versions.get(0).get("status").asText().equals("draft")) {
                return;
            }
            Api.sleep(100);
        }
        throw new AssertionError("no draft of " + day);
    }
}
