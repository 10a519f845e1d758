package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.store.Role;

/**
 * Every operation of the OpenAPI document × every role × own and other school (and own and other student or adult):
 * the status must be what this test's own table says — written from the roles, not read from the server's
 * rules — with 0 unexpected reads or writes. An operation the table does not know fails the test, so a new endpoint
 * cannot be added without saying who may call it.
 *
 * <p>"Allowed" means the request got past the gate: not 401, 403 (nor 404 for what is addressed by its id). Changes
 * are sent with a body that cannot be read, or at ids that do not exist, so that an allowed change is refused after
 * the gate (400, 404, 422) and the fixtures stay as they are.
 */
class AuthorizationMatrixIntegrationTest {

    /** Who may call an operation, in the words. */
    enum Who {
        /** Anyone, signed in or not. */
        ANYONE,
        /** Any account. */
        ANY_ACCOUNT,
        /** The district and the school's admin. */
        ADMINS,
        /** ADMINS and the school's principal. */
        READERS,
        /** ADMINS and the school's teachers (evidence). */
        ADMINS_AND_TEACHERS,
        /** READERS and the adult whose roster it is. */
        ROSTER_READERS,
        /** READERS, the student, their guardians and their teachers. */
        STUDENT_READERS,
        /** The district, any school admin, any principal (days without a school, what-ifs). */
        PLANNERS,
        /** A plan of the own school by its id: READERS of that school; others get 404. */
        PLAN_READERS,
        /** A plan of the own school by its id: ADMINS of that school; the principal 403; others 404. */
        PLAN_WRITERS,
        /** Anyone of the school (students and guardians too), and the district. */
        SCHOOL_MEMBERS,
        /** Something with an id that nobody here owns (a what-if): everyone gets 404 (or 403). */
        NOBODY_BY_ID,
        /** READERS, the student, their guardians, and teachers who advise them or have them in their groups. */
        PATH_READERS,
        /** ADMINS, the student, and teachers who advise them or have them in their groups (not guardians). */
        GOAL_SETTERS,
        /** Every account of the school, and the district. */
        SCHOOL_ACCOUNTS,
        /** ADMINS and the school's teachers, students and guardians (not the principal). */
        ASKERS,
        /** District administrators only (a district's morning). */
        DISTRICT
    }

    /** The table: every operation of the API and who may call it. */
    private static final Map<String, Who> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("GET /", Who.ANYONE);
        TABLE.put("GET /api", Who.ANYONE);
        TABLE.put("GET /api/health", Who.ANYONE);
        TABLE.put("GET /api/health/live", Who.ANYONE);
        TABLE.put("GET /api/health/ready", Who.ANYONE);
        TABLE.put("GET /metrics", Who.ANYONE);
        TABLE.put("POST /api/district/mornings/{date}", Who.DISTRICT);
        TABLE.put("GET /api/district/mornings/{date}", Who.DISTRICT);
        TABLE.put("GET /api/district/mornings/{date}/events", Who.DISTRICT);
        TABLE.put("GET /api/openapi.json", Who.ANYONE);
        TABLE.put("POST /api/session", Who.ANYONE);
        TABLE.put("POST /api/setup", Who.ANYONE);
        TABLE.put("GET /api/session", Who.ANY_ACCOUNT);
        TABLE.put("DELETE /api/session", Who.ANY_ACCOUNT);
        TABLE.put("GET /api/tokens", Who.ANY_ACCOUNT);
        TABLE.put("POST /api/tokens", Who.ANY_ACCOUNT);
        TABLE.put("DELETE /api/tokens/{tokenId}", Who.ANY_ACCOUNT);
        TABLE.put("GET /api/datasets", Who.ANY_ACCOUNT);
        TABLE.put("GET /api/datasets/{name}", Who.ANY_ACCOUNT);
        TABLE.put("GET /api/datasets/{name}/directory", Who.ANY_ACCOUNT);
        TABLE.put("GET /api/schools", Who.ANY_ACCOUNT);
        TABLE.put("POST /api/schools/{school}", Who.ADMINS);
        TABLE.put("GET /api/schools/{school}", Who.READERS);
        TABLE.put("POST /api/schools/{school}/evidence", Who.ADMINS_AND_TEACHERS);
        TABLE.put("POST /api/schools/{school}/imports/oneroster", Who.ADMINS);
        TABLE.put("POST /api/schools/{school}/imports/results", Who.ADMINS_AND_TEACHERS);
        TABLE.put("POST /api/schools/{school}/imports/{kind}", Who.ADMINS);
        TABLE.put("POST /api/schools/{school}/imports/skill-map", Who.ADMINS);
        TABLE.put("GET /api/schools/{school}/students/{studentId}/profile", Who.STUDENT_READERS);
        TABLE.put("GET /api/schools/{school}/students/{studentId}/record", Who.ADMINS);
        TABLE.put("DELETE /api/schools/{school}/students/{studentId}/record", Who.ADMINS);
        TABLE.put("GET /api/schools/{school}/accounts", Who.ADMINS);
        TABLE.put("POST /api/schools/{school}/accounts", Who.ADMINS);
        TABLE.put("POST /api/schools/{school}/accounts/{accountId}/disable", Who.ADMINS);
        TABLE.put("GET /api/schools/{school}/audit", Who.ADMINS);
        TABLE.put("GET /api/schools/{school}/days", Who.READERS);
        TABLE.put("PUT /api/schools/{school}/days/{date}/input", Who.ADMINS);
        TABLE.put("GET /api/schools/{school}/days/{date}/input", Who.READERS);
        TABLE.put("GET /api/schools/{school}/days/{date}/problem", Who.READERS);
        TABLE.put("GET /api/schools/{school}/days/{date}/directory", Who.READERS);
        TABLE.put("GET /api/schools/{school}/skill-map", Who.SCHOOL_MEMBERS);
        TABLE.put("POST /api/schools/{school}/days/{date}/plan", Who.ADMINS);
        TABLE.put("GET /api/schools/{school}/days/{date}/plans", Who.READERS);
        TABLE.put("GET /api/schools/{school}/days/{date}/plans/{version}", Who.READERS);
        TABLE.put("POST /api/schools/{school}/days/{date}/plans/{version}/resume", Who.ADMINS);
        TABLE.put("POST /api/schools/{school}/days/{date}/changes", Who.ADMINS);
        TABLE.put("PUT /api/schools/{school}/days/{date}/placements/{studentId}/{blockId}", Who.ADMINS);
        TABLE.put("GET /api/schools/{school}/days/{date}/diff", Who.READERS);
        TABLE.put("POST /api/schools/{school}/days/{date}/publish", Who.ADMINS);
        TABLE.put("GET /api/schools/{school}/days/{date}/rosters/{staffId}", Who.ROSTER_READERS);
        TABLE.put("GET /api/schools/{school}/days/{date}/students/{studentId}", Who.STUDENT_READERS);
        TABLE.put("GET /api/schools/{school}/days/{date}/analysis", Who.READERS);
        TABLE.put("GET /api/schools/{school}/days/{date}/unplaced", Who.READERS);
        TABLE.put("GET /api/schools/{school}/days/{date}/placements/{studentId}/{blockId}/alternatives", Who.READERS);
        TABLE.put("GET /api/schools/{school}/days/{date}/oneroster", Who.READERS);
        TABLE.put("PUT /api/schools/{school}/days/{date}/attendance", Who.ADMINS_AND_TEACHERS);
        TABLE.put("GET /api/schools/{school}/days/{date}/attendance", Who.ADMINS_AND_TEACHERS);
        TABLE.put("GET /api/schools/{school}/days/{date}/attendance.csv", Who.ADMINS_AND_TEACHERS);
        TABLE.put("GET /api/plans", Who.PLANNERS);
        TABLE.put("POST /api/plans", Who.PLANNERS);
        TABLE.put("GET /api/plans/{id}", Who.PLAN_READERS);
        TABLE.put("DELETE /api/plans/{id}/solving", Who.PLAN_WRITERS);
        TABLE.put("GET /api/plans/{id}/events", Who.PLAN_READERS);
        TABLE.put("GET /api/plans/{id}/analysis", Who.PLAN_READERS);
        TABLE.put("GET /api/plans/{id}/students/{studentId}", Who.PLAN_READERS);
        TABLE.put("GET /api/plans/{id}/unplaced", Who.PLAN_READERS);
        TABLE.put("GET /api/plans/{id}/rosters/{staffId}", Who.PLAN_READERS);
        TABLE.put("GET /api/plans/{id}/placements/{studentId}/{blockId}/alternatives", Who.PLAN_READERS);
        TABLE.put("PUT /api/plans/{id}/placements/{studentId}/{blockId}", Who.PLAN_WRITERS);
        TABLE.put("POST /api/scenarios", Who.PLANNERS);
        TABLE.put("GET /api/scenarios/{id}", Who.NOBODY_BY_ID);
        TABLE.put("GET /api/schools/{school}/students/{studentId}/goals", Who.PATH_READERS);
        TABLE.put("PUT /api/schools/{school}/students/{studentId}/goals", Who.GOAL_SETTERS);
        TABLE.put("GET /api/schools/{school}/days/{date}/requests", Who.SCHOOL_ACCOUNTS);
        TABLE.put("POST /api/schools/{school}/days/{date}/requests", Who.ASKERS);
        TABLE.put("DELETE /api/schools/{school}/days/{date}/requests/{requestId}", Who.ASKERS);
        TABLE.put("GET /api/schools/{school}/days/{date}/requests/choices/{studentId}", Who.PATH_READERS);
        TABLE.put("GET /api/calendar/{token}.ics", Who.ANYONE);
        TABLE.put("POST /api/schools/{school}/calendar-feeds", Who.SCHOOL_ACCOUNTS);
        TABLE.put("GET /api/schools/{school}/calendar-feeds", Who.SCHOOL_ACCOUNTS);
        TABLE.put("DELETE /api/schools/{school}/calendar-feeds/{feedId}", Who.SCHOOL_ACCOUNTS);
        TABLE.put("GET /api/session/oidc", Who.ANYONE);
        TABLE.put("GET /api/session/oidc/{provider}", Who.ANYONE);
        TABLE.put("GET /api/session/oidc/{provider}/callback", Who.ANYONE);
    }

    /** An account of the matrix: its role, school, and the adult or student it is. */
    record Caller(String name, Role role, String school, String person, Set<String> children) {
    }

    private static final String DAY = "2026-11-24";
    private static final String OWN = "north";
    private static final String OTHER = "south";

    private static RegroupServer server;
    private static Api admin;
    private static final Map<Caller, Api> CALLERS = new LinkedHashMap<>();
    /** The published plan's job ids, per school. */
    private static final Map<String, String> PLAN_IDS = new LinkedHashMap<>();
    private static String teacher;
    private static String teachersStudent;
    /** The students in the teacher's groups on the published day, per school (each school's day was solved alone). */
    private static final Map<String, Set<String>> TEACHERS_STUDENTS = new LinkedHashMap<>();
    private static String otherStudent;
    /** The students the teacher advises (the standing data's advisor). */
    private static Set<String> advisees;
    private static String otherStaff;
    private static String block;

    @BeforeAll
    static void start() throws java.io.IOException {
        server = Api.start(Api.longSolves(1, 2));
        admin = new Api(server);
        for (String school : List.of(OWN, OTHER)) {
            assertThat(admin.post("/api/schools/" + school, Api.small()).statusCode()).isEqualTo(201);
            HttpResponse<String> started = admin.post("/api/schools/" + school + "/days/" + DAY
                    + "/plan?timeLimit=10m", new byte[0]);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String planId = Api.json(started).get("planId").asText();
            admin.solveUntilWorkable(planId);
            admin.awaitDraft(school, DAY, Api.json(started).get("version").asInt());
            assertThat(admin.post("/api/schools/" + school + "/days/" + DAY + "/publish", new byte[0]).statusCode())
                    .isEqualTo(200);
            PLAN_IDS.put(school, planId);
        }
        // a teacher who leads a group, a student in it, a student who is not, another adult
        JsonNode plan = Api.json(admin.get("/api/schools/" + OWN + "/days/" + DAY + "/plans/1")).get("plan");
        Set<String> everyone = new TreeSet<>();
        plan.get("students").forEach(s -> everyone.add(s.get("studentId").asText()));
        for (JsonNode b : plan.get("blocks")) {
            for (JsonNode session : b.get("sessions")) {
                if (teacher == null && session.hasNonNull("staffId") && session.get("students").size() > 0) {
                    teacher = session.get("staffId").asText();
                    block = b.get("blockId").asText();
                }
            }
        }
        for (String school : List.of(OWN, OTHER)) {
            JsonNode published = Api.json(admin.get("/api/schools/" + school + "/days/" + DAY + "/plans/1"))
                    .get("plan");
            Set<String> students = new TreeSet<>();
            for (JsonNode b : published.get("blocks")) {
                for (JsonNode session : b.get("sessions")) {
                    if (teacher.equals(session.path("staffId").asText())) {
                        session.get("students").forEach(s -> students.add(s.get("studentId").asText()));
                    }
                }
            }
            TEACHERS_STUDENTS.put(school, students);
        }
        Set<String> mine = new TreeSet<>();
        Set<String> staff = new TreeSet<>();
        for (JsonNode b : plan.get("blocks")) {
            for (JsonNode session : b.get("sessions")) {
                if (session.hasNonNull("staffId")) {
                    staff.add(session.get("staffId").asText());
                }
                if (teacher.equals(session.path("staffId").asText())) {
                    session.get("students").forEach(s -> mine.add(s.get("studentId").asText()));
                }
            }
        }
        teachersStudent = mine.iterator().next();
        otherStudent = everyone.stream().filter(s -> !mine.contains(s)).findFirst().orElseThrow();
        // a block where both students have a seat in both schools' plans (for alternatives of a placement)
        block = null;
        for (JsonNode b : plan.get("blocks")) {
            String id = b.get("blockId").asText();
            if (block == null && List.of(OWN, OTHER).stream().allMatch(school -> seated(school, id, teachersStudent)
                    && seated(school, id, otherStudent))) {
                block = id;
            }
        }
        assertThat(block).as("a block where both students are seated").isNotNull();
        otherStaff = staff.stream().filter(s -> !s.equals(teacher)).findFirst().orElseThrow();
        advisees = new TreeSet<>(Api.smallProblem().students().stream().filter(s -> teacher.equals(s.advisorId()))
                .map(org.regroup.domain.Student::id).toList());

        add(new Caller("nobody", null, null, null, Set.of()));
        add(new Caller("district", Role.DISTRICT_ADMIN, null, null, Set.of()));
        add(new Caller("north-admin", Role.SCHOOL_ADMIN, OWN, null, Set.of()));
        add(new Caller("north-principal", Role.PRINCIPAL, OWN, null, Set.of()));
        add(new Caller("north-teacher", Role.TEACHER, OWN, teacher, Set.of()));
        add(new Caller("north-student", Role.STUDENT, OWN, teachersStudent, Set.of()));
        add(new Caller("north-guardian", Role.GUARDIAN, OWN, null, Set.of(teachersStudent)));
        add(new Caller("south-admin", Role.SCHOOL_ADMIN, OTHER, null, Set.of()));
        add(new Caller("south-teacher", Role.TEACHER, OTHER, teacher, Set.of()));
    }

    private static boolean seated(String school, String blockId, String student) {
        JsonNode published = Api.json(admin.get("/api/schools/" + school + "/days/" + DAY + "/plans/1")).get("plan");
        for (JsonNode b : published.get("blocks")) {
            if (b.get("blockId").asText().equals(blockId)) {
                for (JsonNode session : b.get("sessions")) {
                    for (JsonNode seat : session.get("students")) {
                        if (seat.get("studentId").asText().equals(student)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static void add(Caller c) {
        CALLERS.put(c, new Api(server, c.role() == null ? null
                : Api.token(server, "matrix-" + c.name(), c.role(), c.school(), c.person(), c.children())));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One address to call: which school, student and adult it names. */
    record Target(String school, String student, String staff) {
    }

    @Test
    void everyOperationAnswersEveryRoleAsTheTableSays() {
        JsonNode paths = Api.json(admin.get("/api/openapi.json")).get("paths");
        List<String> unknown = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        int calls = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                String operation = method + " " + path.getKey();
                Who who = TABLE.get(operation);
                if (who == null) {
                    unknown.add(operation);
                    continue;
                }
                for (Target target : targets(path.getKey())) {
                    for (Map.Entry<Caller, Api> caller : CALLERS.entrySet()) {
                        boolean allowed = allowed(who, caller.getKey(), target);
                        int status = call(caller.getValue(), method, path.getKey(), target);
                        calls++;
                        String outcome = operation + " " + target + " as " + caller.getKey().name() + ": " + status
                                + (allowed ? " (should be allowed)" : " (should be refused)");
                        if (who == Who.NOBODY_BY_ID ? status != 401 && status != 403 && status != 404
                                : allowed != passedTheGate(status, who)) {
                            unexpected.add(outcome);
                        }
                        if (!allowed && caller.getKey().role() == null && status != 401) {
                            unexpected.add(outcome + " — not signed in must be 401");
                        }
                    }
                }
            }
        }
        System.out.printf("authorization matrix: %d callers, %d calls, %d unexpected%n", CALLERS.size(), calls,
                unexpected.size());
        assertThat(unknown).as("operations with no row in this test's table: say who may call them").isEmpty();
        assertThat(unexpected).as("unexpected reads or writes, or refusals (of %d calls)", calls).isEmpty();
        assertThat(calls).isGreaterThan(TABLE.size() * CALLERS.size());
    }

    /** Own and other school; for an address naming a student or adult, one the caller has and one they have not. */
    private static List<Target> targets(String template) {
        List<Target> targets = new ArrayList<>();
        List<String> schools = template.contains("{school}") || template.startsWith("/api/plans/{id}")
                ? List.of(OWN, OTHER) : List.of(OWN);
        for (String school : schools) {
            List<String> students = template.contains("{studentId}") ? List.of(teachersStudent, otherStudent)
                    : List.of(teachersStudent);
            for (String student : students) {
                List<String> staff = template.contains("{staffId}") ? List.of(teacher, otherStaff) : List.of(teacher);
                for (String adult : staff) {
                    targets.add(new Target(school, student, adult));
                }
            }
        }
        return targets;
    }

    /** What the issue says each role may do. */
    private static boolean allowed(Who who, Caller c, Target t) {
        if (c.role() == null) {
            return who == Who.ANYONE;
        }
        boolean district = c.role() == Role.DISTRICT_ADMIN;
        boolean sameSchool = district || t.school().equals(c.school());
        boolean admin = district || (c.role() == Role.SCHOOL_ADMIN && sameSchool);
        boolean reader = admin || (c.role() == Role.PRINCIPAL && sameSchool);
        boolean teachesStudent = c.role() == Role.TEACHER && sameSchool && c.person().equals(teacher)
                && TEACHERS_STUDENTS.get(t.school()).contains(t.student());
        return switch (who) {
            case ANYONE, ANY_ACCOUNT -> true;
            case SCHOOL_MEMBERS -> admin || sameSchool;
            case ADMINS -> admin;
            case READERS, PLAN_READERS -> reader;
            case PLAN_WRITERS -> admin;
            case ADMINS_AND_TEACHERS -> admin || (c.role() == Role.TEACHER && sameSchool);
            case ROSTER_READERS -> reader || (c.role() == Role.TEACHER && sameSchool && t.staff().equals(c.person()));
            case STUDENT_READERS -> reader || teachesStudent
                    || (c.role() == Role.STUDENT && sameSchool && t.student().equals(c.person()))
                    || (c.role() == Role.GUARDIAN && sameSchool && c.children().contains(t.student()));
            case PLANNERS -> district || c.role() == Role.SCHOOL_ADMIN || c.role() == Role.PRINCIPAL;
            case DISTRICT -> district;
            case NOBODY_BY_ID -> district; // the district passes the gate and meets the resource's 404
            case PATH_READERS -> reader || teachesStudent || advises(c, t)
                    || (c.role() == Role.STUDENT && sameSchool && t.student().equals(c.person()))
                    || (c.role() == Role.GUARDIAN && sameSchool && c.children().contains(t.student()));
            case GOAL_SETTERS -> admin || teachesStudent || advises(c, t)
                    || (c.role() == Role.STUDENT && sameSchool && t.student().equals(c.person()));
            case SCHOOL_ACCOUNTS -> sameSchool;
            case ASKERS -> admin || (sameSchool && Set.of(Role.TEACHER, Role.STUDENT, Role.GUARDIAN)
                    .contains(c.role()));
        };
    }

    /** A teacher of the target's school who is the student's advisor in the standing data. */
    private static boolean advises(Caller c, Target t) {
        return c.role() == Role.TEACHER && t.school().equals(c.school()) && c.person().equals(teacher)
                && advisees.contains(t.student());
    }

    /** Whether the answer came from past the gate. */
    private static boolean passedTheGate(int status, Who who) {
        if (status == 401 || status == 403) {
            return false;
        }
        if (who == Who.PLAN_READERS || who == Who.PLAN_WRITERS) {
            return status != 404; // the plan exists: only the gate answers 404
        }
        return true;
    }

    private static int call(Api api, String method, String template, Target t) {
        boolean change = !method.equals("GET");
        boolean destructive = method.equals("DELETE") && template.contains("{studentId}");
        String path = template.replace("{school}", t.school()).replace("{date}", DAY)
                .replace("{studentId}", destructive ? "NOBODY" : t.student()).replace("{staffId}", t.staff())
                .replace("{blockId}", block).replace("{version}", change ? "999" : "1")
                .replace("{id}", template.startsWith("/api/plans/") ? PLAN_IDS.get(t.school()) : "no-such-id")
                .replace("{tokenId}", "no-such-token").replace("{requestId}", "no-such-request").replace("{accountId}", "no-such-account")
                .replace("{name}", "small").replace("{kind}", "spaces").replace("{provider}", "no-such-provider")
                .replace("{token}", "rgc_no-such-feed").replace("{feedId}", "no-such-feed");
        // a change is sent with a body that cannot be read (an allowed one is refused after the gate, 400) and
        // an unreadable time limit or a version that does not exist where it takes none
        String query = change ? (path.contains("?") ? "&" : "?") + "timeLimit=never&version=999" : "";
        HttpRequest.Builder request = api.request(path + query);
        HttpRequest built = switch (method) {
            case "GET" -> request.GET().timeout(java.time.Duration.ofSeconds(30)).build();
            case "DELETE" -> request.DELETE().build();
            default -> request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{")).build();
        };
        if (template.endsWith("/events")) {
            try {
                HttpResponse<java.io.InputStream> stream = api.client().send(built,
                        HttpResponse.BodyHandlers.ofInputStream());
                stream.body().close(); // the status is all this test needs; the stream may run on
                return stream.statusCode();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return api.send(built).statusCode();
    }
}
