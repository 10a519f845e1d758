package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.store.Role;

/**
 * {@code POST /api/schools/{school}/imports/oneroster} over HTTP: a preview that writes nothing, a sync that writes
 * what it previewed, a second import that changes nothing, a delta that changes what it says, an export with errors
 * refused whole (422, every error with its file, line, column and sourcedId) and who may import.
 */
class OneRosterImportIntegrationTest {

    private static final String DAY = "2026-11-24";

    private static RegroupServer server;
    private static Api admin;

    @BeforeAll
    static void start() throws IOException {
        server = Api.start(Api.longSolves(1, 1));
        admin = new Api(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static byte[] zip(String fixture) {
        return OneRosterExports.load(fixture).zip();
    }

    private static HttpResponse<String> send(Api api, String school, String query, byte[] zip) {
        return api.post("/api/schools/" + school + "/imports/oneroster" + query, zip, "application/zip");
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.isObject() ? n.get("id").asText() : n.asText()));
        return ids;
    }

    @Test
    void aPreviewWritesNothingTheImportWritesItAgainChangesNothingAndADeltaWhatItSays() {
        HttpResponse<String> preview = send(admin, "river", "?dryRun=true&template=small", zip("v1p2-bulk"));

        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode p = Api.json(preview);
        assertThat(p.get("applied").asBoolean()).isFalse();
        assertThat(p.get("version").asText()).isEqualTo("1.2");
        assertThat(ids(p.get("students").get("new"))).containsExactly("r-s1", "r-s2");
        assertThat(ids(p.get("staff").get("new"))).containsExactly("r-t1", "r-t2", "r-a1");
        assertThat(p.get("notes").toString()).contains("userprofiles.csv").contains("template small");
        assertThat(preview.body()).doesNotContain("Kasia").doesNotContain("Nowak"); // ids, never names
        Api.assertProblem(admin.get("/api/schools/river"), 404);

        HttpResponse<String> applied = send(admin, "river", "?template=small", zip("v1p2-bulk"));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(Api.json(applied).get("created").asBoolean()).isTrue();
        JsonNode school = Api.json(admin.get("/api/schools/river"));
        assertThat(school.get("students").asInt()).isEqualTo(2);
        assertThat(school.get("staff").asInt()).isEqualTo(3);
        String before = admin.get("/api/schools/river/days/" + DAY + "/problem").body();

        HttpResponse<String> sentAgain = send(admin, "river", "", zip("v1p2-bulk"));
        assertThat(sentAgain.statusCode()).as(sentAgain.body()).isEqualTo(200);
        JsonNode again = Api.json(sentAgain);
        assertThat(again.get("applied").asBoolean()).isFalse();
        for (String kind : List.of("students", "staff")) {
            assertThat(again.get(kind).get("new")).isEmpty();
            assertThat(again.get(kind).get("changed")).isEmpty();
            assertThat(again.get(kind).get("gone")).isEmpty();
        }
        assertThat(admin.get("/api/schools/river/days/" + DAY + "/problem").body()).isEqualTo(before);

        JsonNode delta = Api.json(send(admin, "river", "?org=org-river", zip("v1p2-delta")));
        assertThat(delta.get("applied").asBoolean()).isTrue();
        assertThat(ids(delta.get("students").get("new"))).containsExactly("r-s4");
        assertThat(ids(delta.get("students").get("gone"))).containsExactly("r-s2");
        assertThat(delta.get("students").get("changed")).isEmpty();
        assertThat(ids(delta.get("staff").get("changed"))).containsExactly("r-t1");
        assertThat(delta.get("staff").get("changed").get(0).get("fields").toString()).isEqualTo("[\"name\"]");
        assertThat(delta.get("notes").toString()).contains("evidence");
        JsonNode directory = Api.json(admin.get("/api/schools/river/days/" + DAY + "/directory"));
        assertThat(ids(directory.get("students"))).containsExactlyInAnyOrder("r-s1", "r-s4");
    }

    @Test
    void anExportWithErrorsIsRefusedWholeWithEachErrorsPlaceAndNothingChanges() {
        assertThat(send(admin, "lake", "?org=north&template=small", zip("v1p1-bulk")).statusCode()).isEqualTo(200);
        String before = admin.get("/api/schools/lake/days/" + DAY + "/problem").body();
        byte[] broken = OneRosterExports.load("v1p1-bulk")
                .edit("users.csv", t -> t.replace(",03,", ",3rd,").replace("Eva,Lind", "Eve,Lind"))
                .edit("enrollments.csv", t -> t.replace("e6,", "e5,")).zip();

        JsonNode problem = Api.assertProblem(send(admin, "lake", "?org=north", broken), 422);

        assertThat(problem.get("title").asText()).isEqualTo("Invalid OneRoster export");
        assertThat(problem.get("detail").asText()).startsWith("2 errors in the export, nothing was imported");
        assertThat(problem.get("errors")).anySatisfy(e -> {
            assertThat(e.get("path").asText()).isEqualTo("users.csv:3:grades");
            assertThat(e.get("file").asText()).isEqualTo("users.csv");
            assertThat(e.get("line").asInt()).isEqualTo(3);
            assertThat(e.get("column").asText()).isEqualTo("grades");
            assertThat(e.get("sourcedId").asText()).isEqualTo("u-s2");
        });
        assertThat(problem.get("errors")).anySatisfy(e -> assertThat(e.get("path").asText())
                .isEqualTo("enrollments.csv:7:sourcedId"));
        // nothing half-written: the renamed teacher in the same export is not renamed
        assertThat(admin.get("/api/schools/lake/days/" + DAY + "/problem").body()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNoZipOrNoExportIsRefusedCleanly() throws IOException {
        Api.assertProblem(admin.post("/api/schools/lake2/imports/oneroster?template=small", "{}".getBytes(),
                "application/json"), 415);
        JsonNode notZip = Api.assertProblem(send(admin, "lake2", "?template=small", "PK not really".getBytes()), 422);
        assertThat(notZip.get("errors").get(0).get("message").asText()).contains("cannot read the export");
        Api.assertProblem(send(admin, "lake2", "?dryRun=maybe", zip("v1p1-bulk")), 400);
        JsonNode noTemplate = Api.assertProblem(send(admin, "lake2", "?org=north", zip("v1p1-bulk")), 422);
        assertThat(noTemplate.get("detail").asText()).contains("template");
        Api.assertProblem(send(admin, "lake2", "?org=north&template=nothing-here", zip("v1p1-bulk")), 400);
        Api.assertProblem(admin.get("/api/schools/lake2"), 404);
    }

    @Test
    void onlyTheSchoolsAdminAndTheDistrictImportAndEachImportIsAudited() {
        assertThat(send(admin, "pond", "?org=north&template=small", zip("v1p1-bulk")).statusCode()).isEqualTo(200);
        Api teacher = new Api(server, Api.token(server, "pond-teacher", Role.TEACHER, "pond", "u-t1", Set.of()));
        Api principal = new Api(server, Api.token(server, "pond-principal", Role.PRINCIPAL, "pond", null, Set.of()));
        Api schoolAdmin = new Api(server, Api.token(server, "pond-admin", Role.SCHOOL_ADMIN, "pond", null, Set.of()));
        Api otherAdmin = new Api(server, Api.token(server, "elsewhere-admin", Role.SCHOOL_ADMIN, "elsewhere", null,
                Set.of()));

        Api.assertProblem(send(teacher, "pond", "?org=north", zip("v1p1-bulk")), 403);
        Api.assertProblem(send(principal, "pond", "?org=north", zip("v1p1-bulk")), 403);
        Api.assertProblem(send(otherAdmin, "pond", "?org=north", zip("v1p1-bulk")), 403);
        Api.assertProblem(send(new Api(server, null), "pond", "?org=north", zip("v1p1-bulk")), 401);
        HttpResponse<String> own = send(schoolAdmin, "pond", "?org=north&dryRun=true", zip("v1p1-bulk"));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);

        JsonNode audit = Api.json(admin.get("/api/schools/pond/audit?limit=20"));
        List<String> entries = new ArrayList<>();
        audit.forEach(e -> entries.add(e.get("action").asText() + " " + e.get("status").asInt()));
        assertThat(entries).contains("POST /api/schools/{school}/imports/oneroster 200",
                "POST /api/schools/{school}/imports/oneroster 403");
    }

    /** The "done means": a district export and a template day are all a school needs to plan its day. */
    @Test
    void theDemoDistrictImportsForOneSchoolAndItsDayIsPlannedWithEveryPresentStudentPlaced() throws IOException {
        byte[] demo = Files.readAllBytes(Api.DATASETS.resolve("oneroster").resolve("demo-district.zip"));

        HttpResponse<String> imported = send(admin, "demo", "?template=small&acceptQualifications=true", demo);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode r = Api.json(imported);
        assertThat(r.get("org").asText()).isEqualTo("org-demo");
        assertThat(r.get("students").get("total").asInt()).isEqualTo(60);
        assertThat(r.get("qualificationsAccepted").asBoolean()).isTrue();
        // the org is kept, so the day goes back to the SIS under it and a later sync finds it without ?org=
        assertThat(Api.json(admin.get("/api/schools/demo/days/" + DAY + "/problem")).get("school").get("sourcedId")
                .asText()).isEqualTo("org-demo");
        HttpResponse<String> started = admin.post("/api/schools/demo/days/" + DAY + "/plan?timeLimit=10m",
                new byte[0]);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode plan = admin.solveUntilWorkable(Api.json(started).get("planId").asText());
        assertThat(plan.get("score").asText()).matches("0hard/0medium/-?\\d+soft");
        String version = Api.json(started).get("version").asText();
        HttpResponse<String> unplaced = admin.get("/api/schools/demo/days/" + DAY + "/unplaced?version=" + version);
        for (long until = System.nanoTime() + Api.PATIENCE.toNanos(); unplaced.statusCode() == 409
                && System.nanoTime() < until; Api.sleep(200)) {
            unplaced = admin.get("/api/schools/demo/days/" + DAY + "/unplaced?version=" + version); // being stored
        }
        assertThat(unplaced.statusCode()).as(unplaced.body()).isEqualTo(200);
        assertThat(Api.json(unplaced).path("count").asInt(-1)).as(unplaced.body()).isZero();
        JsonNode day = Api.json(admin.get("/api/schools/demo/days/" + DAY + "/directory"));
        assertThat(day.get("students")).hasSize(60);
    }
}
