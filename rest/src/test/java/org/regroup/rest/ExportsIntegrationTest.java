package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.regroup.domain.io.oneroster.ExportFiles;
import org.regroup.domain.io.oneroster.OneRosterExport;
import org.regroup.domain.io.oneroster.Problems;
import org.regroup.store.Role;

/**
 * The published day out to the SIS over HTTP (docs/export.md): the OneRoster export read back by Regroup's own
 * OneRoster reader (the classes are the published plan's sessions, the enrollments their members, the same ids twice),
 * attendance taken by a teacher for their own group and refused for another's, the CSV an SIS imports, and an erasure
 * that removes a student's attendance.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportsIntegrationTest {

    private static final String SCHOOL = "demo";
    private static final String DAY = "2026-11-24";
    private static final String DAYS = "/api/schools/" + SCHOOL + "/days/";

    private static RegroupServer server;
    private static Api district;
    private static Api teacher;
    private static Api principal;
    private static JsonNode plan;
    /** The teacher's block, a student of theirs in it, and a student of another adult's group in the same block. */
    private static String block;
    private static String mine;
    private static String notMine;
    private static String teacherId;

    @BeforeAll
    static void planAndPublish() throws IOException {
        server = Api.start(Api.settings(1, 1));
        district = new Api(server);
        HttpResponse<String> created = district.post("/api/schools/" + SCHOOL, Api.small());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> started = district.post(DAYS + DAY + "/plan?timeLimit=2s", new byte[0]);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        int version = Api.json(started).get("version").asInt();
        district.awaitNotSolving(Api.json(started).get("planId").asText(), Api.PATIENCE);
        district.awaitDraft(SCHOOL, DAY, version);
        HttpResponse<String> published = district.post(DAYS + DAY + "/publish", new byte[0]);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        plan = Api.json(district.get(DAYS + DAY + "/plans/" + version)).get("plan");
        // a block where one adult leads a group and another group has students too
        for (JsonNode b : plan.get("blocks")) {
            List<JsonNode> groups = new ArrayList<>();
            b.path("sessions").forEach(s -> {
                if (s.path("students").size() > 0) {
                    groups.add(s);
                }
            });
            JsonNode led = groups.stream().filter(s -> s.hasNonNull("staffId")).findFirst().orElse(null);
            JsonNode other = groups.stream().filter(s -> led != null && s != led
                    && !led.get("staffId").asText().equals(s.path("staffId").asText())).findFirst().orElse(null);
            if (led != null && other != null) {
                block = b.get("blockId").asText();
                teacherId = led.get("staffId").asText();
                mine = led.get("students").get(0).get("studentId").asText();
                notMine = other.get("students").get(0).get("studentId").asText();
                break;
            }
        }
        assertThat(block).as("the small day has a block with two groups").isNotNull();
        teacher = new Api(server, Api.token(server, "teacher@demo", Role.TEACHER, SCHOOL, teacherId, Set.of()));
        principal = new Api(server, Api.token(server, "principal@demo", Role.PRINCIPAL, SCHOOL, null, Set.of()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<byte[]> zip(Api api, String path) {
        try {
            return api.client().send(api.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** "classId → members" as the plan has them: every session with students, its adult and its students. */
    private static Map<String, Set<String>> sessionsOfPlan() {
        Map<String, Set<String>> sessions = new LinkedHashMap<>();
        for (JsonNode b : plan.get("blocks")) {
            for (JsonNode s : b.path("sessions")) {
                if (s.path("students").size() == 0) {
                    continue;
                }
                Set<String> members = new HashSet<>();
                if (s.hasNonNull("staffId")) {
                    members.add(s.get("staffId").asText());
                }
                s.get("students").forEach(st -> members.add(st.get("studentId").asText()));
                sessions.put(b.get("blockId").asText() + " " + s.get("id").asText(), members);
            }
        }
        return sessions;
    }

    @Test
    @Order(1)
    void thePublishedDayIsAOneRosterExportOurReaderReadsWithTheSessionsAsClassesAndTheSameIdsTwice()
            throws IOException {
        HttpResponse<byte[]> first = zip(principal, DAYS + DAY + "/oneroster");

        assertThat(first.statusCode()).as(new String(first.body())).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        assertThat(first.headers().firstValue("Content-Disposition").orElse(""))
                .contains("oneroster-demo-" + DAY + ".zip");
        ExportFiles files = ExportFiles.unzip(new ByteArrayInputStream(first.body()), "export.zip");
        Problems problems = new Problems();
        OneRosterExport export = OneRosterExport.read(files, problems);
        assertThat(problems.errors()).isEmpty();
        assertThat(export.manifest().version()).isEqualTo("1.1");
        assertThat(export.orgs()).singleElement().satisfies(o -> {
            assertThat(o.sourcedId()).isEqualTo(SCHOOL);
            assertThat(o.type()).isEqualTo("school");
        });
        Map<String, Set<String>> expected = sessionsOfPlan();
        assertThat(export.classes()).hasSize(expected.size());
        Map<String, Set<String>> members = new LinkedHashMap<>();
        export.enrollments().forEach(e -> members.computeIfAbsent(e.classSourcedId(), k -> new HashSet<>())
                .add(e.userSourcedId()));
        Map<String, Set<String>> actual = new LinkedHashMap<>();
        for (OneRosterExport.ClassRow c : export.classes()) {
            assertThat(c.schoolSourcedId()).isEqualTo(SCHOOL);
            assertThat(c.title()).startsWith(c.row().get("periods") + " · ");
            actual.put(c.row().get("periods") + " " + c.row().get("classCode"), members.get(c.sourcedId()));
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(export.enrollments()).allSatisfy(e -> assertThat(e.role()).isIn("student", "teacher", "aide"));

        HttpResponse<byte[]> again = zip(district, DAYS + DAY + "/oneroster");
        assertThat(again.body()).isEqualTo(first.body());
        // audited as a read of the whole day: every student
        JsonNode audit = Api.json(district.get("/api/schools/" + SCHOOL + "/audit?limit=20"));
        assertThat(audit.toString()).contains("GET /api/schools/{school}/days/{date}/oneroster");
    }

    @Test
    @Order(2)
    void anExportOrAttendanceOfADayWithNothingPublishedIs409AndOfNoSchool404() {
        Api.assertProblem(district.get(DAYS + "2026-11-25/oneroster"), 409);
        Api.assertProblem(district.get(DAYS + "2026-11-25/attendance"), 409);
        Api.assertProblem(district.put(DAYS + "2026-11-25/attendance", Map.of("block", block, "marks",
                List.of(Map.of("student", mine, "status", "present")))), 409);
        Api.assertProblem(district.get("/api/schools/nowhere/days/" + DAY + "/oneroster"), 404);
        Api.assertProblem(teacher.get(DAYS + DAY + "/oneroster"), 403);
    }

    @Test
    @Order(3)
    void aTeacherTakesAttendanceForTheirOwnGroupOnlyAndReadsTheirOwnMarks() {
        HttpResponse<String> own = teacher.put(DAYS + DAY + "/attendance", Map.of("block", block, "marks",
                List.of(Map.of("student", mine, "status", "tardy"))));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        JsonNode marks = Api.json(own).get("marks");
        assertThat(marks).singleElement().satisfies(m -> {
            assertThat(m.get("student").asText()).isEqualTo(mine);
            assertThat(m.get("status").asText()).isEqualTo("tardy");
            assertThat(m.get("classSourcedId").asText()).startsWith("rg-class-");
            assertThat(m.get("recordedBy").asText()).isNotBlank();
        });

        JsonNode refused = Api.assertProblem(teacher.put(DAYS + DAY + "/attendance", Map.of("block", block,
                "marks", List.of(Map.of("student", notMine, "status", "absent")))), 403);
        assertThat(refused.get("detail").asText()).contains(notMine);

        HttpResponse<String> byAdmin = district.put(DAYS + DAY + "/attendance", Map.of("block", block, "marks",
                List.of(Map.of("student", notMine, "status", "absent"), Map.of("student", mine, "status",
                        "present"))));
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
        assertThat(Api.json(byAdmin).get("marks")).hasSize(2);

        JsonNode teachers = Api.json(teacher.get(DAYS + DAY + "/attendance"));
        assertThat(teachers.get("marks")).singleElement().satisfies(m -> {
            assertThat(m.get("student").asText()).isEqualTo(mine);
            assertThat(m.get("status").asText()).isEqualTo("present"); // the admin's mark replaced the teacher's
        });
        assertThat(Api.json(district.get(DAYS + DAY + "/attendance")).get("marks")).hasSize(2);
        Api.assertProblem(principal.get(DAYS + DAY + "/attendance"), 403);
    }

    @Test
    @Order(4)
    void aBadSheetIs422WithTheJsonPathOfEachProblemAndRecordsNothing() {
        JsonNode problem = Api.assertProblem(district.put(DAYS + DAY + "/attendance", Map.of("block", block,
                "marks", List.of(Map.of("student", "nobody-here", "status", "present"),
                        Map.of("student", notMine, "status", "present"),
                        Map.of("student", mine, "status", "asleep")))), 422);
        List<String> paths = new ArrayList<>();
        problem.get("errors").forEach(e -> paths.add(e.get("path").asText()));
        assertThat(paths).containsExactly("$.marks[0].student", "$.marks[2].status");
        assertThat(problem.get("detail").asText()).contains("nothing was stored").doesNotContain("solved");

        JsonNode unknownBlock = Api.assertProblem(district.put(DAYS + DAY + "/attendance", Map.of("block",
                "B99", "marks", List.of(Map.of("student", mine, "status", "present")))), 422);
        assertThat(unknownBlock.get("errors").get(0).get("path").asText()).isEqualTo("$.block");

        Map<String, String> statuses = new LinkedHashMap<>();
        Api.json(district.get(DAYS + DAY + "/attendance")).get("marks").forEach(m -> statuses.put(
                m.get("student").asText(), m.get("status").asText()));
        // nothing of the refused sheets was recorded: the marks are the admin's earlier ones
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(mine, "present", notMine, "absent"));
    }

    @Test
    @Order(5)
    void theAttendanceCsvHasOneRecordPerStudentBlockWithTheClassOfTheOneRosterExport() throws IOException {
        HttpResponse<String> csv = district.get(DAYS + DAY + "/attendance.csv");

        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(csv.body()).startsWith("date,block,start,end,studentSourcedId,classSourcedId,status,recordedBy,"
                + "recordedAt\r\n");
        assertThat(records).hasSize(2);
        ExportFiles files = ExportFiles.unzip(new ByteArrayInputStream(zip(district, DAYS + DAY + "/oneroster")
                .body()), "export.zip");
        OneRosterExport export = OneRosterExport.read(files, new Problems());
        for (CSVRecord r : records) {
            assertThat(r.get("date")).isEqualTo(DAY);
            assertThat(r.get("block")).isEqualTo(block);
            assertThat(r.get("start")).matches("\\d\\d:\\d\\d");
            assertThat(r.get("recordedBy")).isNotBlank().doesNotContain("@"); // an account id, not a user name
            assertThat(export.enrollments()).anySatisfy(e -> {
                assertThat(e.classSourcedId()).isEqualTo(r.get("classSourcedId"));
                assertThat(e.userSourcedId()).isEqualTo(r.get("studentSourcedId"));
            });
        }
        HttpResponse<String> teachers = teacher.get(DAYS + DAY + "/attendance.csv");
        assertThat(teachers.body().lines().count()).isEqualTo(2); // the header and their student's record
    }

    @Test
    @Order(6)
    void aStudentsRecordHasTheirAttendanceAndAnErasureRemovesIt() {
        JsonNode record = Api.json(district.get("/api/schools/" + SCHOOL + "/students/" + notMine + "/record"));
        assertThat(record.get("attendance")).singleElement()
                .satisfies(m -> assertThat(m.get("status").asText()).isEqualTo("absent"));

        HttpResponse<String> erased = district.delete("/api/schools/" + SCHOOL + "/students/" + notMine + "/record");

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(Api.json(erased).get("removed").get("attendance").asInt()).isEqualTo(1);
        JsonNode marks = Api.json(district.get(DAYS + DAY + "/attendance")).get("marks");
        assertThat(marks).singleElement().satisfies(m -> assertThat(m.get("student").asText()).isEqualTo(mine));
        assertThat(district.get(DAYS + DAY + "/attendance.csv").body()).doesNotContain(notMine);
    }
}
