package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.regroup.domain.Staff;
import org.regroup.domain.TimeBlock;

/**
 * A teacher's morning roster over HTTP in the four media types, checked against the plan it is cut from: the same
 * students in the same sessions, whatever the format.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RostersIntegrationTest {

    private static RegroupServer server;
    private static Api api;
    private static String id;
    private static JsonNode plan;
    /** An adult who leads at least one group with students in the plan. */
    private static String teacher;

    @BeforeAll
    static void solveSmall() throws IOException {
        server = Api.start(Api.settings(1, 1));
        api = new Api(server);
        id = api.submitSmall("2s"); // ends at that limit: nothing here depends on the plan's quality
        api.awaitNotSolving(id, Api.PATIENCE);
        plan = Api.json(api.get("/api/plans/" + id)).get("plan");
        teacher = Api.smallProblem().staff().stream().map(Staff::id)
                .filter(s -> !sessionsOf(s).isEmpty()).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The adult's sessions with students in the plan, as "sessionId studentId" pairs. */
    private static List<String> sessionsOf(String staffId) {
        List<String> seats = new ArrayList<>();
        for (JsonNode block : plan.get("blocks")) {
            for (JsonNode session : block.path("sessions")) {
                if (staffId.equals(session.path("staffId").asText())) {
                    session.path("students").forEach(s -> seats.add(session.get("id").asText() + " "
                            + s.get("studentId").asText()));
                }
            }
        }
        return seats;
    }

    private HttpResponse<String> roster(String staffId, String accept) {
        return api.send(api.request("/api/plans/" + id + "/rosters/" + staffId).header("Accept", accept).GET()
                .build());
    }

    @Test
    void jsonRosterHasEveryBlockAndTheSameStudentsAsThePlan() {
        HttpResponse<String> response = roster(teacher, "application/json");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode roster = Api.json(response);
        assertThat(roster.get("planId").asText()).isEqualTo(id);
        assertThat(roster.get("staff").get("id").asText()).isEqualTo(teacher);
        assertThat(roster.get("date").asText()).isEqualTo(Api.smallProblem().date().toString());
        List<String> blocks = new ArrayList<>();
        List<String> seats = new ArrayList<>();
        for (JsonNode b : roster.get("blocks")) {
            blocks.add(b.get("blockId").asText());
            assertThat(b.get("status").asText()).isIn("group", "free", "away", "commitment", "catch-all", "travel");
            if (b.get("status").asText().equals("group")) {
                assertThat(b.get("space").get("name").asText()).isNotBlank();
                assertThat(b.get("session").get("modalityName").asText()).isNotBlank();
                for (JsonNode s : b.path("students")) {
                    seats.add(b.get("session").get("id").asText() + " " + s.get("id").asText());
                    assertThat(s.get("focus").get("name").asText()).isNotBlank();
                }
            }
        }
        assertThat(blocks).containsExactlyElementsOf(
                Api.smallProblem().blocks().stream().map(TimeBlock::id).toList());
        assertThat(seats).containsExactlyInAnyOrderElementsOf(sessionsOf(teacher));
    }

    @Test
    void accommodationsToHonourAreOnTheRoster() {
        // Every student with an accommodation, in any adult's group, shows it on that adult's roster.
        int shown = 0;
        for (Staff staff : Api.smallProblem().staff()) {
            JsonNode roster = Api.json(roster(staff.id(), "application/json"));
            for (JsonNode b : roster.get("blocks")) {
                for (JsonNode s : b.path("students")) {
                    boolean has = Api.smallProblem().students().stream()
                            .filter(st -> st.id().equals(s.get("id").asText()))
                            .anyMatch(st -> st.accommodations() != null && st.accommodations().minStaffLedBlocksOrZero() > 0);
                    if (has) {
                        assertThat(s.path("accommodations").toString()).contains("staff-led");
                        shown++;
                    }
                }
            }
        }
        assertThat(shown).as("the small day has students with accommodations in groups").isPositive();
    }

    @Test
    void csvRosterHasAHeaderAndOneRowPerStudentBlock() {
        HttpResponse<String> response = roster(teacher, "text/csv");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("roster-" + teacher).contains(".csv"));
        List<List<String>> rows = parseCsv(response.body());
        assertThat(String.join(",", rows.get(0))).startsWith("date,staffId,staffName,blockId");
        List<String> seats = new ArrayList<>();
        for (List<String> cells : rows.subList(1, rows.size())) {
            assertThat(cells).hasSameSizeAs(rows.get(0));
            assertThat(cells.get(1)).isEqualTo(teacher);
            if (cells.get(6).equals("group") && !cells.get(13).isEmpty()) {
                seats.add(cells.get(7) + " " + cells.get(13));
            }
        }
        assertThat(seats).containsExactlyInAnyOrderElementsOf(sessionsOf(teacher));
    }

    @Test
    void htmlRosterIsOnePrintablePageWithEveryStudent() {
        HttpResponse<String> response = roster(teacher, "text/html");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/html"));
        String html = response.body();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("@media print").doesNotContain("<script");
        assertThat(html.split("<article class=\"roster\">", -1)).as("one page for one adult").hasSize(2);
        for (String seat : sessionsOf(teacher)) {
            assertThat(html).contains("(" + seat.split(" ")[1] + ")");
        }
    }

    @Test
    void calendarRosterHasOneEventPerGroup() {
        HttpResponse<String> response = roster(teacher, "text/calendar");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/calendar"));
        String ics = response.body();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n").contains("VERSION:2.0");
        long groups = sessionsOf(teacher).stream().map(s -> s.split(" ")[0]).distinct().count();
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize((int) groups + 1);
        String date = Api.smallProblem().date().toString().replace("-", "");
        assertThat(ics).contains("DTSTART:" + date + "T");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line)
                    .isLessThanOrEqualTo(75);
        }
    }

    @Test
    void anUnchangedRosterIs304ForItsETag() {
        HttpResponse<String> first = roster(teacher, "text/csv");
        String tag = first.headers().firstValue("ETag").orElseThrow();
        String jsonTag = roster(teacher, "application/json").headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = api.send(api.request("/api/plans/" + id + "/rosters/" + teacher)
                .header("Accept", "text/csv").header("If-None-Match", tag).GET().build());
        HttpResponse<String> otherFormat = api.send(api.request("/api/plans/" + id + "/rosters/" + teacher)
                .header("Accept", "application/json").header("If-None-Match", tag).GET().build());

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(jsonTag).isNotEqualTo(tag);
        assertThat(otherFormat.statusCode()).isEqualTo(200);
        assertThat(first.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Accept"));
    }

    @Test
    void anUnknownAdultIs404AndAnUnsupportedMediaTypeIs406() {
        JsonNode unknown = Api.assertProblem(roster("NOBODY", "application/json"), 404);
        assertThat(unknown.get("detail").asText()).contains("NOBODY");
        Api.assertProblem(roster(teacher, "image/png"), 406);
        Api.assertProblem(api.get("/api/plans/no-such-plan/rosters/" + teacher), 404);
    }

    @Test
    void aDayWithoutADateHasNoCalendarButTheOtherFormats() throws IOException {
        ObjectNode day = Api.smallTree();
        day.remove("date");
        HttpResponse<String> submitted = api.post("/api/plans?timeLimit=1s", Api.JSON.writeValueAsBytes(day));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String undated = Api.json(submitted).get("id").asText();
        api.awaitNotSolving(undated, Api.PATIENCE);

        HttpResponse<String> ics = api.send(api.request("/api/plans/" + undated + "/rosters/" + teacher)
                .header("Accept", "text/calendar").GET().build());
        HttpResponse<String> csv = api.send(api.request("/api/plans/" + undated + "/rosters/" + teacher)
                .header("Accept", "text/csv").GET().build());

        assertThat(Api.assertProblem(ics, 409).get("detail").asText()).contains("no date");
        assertThat(csv.statusCode()).isEqualTo(200);
    }

    /** RFC 4180 as a reader sees it: quoted fields may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field.length() == 0 && row.isEmpty()).as("ends with CRLF").isTrue();
        return rows;
    }
}
