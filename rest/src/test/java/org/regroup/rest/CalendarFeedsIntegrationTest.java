package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;
import org.regroup.rest.auth.Secrets;
import org.regroup.rest.api.ServerLimits;
import org.regroup.rest.auth.Security;
import org.regroup.store.Database;
import org.regroup.store.Role;

/**
 * Calendar subscription feeds over HTTP: made by the adult or the student (or a guardian, or an admin), fetched with
 * no sign-in at their secret address, holding the published day only — the adult's roster, the student's own blocks
 * and never another student's name — updated in place when a new version is published, 404 once revoked or once the
 * student's record is erased; the token is kept only as its hash.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CalendarFeedsIntegrationTest {

    private static final String SCHOOL = "north";
    private static final String OTHER = "south";
    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();
    private static final Pattern UID = Pattern.compile("^UID:(.*)$", Pattern.MULTILINE);

    private static Database database;
    private static RegroupServer server;
    private static Api district;
    private static Api nobody;
    private static Api teacher;
    private static Api pupil;
    private static Api guardian;
    private static Api otherAdmin;
    private static String teacherId;
    private static String otherStaffId;
    private static Student student;
    private static String otherStudentId;
    /** The addresses made, by feed id. */
    private static final Map<String, String> URLS = new java.util.LinkedHashMap<>();
    private static String teacherFeed;
    private static String studentFeed;

    @BeforeAll
    static void start() throws IOException {
        database = Database.open("jdbc:h2:mem:calfeed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null,
                null);
        server = RegroupServer.start("127.0.0.1", 0, Api.settings(1, 1),
                new ServerLimits(ServerLimits.DEFAULT_MAX_BODY_BYTES, Api.DATASETS), database, Security.loopback());
        district = new Api(server);
        nobody = new Api(server, null);
        for (String school : List.of(SCHOOL, OTHER)) {
            HttpResponse<String> created = district.post("/api/schools/" + school, Api.small());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        planAndPublish();
        JsonNode plan = Api.json(district.get(day() + "/plans/1")).get("plan");
        Set<String> staff = new TreeSet<>();
        Set<String> led = new TreeSet<>();
        for (JsonNode b : plan.get("blocks")) {
            for (JsonNode session : b.get("sessions")) {
                if (session.hasNonNull("staffId")) {
                    staff.add(session.get("staffId").asText());
                    if (teacherId == null && session.get("students").size() > 0) {
                        teacherId = session.get("staffId").asText();
                    }
                }
            }
        }
        for (JsonNode b : plan.get("blocks")) {
            for (JsonNode session : b.get("sessions")) {
                if (teacherId.equals(session.path("staffId").asText())) {
                    session.get("students").forEach(s -> led.add(s.get("studentId").asText()));
                }
            }
        }
        DayProblem small = Api.smallProblem();
        student = small.students().stream().filter(s -> led.contains(s.id()) && s.name() != null
                && !s.name().isBlank()).findFirst().orElseThrow();
        otherStudentId = small.students().stream().map(Student::id).filter(id -> !id.equals(student.id()))
                .findFirst().orElseThrow();
        otherStaffId = staff.stream().filter(s -> !s.equals(teacherId)).findFirst().orElseThrow();
        teacher = new Api(server, Api.token(server, "teacher@north", Role.TEACHER, SCHOOL, teacherId, Set.of()));
        pupil = new Api(server, Api.token(server, "pupil@north", Role.STUDENT, SCHOOL, student.id(), Set.of()));
        guardian = new Api(server, Api.token(server, "guardian@north", Role.GUARDIAN, SCHOOL, null,
                Set.of(student.id())));
        otherAdmin = new Api(server, Api.token(server, "admin@south", Role.SCHOOL_ADMIN, OTHER, null, Set.of()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String day() {
        return "/api/schools/" + SCHOOL + "/days/" + TODAY;
    }

    private static final String FEEDS = "/api/schools/" + SCHOOL + "/calendar-feeds";

    /** Plans today (a short solve: nothing here depends on its quality) and returns the new version, a draft. */
    private static int plan() {
        HttpResponse<String> started = district.post(day() + "/plan?timeLimit=2s", new byte[0]);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        district.awaitNotSolving(Api.json(started).get("planId").asText(), Api.PATIENCE);
        int version = Api.json(started).get("version").asInt();
        district.awaitDraft(SCHOOL, TODAY, version);
        return version;
    }

    private static void planAndPublish() {
        int version = plan();
        HttpResponse<String> published = district.post(day() + "/publish?version=" + version, new byte[0]);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    }

    /** Makes a feed as {@code api}; returns its id (the address is kept in {@link #URLS}). */
    private static String create(Api api, String body) {
        HttpResponse<String> made = api.post(FEEDS, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode feed = Api.json(made);
        String url = feed.get("url").asText();
        assertThat(url).startsWith(server.uri().resolve("api/calendar/").toString()).endsWith(".ics");
        String token = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
        assertThat(token).startsWith("rgc_").hasSizeGreaterThanOrEqualTo(4 + 43); // 256 bits, URL-safe base64
        URLS.put(feed.get("id").asText(), url);
        return feed.get("id").asText();
    }

    private static HttpResponse<String> fetch(String feedId) {
        return nobody.get(URI.create(URLS.get(feedId)).getPath());
    }

    private static String unfolded(HttpResponse<String> ics) {
        return ics.body().replace("\r\n ", "");
    }

    private static List<String> uids(String ics) {
        List<String> uids = new ArrayList<>();
        Matcher m = UID.matcher(ics.replace("\r\n", "\n"));
        while (m.find()) {
            uids.add(m.group(1));
        }
        return uids;
    }

    /** The UIDs the adult's published roster should have: one per block where they have a group. */
    private static List<String> rosterUids(JsonNode roster) {
        List<String> uids = new ArrayList<>();
        for (JsonNode b : roster.get("blocks")) {
            if ("group".equals(b.get("status").asText())) {
                uids.add(SCHOOL + "/" + TODAY + "/adult-" + teacherId + "/" + b.get("blockId").asText() + "@regroup");
            }
        }
        return uids;
    }

    @Test
    @Order(1)
    void anAdultsFeedIsTheirPublishedRosterAtAnAddressThatNeedsNoSignIn() {
        teacherFeed = create(teacher, "{\"person\": \"" + teacherId + "\"}");

        HttpResponse<String> ics = fetch(teacherFeed);

        assertThat(ics.statusCode()).as(ics.body()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(ics.headers().firstValue("Cache-Control").orElseThrow()).contains("private");
        String etag = ics.headers().firstValue("ETag").orElseThrow();
        String body = unfolded(ics);
        assertThat(body).startsWith("BEGIN:VCALENDAR\r\n").contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n")
                .contains("X-PUBLISHED-TTL:PT1H\r\n").endsWith("END:VCALENDAR\r\n");
        for (String line : ics.body().split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        JsonNode roster = Api.json(district.get(day() + "/rosters/" + teacherId));
        assertThat(uids(body)).isNotEmpty().containsExactlyInAnyOrderElementsOf(rosterUids(roster));
        assertThat(body).contains("SEQUENCE:1\r\n").doesNotContain("SEQUENCE:2");
        for (JsonNode b : roster.get("blocks")) {
            if ("group".equals(b.get("status").asText())) {
                for (JsonNode s : b.get("students")) {
                    assertThat(body).contains(s.path("name").asText(s.get("id").asText()));
                }
                assertThat(body).contains("DTSTART:" + TODAY.replace("-", "") + "T"
                        + b.get("start").asText().replace(":", "").substring(0, 4));
            }
        }
        // unchanged: 304
        HttpResponse<String> again = nobody.send(nobody.request(URI.create(URLS.get(teacherFeed)).getPath())
                .header("If-None-Match", etag).GET().build());
        assertThat(again.statusCode()).isEqualTo(304);
        // listed with its last use, never its address; the fetch is audited as the feed
        HttpResponse<String> listed = teacher.get(FEEDS);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain("rgc_").contains(teacherFeed);
        assertThat(Api.json(listed).get(0).get("lastUsed").isNull()).isFalse();
        assertThat(Api.json(listed).get(0).get("createdBy").asText()).isNotBlank();
        JsonNode audit = Api.json(district.get("/api/schools/" + SCHOOL + "/audit"));
        List<String> actors = new ArrayList<>();
        audit.forEach(e -> actors.add(e.path("accountId").asText() + " " + e.path("action").asText()));
        assertThat(actors).contains("feed:" + teacherFeed + " GET /api/calendar/{token}.ics");
        assertThat(audit.toString()).doesNotContain("rgc_");
    }

    @Test
    @Order(2)
    void aStudentsFeedHasTheirOwnBlocksAndNoOtherStudentsName() {
        studentFeed = create(pupil, "{\"person\": \"" + student.id() + "\"}");
        create(guardian, "{\"person\": \"" + student.id() + "\"}");

        HttpResponse<String> ics = fetch(studentFeed);

        assertThat(ics.statusCode()).as(ics.body()).isEqualTo(200);
        String body = unfolded(ics);
        JsonNode card = Api.json(district.get(day() + "/students/" + student.id()));
        int seated = 0;
        for (JsonNode w : card.get("inWords")) {
            if (Set.of("placed", "catch-all").contains(w.path("status").asText())) {
                seated++;
                assertThat(body).contains(SCHOOL + "/" + TODAY + "/student-" + student.id() + "/"
                        + w.get("blockId").asText() + "@regroup");
                if (w.hasNonNull("withWhom") && !w.get("withWhom").asText().isBlank()) {
                    assertThat(body).contains("With " + w.get("withWhom").asText());
                }
            }
        }
        assertThat(uids(body)).hasSize(seated).isNotEmpty();
        DayProblem small = Api.smallProblem();
        Set<String> ownWords = new TreeSet<>();
        small.staff().forEach(s -> ownWords.add(String.valueOf(s.name())));
        small.spaces().forEach(s -> ownWords.add(String.valueOf(s.name())));
        small.skills().forEach(k -> ownWords.add(String.valueOf(k.name())));
        int checked = 0;
        for (Student other : small.students()) {
            String name = other.name();
            if (other.id().equals(student.id()) || name == null || name.isBlank() || student.name().contains(name)
                    || ownWords.stream().anyMatch(w -> w.contains(name))) {
                continue; // a name the feed may hold for another reason
            }
            checked++;
            assertThat(body).as("the feed of %s names %s", student.id(), other.id()).doesNotContain(name);
        }
        assertThat(checked).isGreaterThan(10);
        assertThat(body).doesNotContain("(" + otherStudentId + ")");
    }

    @Test
    @Order(3)
    void onlyThePersonTheirGuardiansAndTheSchoolsAdminsMakeAFeed() {
        assertThat(pupil.post(FEEDS, ("{\"person\": \"" + otherStudentId + "\"}").getBytes()).statusCode())
                .isEqualTo(403);
        assertThat(guardian.post(FEEDS, ("{\"person\": \"" + otherStudentId + "\"}").getBytes()).statusCode())
                .isEqualTo(403);
        assertThat(teacher.post(FEEDS, ("{\"person\": \"" + otherStaffId + "\"}").getBytes()).statusCode())
                .isEqualTo(403);
        assertThat(teacher.post(FEEDS, ("{\"person\": \"" + student.id() + "\", \"kind\": \"student\"}")
                .getBytes()).statusCode()).isEqualTo(403);
        // another school's admin: not made, not listed, not revoked
        assertThat(otherAdmin.post(FEEDS, ("{\"person\": \"" + teacherId + "\"}").getBytes()).statusCode())
                .isEqualTo(403);
        assertThat(otherAdmin.get(FEEDS).statusCode()).isEqualTo(403);
        assertThat(otherAdmin.delete(FEEDS + "/" + teacherFeed).statusCode()).isEqualTo(403);
        assertThat(fetch(teacherFeed).statusCode()).isEqualTo(200);
        // the student lists their own feeds only; the school's admin (here the district) every one
        assertThat(Api.json(pupil.get(FEEDS)).toString()).contains(studentFeed).doesNotContain(teacherFeed);
        assertThat(Api.json(district.get(FEEDS))).hasSize(3);
        assertThat(district.post(FEEDS, "{\"person\": \"NOBODY\"}".getBytes()).statusCode()).isEqualTo(422);
    }

    @Test
    @Order(4)
    void aNewPublishedVersionUpdatesTheSameEventsAndDraftsNeverShow() {
        HttpResponse<String> before = fetch(teacherFeed);
        String etag = before.headers().firstValue("ETag").orElseThrow();

        int draft = plan();
        HttpResponse<String> whileDraft = fetch(teacherFeed);
        assertThat(whileDraft.body()).as("a draft changes nothing").isEqualTo(before.body());
        assertThat(whileDraft.headers().firstValue("ETag").orElseThrow()).isEqualTo(etag);

        HttpResponse<String> published = district.post(day() + "/publish?version=" + draft, new byte[0]);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        HttpResponse<String> after = fetch(teacherFeed);

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        String body = unfolded(after);
        assertThat(body).contains("SEQUENCE:" + draft + "\r\n").doesNotContain("SEQUENCE:1\r\n");
        JsonNode roster = Api.json(district.get(day() + "/rosters/" + teacherId));
        assertThat(roster.get("stamp").get("version").asInt()).isEqualTo(draft);
        assertThat(uids(body)).containsExactlyInAnyOrderElementsOf(rosterUids(roster));
        // an event of a block the adult has a group in under both versions keeps its UID
        List<String> kept = new ArrayList<>(uids(unfolded(before)));
        kept.retainAll(uids(body));
        assertThat(kept).isNotEmpty();
    }

    @Test
    @Order(5)
    void theTokenIsKeptOnlyAsItsHashAndARevokedAddressIs404() throws Exception {
        List<String> hashes = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement q = c.createStatement();
                ResultSet rs = q.executeQuery("SELECT * FROM calendar_feed")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    String value = rs.getString(i);
                    assertThat(value == null ? "" : value).doesNotContain("rgc_");
                }
                hashes.add(rs.getString("token_hash"));
            }
        }
        List<String> expected = URLS.values().stream().map(u -> Secrets.sha256(u.substring(u.lastIndexOf('/') + 1,
                u.length() - ".ics".length()))).toList();
        assertThat(hashes).containsExactlyInAnyOrderElementsOf(expected);

        assertThat(teacher.delete(FEEDS + "/" + teacherFeed).statusCode()).isEqualTo(204);

        HttpResponse<String> revoked = fetch(teacherFeed);
        assertThat(revoked.statusCode()).isEqualTo(404);
        assertThat(revoked.body()).doesNotContain("rgc_");
        assertThat(teacher.delete(FEEDS + "/" + teacherFeed).statusCode()).isEqualTo(404);
        assertThat(nobody.get("/api/calendar/rgc_" + "A".repeat(43) + ".ics").statusCode()).isEqualTo(404);
        JsonNode listed = Api.json(teacher.get(FEEDS));
        assertThat(listed.get(0).get("revoked").isNull()).isFalse();
    }

    @Test
    @Order(6)
    void theStudentsRecordListsTheirFeedsAndErasingItDeletesThem() {
        String record = "/api/schools/" + SCHOOL + "/students/" + student.id() + "/record";
        HttpResponse<String> export = district.get(record);
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(Api.json(export).get("calendarFeeds")).hasSize(2);
        assertThat(export.body()).contains(studentFeed).doesNotContain("rgc_");

        HttpResponse<String> erased = district.delete(record);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(Api.json(erased).get("removed").get("calendarFeeds").asInt()).isEqualTo(2);

        assertThat(fetch(studentFeed).statusCode()).isEqualTo(404);
        assertThat(Api.json(district.get(FEEDS)).toString()).doesNotContain(studentFeed);
    }
}
