package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.regroup.rest.auth.AccountAdmin;
import org.regroup.store.Role;
import org.regroup.testing.Browser;

/**
 * The two server-rendered pages in a real headless Chromium, signed in as a browser is (the session cookie): a
 * teacher's printable roster of a planned and published day, and a principal's what-if report. Each is read as a
 * person would (visible text), photographed under {@code target/screenshots/}, and checked by axe-core.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PrintablePagesBrowserTest {

    private static final String SCHOOL = "north";
    private static final String DAY = "2026-11-24";
    private static final String PASSWORD = "a long school password";

    private static Browser browser;
    private static RegroupServer server;
    private static Api admin;
    /** The teacher (staff id) whose roster is read: one who leads a group with students in the published plan. */
    private static String teacher;

    @BeforeAll
    static void start() throws IOException {
        if (!Browser.installed()) {
            return; // nothing to solve: each test is skipped, or failed if required, with the reason (requireBrowser)
        }
        browser = Browser.start();
        System.out.println("Chromium and chromedriver started in " + browser.startedIn().toMillis() + " ms");
        server = Api.start(Api.longSolves(1, 1));
        admin = new Api(server);
        HttpResponse<String> made = admin.post("/api/schools/" + SCHOOL, Api.small());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        HttpResponse<String> started = admin.post(day("/plan?timeLimit=10m"), new byte[0]);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        admin.solveUntilWorkable(Api.json(started).get("planId").asText());
        awaitStored();
        HttpResponse<String> published = admin.post(day("/publish"), new byte[0]);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

        Set<String> teachers = new java.util.HashSet<>();
        Api.smallProblem().staff().stream().filter(s -> s.role() == org.regroup.domain.StaffRole.TEACHER)
                .forEach(s -> teachers.add(s.id()));
        JsonNode plan = Api.json(admin.get(day("/plans/1"))).get("plan");
        for (JsonNode block : plan.get("blocks")) {
            for (JsonNode session : block.path("sessions")) {
                if (teacher == null && !session.path("students").isEmpty()
                        && teachers.contains(session.path("staffId").asText())) {
                    teacher = session.get("staffId").asText();
                }
            }
        }
        assertThat(teacher).as("a teacher with a group").isNotNull();
    }

    @BeforeEach
    void requireBrowser() {
        Browser.requireInstalled();
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static String day(String rest) {
        return "/api/schools/" + SCHOOL + "/days/" + DAY + rest;
    }

    /** Waits until the newest version of the day is stored (no longer solving), so that it can be published. */
    private static void awaitStored() {
        long deadline = System.nanoTime() + Api.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode versions = Api.json(admin.get(day("/plans")));
            if (!versions.get(0).get("status").asText().equals("solving")) {
                return;
            }
            Api.sleep(100);
        }
        throw new AssertionError(DAY + " still solving after " + Api.PATIENCE);
    }

    /** Makes an account with a password and signs in as a browser does; returns the session cookie and CSRF token. */
    private static String[] account(String username, Role role, String personId) {
        new AccountAdmin(server.authenticator().accounts(), Clock.systemUTC()).create(username, PASSWORD, role,
                SCHOOL, personId, Set.of());
        HttpResponse<String> r = new Api(server, null).post("/api/session", json(Map.of("username", username,
                "password", PASSWORD)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        String pair = setCookie.substring(0, setCookie.indexOf(';'));
        assertThat(pair).startsWith(Browser.SESSION_COOKIE + "=");
        return new String[] {pair.substring(pair.indexOf('=') + 1), Api.json(r).get("csrfToken").asText()};
    }

    private static byte[] json(Object value) {
        try {
            return Api.JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whether the page's inline stylesheet applied: its table cells have borders (a browser's default has none). */
    private static boolean styled() {
        return "solid".equals(browser.driver().executeScript(
                "return getComputedStyle(document.querySelector('th')).borderTopStyle;"));
    }

    private static URI page(String path) {
        return server.uri().resolve(path);
    }

    @Test
    void aTeacherReadsTheirPrintableRosterInTheBrowser() {
        String[] session = account("teacher-browser", Role.TEACHER, teacher);
        JsonNode roster = Api.json(admin.send(admin.request(day("/rosters/" + teacher))
                .header("Accept", "application/json").GET().build()));
        JsonNode group = null;
        for (JsonNode b : roster.get("blocks")) {
            if (group == null && !b.path("students").isEmpty()) {
                group = b;
            }
        }
        assertThat(group).as("a block with students on %s's roster", teacher).isNotNull();
        String staffName = roster.get("staff").path("name").asText(teacher);
        String blockTime = LocalTime.parse(group.get("start").asText()).toString().substring(0, 5);
        String studentName = group.get("students").get(0).path("name").asText();

        browser.signIn(server.uri(), session[0]);
        Duration loaded = browser.open(page(day("/rosters/" + teacher)));

        String text = browser.text();
        assertThat(text).contains(staffName, blockTime, studentName);
        assertThat(browser.driver().getTitle()).startsWith("Roster: " + staffName);
        assertThat(styled()).as("the page's own styles apply (its Content-Security-Policy allows them)").isTrue();
        Path shot = browser.screenshot("roster-" + teacher);
        assertThat(shot).isNotEmptyFile();
        long t0 = System.nanoTime();
        List<Browser.Violation> all = browser.assertAccessible();
        System.out.printf("roster page: loaded in %d ms, axe ran in %d ms; below serious: %s%n", loaded.toMillis(),
                (System.nanoTime() - t0) / 1_000_000, all);
    }

    @Test
    void aPrincipalReadsAWhatIfReportInTheBrowser() throws IOException {
        String[] session = account("principal-browser", Role.PRINCIPAL, null);
        // A principal submits it from the browser's session (cookie and CSRF token), as the page will.
        byte[] scenario = """
                {"format": "regroup/scenario", "version": 1, "id": "browser", "name": "One tutor fewer",
                 "base": "../small.json", "variants": [
                   {"name": "no tutor", "changes": [{"type": "remove-staff", "staffId": "TU01"}]}]}
                """.getBytes(StandardCharsets.UTF_8);
        Api anonymous = new Api(server, null);
        HttpResponse<String> posted = anonymous.send(anonymous.request("/api/scenarios?timeLimit=2s")
                .header("Cookie", Browser.SESSION_COOKIE + "=" + session[0]).header("X-CSRF-Token", session[1])
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(scenario))
                .build());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String id = Api.json(posted).get("id").asText();
        long deadline = System.nanoTime() + Api.PATIENCE.toNanos();
        JsonNode status;
        do {
            Api.sleep(200);
            status = Api.json(anonymous.send(anonymous.request("/api/scenarios/" + id)
                    .header("Cookie", Browser.SESSION_COOKIE + "=" + session[0]).GET().build()));
        } while (status.get("status").asText().matches("QUEUED|SOLVING") && System.nanoTime() < deadline);
        assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("DONE");

        browser.signIn(server.uri(), session[0]);
        Duration loaded = browser.open(page("/api/scenarios/" + id));

        assertThat(browser.driver().getTitle()).isEqualTo("What if: One tutor fewer");
        assertThat(browser.text()).contains("What if: One tutor fewer", "no tutor", "Side by side");
        assertThat(styled()).as("the page's own styles apply (its Content-Security-Policy allows them)").isTrue();
        assertThat(browser.screenshot("what-if")).isNotEmptyFile();
        long t0 = System.nanoTime();
        List<Browser.Violation> all = browser.assertAccessible();
        System.out.printf("what-if page: loaded in %d ms, axe ran in %d ms; below serious: %s%n", loaded.toMillis(),
                (System.nanoTime() - t0) / 1_000_000, all);
        assertThat(Files.exists(Browser.SCREENSHOTS.resolve("what-if.png"))).isTrue();
    }
}
