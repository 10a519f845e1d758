package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.store.Role;

/**
 * {@code POST /api/schools/{school}/imports/spaces}: the demo school's sample previewed, synced and sent again with
 * no change; a file with an error is a 422 naming each place and changes nothing; only the school's admin and the
 * district may send one.
 */
class SetupImportIntegrationTest {

    private static RegroupServer server;
    private static Api admin;
    private static byte[] sample;

    @BeforeAll
    static void start() throws IOException {
        server = Api.start(Api.longSolves(1, 1));
        admin = new Api(server);
        byte[] demo = Files.readAllBytes(Api.DATASETS.resolve("oneroster").resolve("demo-district.zip"));
        HttpResponse<String> made = admin.post("/api/schools/demo/imports/oneroster?template=small", demo,
                "application/zip");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        sample = Files.readAllBytes(Api.DATASETS.resolve("setup").resolve("spaces.csv"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(Api api, String query, byte[] csv) {
        return api.post("/api/schools/demo/imports/spaces" + query, csv, "text/csv");
    }

    private static String problem() {
        return admin.get("/api/schools/demo/days/2026-11-24/problem").body();
    }

    @Test
    void aFileWithAnErrorChangesNothingThenThePreviewWritesNothingTheSyncWritesAndAgainChangesNothing() {
        String before = problem();
        JsonNode invalid = Api.assertProblem(send(admin, "", ("id,kind,capacity\r\nCR01,classroom,27\r\n"
                + "CR02,classroom,-3\r\n").getBytes(StandardCharsets.UTF_8)), 422);
        assertThat(invalid.get("title").asText()).isEqualTo("Invalid setup file");
        JsonNode error = invalid.get("errors").get(0);
        assertThat(error.get("path").asText()).isEqualTo("request body:3:capacity");
        assertThat(error.get("sourcedId").asText()).isEqualTo("CR02");
        assertThat(problem()).isEqualTo(before);

        JsonNode preview = Api.json(send(admin, "?dryRun=true", sample));
        assertThat(preview.get("applied").asBoolean()).isFalse();
        assertThat(preview.get("added").toString()).isEqualTo("[\"SR02\",\"MUSEUM\"]");
        assertThat(problem()).isEqualTo(before);

        JsonNode applied = Api.json(send(admin, "", sample));
        assertThat(applied.get("applied").asBoolean()).isTrue();
        assertThat(problem()).contains("MUSEUM", "Small room 2, by the office");

        JsonNode again = Api.json(send(admin, "", sample));
        assertThat(again.get("applied").asBoolean()).isFalse();
        assertThat(again.get("unchanged").asInt()).isEqualTo(8);

        Api.assertProblem(admin.post("/api/schools/demo/imports/spaces", "{}".getBytes(), "application/json"), 415);
        Api.assertProblem(admin.post("/api/schools/nowhere/imports/spaces", sample, "text/csv"), 404);
    }

    @Test
    void theBellScheduleIsPreviewedOverHttpAndABadOneNamesItsPlace() throws IOException {
        byte[] bell = Files.readAllBytes(Api.DATASETS.resolve("setup").resolve("bell-schedule.csv"));
        JsonNode preview = Api.json(admin.post("/api/schools/demo/imports/bell-schedule?dryRun=true", bell,
                "text/csv"));
        assertThat(preview.get("kind").asText()).isEqualTo("bell-schedule");
        assertThat(preview.get("unchanged").asInt()).isEqualTo(6);
        JsonNode bad = Api.assertProblem(admin.post("/api/schools/demo/imports/bell-schedule",
                "block,start,end\nB1,08:30,25:00\n".getBytes(StandardCharsets.UTF_8), "text/csv"), 422);
        assertThat(bad.get("errors").get(0).get("path").asText()).isEqualTo("request body:2:end");
    }

    @Test
    void onlyTheSchoolsAdminAndTheDistrictSendSetupFiles() {
        Api teacher = new Api(server, Api.token(server, "demo-setup-teacher", Role.TEACHER, "demo", "t-demo-1",
                Set.of()));
        Api principal = new Api(server, Api.token(server, "demo-setup-principal", Role.PRINCIPAL, "demo", null,
                Set.of()));
        Api otherAdmin = new Api(server, Api.token(server, "hill-setup-admin", Role.SCHOOL_ADMIN, "hill", null,
                Set.of()));
        byte[] one = "id,kind,capacity\nCR01,classroom,27\n".getBytes(StandardCharsets.UTF_8);
        String before = problem();

        Api.assertProblem(send(teacher, "", one), 403);
        Api.assertProblem(teacher.post("/api/schools/demo/imports/bell-schedule", "block,start,end\nB1,08:30,08:55\n"
                .getBytes(StandardCharsets.UTF_8), "text/csv"), 403);
        Api.assertProblem(teacher.post("/api/schools/demo/imports/qualifications", ("staff,strand\n"
                + "t-demo-1,math\n").getBytes(StandardCharsets.UTF_8), "text/csv"), 403);
        Api.assertProblem(teacher.post("/api/schools/demo/imports/accommodations", ("student,quietSpace\n"
                + "s-demo-0001,true\n").getBytes(StandardCharsets.UTF_8), "text/csv"), 403);
        Api.assertProblem(send(principal, "", one), 403);
        Api.assertProblem(send(otherAdmin, "", one), 403);
        Api.assertProblem(send(new Api(server, null), "", one), 401);
        assertThat(problem()).isEqualTo(before);
    }
}
