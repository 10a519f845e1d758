package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.regroup.rest.auth.AccountAdmin;
import org.regroup.store.Role;
import org.regroup.testing.Browser;

/**
 * The web interface as its users meet it, in a real headless Chromium: the scheduler signs in through the form, plans
 * today from the board (following the solve live, stopping it once workable), reads the grid and publishes, moves a
 * student to one of their ranked alternatives and publishes the version made around the move; then a teacher signs
 * in and reads their day, and a student and a guardian read the student's card. Each page is photographed under {@code target/screenshots/} and checked by
 * axe-core.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BoardBrowserTest {

    private static final String PASSWORD = "a long school password";

    private static Browser browser;
    private static RegroupServer server;
    private static Api admin;

    @BeforeAll
    static void start() throws IOException {
        if (!Browser.installed()) {
            return; // each test is skipped, or failed if required, with the reason
        }
        browser = Browser.start();
        server = Api.start(Api.settings(1, 1));
        admin = new Api(server);
        assertThat(admin.post("/api/schools/north", Api.small()).statusCode()).isEqualTo(201);
        new AccountAdmin(server.authenticator().accounts(), java.time.Clock.systemUTC()).create("scheduler", PASSWORD,
                Role.SCHOOL_ADMIN, "north", null, Set.of());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void browserThere() {
        Browser.requireInstalled();
    }

    @Test
    void theSchedulerPlansTodayOnTheBoardAndPublishesAndTheTeacherReadsTheirDay() {
        URI ui = server.uri().resolve("/ui/");
        browser.open(ui);
        browser.signIn("scheduler", PASSWORD);

        // the board opens on today; plan it and follow the solve until it is workable, then stop it
        browser.click(browser.await(() -> browser.find(By.id("plan")), "the Plan button"));
        browser.await(() -> browser.text(By.id("progress-text")).contains("workable") || browser.find(By.id("publish")) != null ? true : null,
                "the plan to become workable");
        WebElement stop = browser.find(By.id("stop"));
        if (stop != null) {
            browser.click(stop);
        }
        WebElement publish = browser.await(() -> browser.find(By.id("publish")), "the draft on the board with a Publish button");
        String grid = browser.text(By.id("grid"));
        String firstAdult = Api.smallProblem().staff().get(0).name();
        assertThat(grid).as("adults by name").contains(firstAdult);
        assertThat(grid).as("blocks by time").contains(Api.smallProblem().blocks().get(0).start().toString()
                .substring(0, 5));
        assertThat(browser.text(By.id("unplaced-title"))).startsWith("Without a seat");
        browser.screenshot("board-draft");
        browser.assertAccessible();

        browser.click(publish);
        browser.await(() -> browser.text().contains("Published") ? true : null, "the version shown as published");
        browser.screenshot("board-published");

        // move a student through the board: find them, pick a block, choose the best alternative; the day is
        // re-planned around the move as version 2, which the scheduler publishes
        var someone = Api.smallProblem().students().get(0);
        // a few results on two skills first, so that the profile's evidence chart has lines to draw
        String skill = Api.smallProblem().skills().get(0).id();
        String other = Api.smallProblem().skills().get(1).id();
        StringBuilder results = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            results.append(i == 0 ? "" : ",").append("{\"eventId\": \"board-").append(i).append("\", \"studentId\": \"")
                    .append(someone.id()).append("\", \"skillId\": \"").append(i % 2 == 0 ? skill : other)
                    .append("\", \"correct\": ").append(i != 1).append(", \"observedAt\": \"2026-11-2").append(i)
                    .append("T10:00:00Z\"}");
        }
        assertThat(admin.post("/api/schools/north/evidence", ("{\"results\": [" + results + "]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        WebElement search = browser.await(() -> browser.find(By.id("student-search")), "the student search");
        search.sendKeys(someone.name() + " (" + someone.id() + ")");
        browser.click(browser.find(By.cssSelector("form[aria-label='Find a student'] button[type=submit]")));
        browser.await(() -> browser.driver().findElements(By.cssSelector("#student-day td.why")).stream()
                .anyMatch(cell -> !cell.getText().isBlank()) ? true : null, "why each block is what it is");
        browser.click(browser.await(() -> browser.find(By.id("show-profile")), "their learner profile button"));
        browser.await(() -> browser.find(By.id("profile")), "the learner profile");
        assertThat(browser.text(By.id("profile"))).contains("Learner profile: " + someone.name(), "mastered", "ready to learn");
        // the skill map as a picture: every skill of the school drawn, each with its state; the evidence as lines
        assertThat(browser.driver().findElements(By.cssSelector("#profile svg.skill-map g[data-state]")))
                .hasSize(Api.smallProblem().skills().size());
        assertThat(browser.driver().findElements(By.cssSelector("#evidence-chart g[data-skill]"))).hasSize(2);
        browser.screenshot("learner-profile");
        browser.assertAccessible();
        browser.click(browser.await(() -> browser.find(By.cssSelector("#student-day button[data-block]")), "a block of their day to move"));
        browser.await(() -> browser.find(By.cssSelector("#alternative-list button[data-session]")), "the ranked alternatives");
        browser.screenshot("board-alternatives");
        browser.assertAccessible();
        // choosing an alternative shows what the move would do first; cancelled here
        browser.click(browser.find(By.cssSelector("#alternative-list button[data-session]")));
        browser.await(() -> browser.find(By.id("move-preview")), "what the move would do");
        assertThat(browser.text(By.id("move-preview"))).contains("Joins", "Score change");
        browser.click(browser.find(By.cssSelector("#move-preview button.btn-outline-secondary")));
        // then the same move by dragging the block of their day onto that group on the grid
        String target = browser.find(By.cssSelector("#alternative-list button[data-session]")).getAttribute("data-session");
        WebElement row = browser.find(By.cssSelector("#student-day tr[draggable=true]"));
        WebElement group = browser.find(By.cssSelector("#grid .group[data-session='" + target + "']"));
        browser.driver().executeScript("""
                const [row, group] = arguments;
                const data = new DataTransfer();
                row.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: data }));
                group.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
                group.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
                row.dispatchEvent(new DragEvent('dragend', { bubbles: true, dataTransfer: data }));
                """, row, group);
        browser.await(() -> browser.find(By.id("move-preview")), "what the dropped move would do");
        assertThat(browser.text(By.id("who-else-moves"))).contains("Joins", "Leaves");
        browser.screenshot("board-move-preview");
        browser.assertAccessible();
        browser.click(browser.find(By.id("apply-move")));
        browser.await(() -> browser.text().contains("Version 2 of 2") && browser.find(By.id("publish")) != null ? true : null,
                "version 2, made around the move, on the board");
        JsonNode madeFrom = Api.json(admin.get("/api/schools/north/days/" + LocalDate.now() + "/plans/2?plan=false"))
                .get("madeFrom");
        assertThat(madeFrom.get("kind").asText()).isEqualTo("override");
        assertThat(madeFrom.get("override").get("studentId").asText()).isEqualTo(someone.id());
        browser.click(browser.find(By.id("publish")));
        browser.await(() -> browser.text().contains("Version 2 of 2") && browser.text().contains("Published") ? true : null,
                "version 2 published");
        browser.await(() -> browser.text(By.id("changes")).contains("Changed since version 1") ? true : null, "the diff in words");
        assertThat(browser.text(By.id("changes"))).contains(someone.name());

        // the grid by rooms, then a mid-day change: an adult gone from the fourth block on; the rest is re-planned
        browser.driver().executeScript("arguments[0].value = 'spaces'; arguments[0].dispatchEvent(new Event('change'));",
                browser.find(By.id("columns")));
        assertThat(browser.text(By.id("grid"))).contains(Api.smallProblem().spaces().get(0).name());
        browser.click(browser.find(By.cssSelector("details summary")));
        var gone = Api.smallProblem().staff().stream().filter(st -> st.id().startsWith("A")).findFirst().orElseThrow();
        String fourth = Api.smallProblem().blocks().get(3).id();
        browser.driver().executeScript("arguments[0].value = arguments[1];", browser.find(By.id("change-from")), fourth);
        browser.driver().executeScript("for (const o of arguments[0].options) o.selected = o.value === arguments[1];",
                browser.find(By.id("change-staff")), gone.id());
        browser.screenshot("board-midday-change");
        browser.assertAccessible();
        browser.click(browser.find(By.cssSelector("details form button[type=submit]")));
        browser.await(() -> browser.text().contains("Version 3 of 3") ? true : null, "version 3, re-planned after the change");
        JsonNode v3 = Api.json(admin.get("/api/schools/north/days/" + LocalDate.now() + "/plans/3?plan=false"));
        assertThat(v3.get("madeFrom").get("kind").asText()).isEqualTo("change");
        // any two versions compared: the first against the third
        browser.driver().executeScript("arguments[0].value = '1'; arguments[0].dispatchEvent(new Event('change'));",
                browser.await(() -> browser.find(By.id("diff-from")), "the versions to compare"));
        browser.await(() -> browser.text(By.id("changes-title")).startsWith("Changed since version 1:") ? true : null,
                "version 1 against version 3");

        // the teacher whose roster it is signs in and reads today's day
        String today = LocalDate.now().toString();
        // the teacher of the group the moved student joined in version 2
        JsonNode moves = Api.json(admin.get("/api/schools/north/days/" + today + "/plans/2?plan=false"))
                .path("changes").path("moves");
        String teacher = null;
        String student = null;
        for (JsonNode move : moves) {
            if (teacher == null && move.hasNonNull("staffAfter")) {
                teacher = move.get("staffAfter").asText();
                student = move.get("studentId").asText();
            }
        }
        assertThat(teacher).as("version 2 moved a student into an adult's group: %s", moves).isNotNull();
        String studentName = null;
        for (var s : Api.smallProblem().students()) {
            if (s.id().equals(student)) {
                studentName = s.name();
            }
        }
        assertThat(teacher).isNotNull();
        // the last school day's plan, published, for "since yesterday"
        String before = lastSchoolDayBefore(LocalDate.now()).toString();
        assertThat(admin.post("/api/schools/north/days/" + before + "/plan?timeLimit=2s", new byte[0]).statusCode())
                .isEqualTo(202);
        browser.await(() -> "draft".equals(Api.json(admin.get("/api/schools/north/days/" + before + "/plans/1?plan=false"))
                .path("status").asText()) ? true : null, "the last school day planned");
        assertThat(admin.post("/api/schools/north/days/" + before + "/publish?version=1", new byte[0]).statusCode())
                .isEqualTo(200);
        java.util.Set<String> then = rosterStudents(Api.json(admin.get("/api/schools/north/days/" + before
                + "/rosters/" + teacher)));
        java.util.Set<String> now = rosterStudents(Api.json(admin.get("/api/schools/north/days/" + today
                + "/rosters/" + teacher)));
        long joined = now.stream().filter(id -> !then.contains(id)).count();
        new AccountAdmin(server.authenticator().accounts(), java.time.Clock.systemUTC()).create("teacher-" + teacher,
                PASSWORD, Role.TEACHER, "north", teacher, Set.of());
        browser.click(browser.find(By.id("sign-out")));
        browser.signIn("teacher-" + teacher, PASSWORD);
        browser.await(() -> browser.text().contains("My day") && !browser.text(By.id("my-day")).contains("Loading") ? true : null,
                "the teacher's day");
        assertThat(browser.text(By.id("my-day"))).as("block times and students by name").contains(
                Api.smallProblem().blocks().get(0).start().toString().substring(0, 5), studentName);
        assertThat(browser.text(By.id("my-day"))).as("the move marked").contains("new here since version 1");
        assertThat(browser.text(By.id("since-yesterday"))).as("who is new since the last school day").contains("Since " + before)
                .contains(joined == 0 ? "Nobody new in your groups today" : "New in your groups today (" + joined + ")");
        assertThat(browser.text(By.id("my-day"))).as("why each student is there").contains("Why: ");
        assertThat(browser.driver().findElements(By.cssSelector(".block-roster button"))).as("print one block")
                .isNotEmpty();
        // a student's skill links to what it means: its full name, what it builds on and leads to
        WebElement skillLink = browser.find(By.cssSelector("#my-day a[href^='#skill/']"));
        String skillName = skillLink.getText();
        browser.click(skillLink);
        browser.await(() -> browser.find(By.id("skill-title")), "the skill's page");
        // the roster shortens long names with "…"; the skill's page gives the whole name
        assertThat(browser.text(By.id("skill-title"))).startsWith(skillName.replace("…", "").strip());
        assertThat(browser.text()).contains("Builds on", "Leads to");
        browser.screenshot("teacher-skill");
        browser.assertAccessible();
        browser.click(browser.find(By.id("back")));
        browser.await(() -> browser.find(By.id("since-yesterday")), "back on the day");
        browser.screenshot("teacher-day");
        browser.assertAccessible();
        // the teacher adds their days to their calendar: an address to paste, read by the calendar without sign-in
        browser.click(browser.find(By.cssSelector(".calendar-feed button")));
        WebElement address = browser.await(() -> browser.find(By.cssSelector(".calendar-url")), "the feed's address");
        String feed = address.getAttribute("value");
        assertThat(feed).contains("/api/calendar/rgc_").endsWith(".ics");
        java.net.http.HttpResponse<String> ics = new Api(server, null).get(java.net.URI.create(feed).getPath());
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.body()).contains("BEGIN:VEVENT", "UID:north/" + LocalDate.now());
        browser.screenshot("teacher-calendar");
        browser.assertAccessible();
        // and takes attendance in their first block with students: one absent, the rest present, kept for the SIS
        WebElement section = browser.find(By.cssSelector(".block-roster:has(.take-attendance)"));
        String blockId = section.getAttribute("data-block");
        browser.click(section.findElement(By.cssSelector(".take-attendance")));
        WebElement first = section.findElement(By.cssSelector("form.attendance select"));
        String absent = first.getAttribute("data-student");
        browser.choose(first, "absent");
        browser.click(section.findElement(By.cssSelector("form.attendance button[type=submit]")));
        browser.await(() -> section.findElement(By.cssSelector("form.attendance [role=status]")).getText()
                .startsWith("Saved for") ? true : null, "attendance saved");
        JsonNode taken = Api.json(admin.get("/api/schools/north/days/" + LocalDate.now() + "/attendance"));
        java.util.Map<String, String> statuses = new java.util.HashMap<>();
        taken.get("marks").forEach(m -> {
            if (m.get("block").asText().equals(blockId)) {
                statuses.put(m.get("student").asText(), m.get("status").asText());
            }
        });
        assertThat(statuses).containsEntry(absent, "absent").hasSize(section.findElements(
                By.cssSelector("form.attendance select")).size());
        assertThat(statuses.values().stream().filter("present"::equals).count()).isEqualTo(statuses.size() - 1);
        browser.screenshot("teacher-attendance");
        browser.assertAccessible();

        // the student reads their card in plain words: times, what, how, with whom, where — no internal ids; then a
        // guardian reads their child's
        AccountAdmin accounts = new AccountAdmin(server.authenticator().accounts(), java.time.Clock.systemUTC());
        accounts.create("student-" + student, PASSWORD, Role.STUDENT, "north", student, Set.of());
        accounts.create("guardian-" + student, PASSWORD, Role.GUARDIAN, "north", null, Set.of(student));
        for (String who : List.of("student-" + student, "guardian-" + student)) {
            browser.click(browser.find(By.id("sign-out")));
            browser.signIn(who, PASSWORD);
            browser.await(() -> browser.text(By.id("cards")).contains("–") ? true : null, "the day card of " + who);
            String card = browser.text(By.id("cards"));
            assertThat(card).as(who).contains(studentName, "with ",
                    Api.smallProblem().blocks().get(0).start().toString().substring(0, 5));
            assertThat(card).as("no internal ids on " + who + "'s card").doesNotContainPattern(
                    "\\b(T|A|CR|LAB|STUDIO|S)\\d{2,4}\\b");
            assertThat(card).as("their days can go to a calendar").contains(who.startsWith("student")
                    ? "Add my days to my calendar" : studentName + "'s days to my calendar");
            browser.screenshot(who.substring(0, who.indexOf('-')) + "-card");
            browser.assertAccessible();
            // their progress on the skill map, as a picture: every skill of the school with its state
            browser.click(browser.find(By.cssSelector("details[id^='skill-map-'] summary")));
            By skills = By.cssSelector("details[id^='skill-map-'] svg g[data-state]");
            browser.await(() -> browser.driver().findElements(skills).size() == Api.smallProblem().skills().size()
                    ? true : null, "the skill map on " + who + "'s card");
            browser.assertAccessible();
        }
    }

    @Test
    void thePrincipalRunsATwoVariantWhatIfAndReadsTheComparison() {
        new AccountAdmin(server.authenticator().accounts(), java.time.Clock.systemUTC()).create("principal", PASSWORD,
                Role.PRINCIPAL, "north", null, Set.of());
        browser.driver().manage().deleteAllCookies();
        browser.open(server.uri().resolve("/ui/"));
        browser.signIn("principal", PASSWORD);
        assertThat(browser.find(By.id("plan"))).as("a principal reads the board but does not plan").isNull();
        browser.click(browser.await(() -> browser.find(By.id("nav-what-if")), "the What-if link"));
        // the bundled small day: variant A without its first aide, variant B with its first room closed
        var aide = Api.smallProblem().staff().stream().filter(st -> st.id().startsWith("A")).findFirst().orElseThrow();
        var room = Api.smallProblem().spaces().get(0);
        browser.click(browser.await(() -> browser.find(By.id("away-A-" + aide.id())), "variant A's adults"));
        WebElement name = browser.find(By.id("name-B"));
        name.clear();
        name.sendKeys(room.name() + " closed");
        browser.driver().executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event("
                + "'change'));", browser.find(By.id("close-B")), room.id());
        WebElement limit = browser.find(By.id("time-limit"));
        limit.clear();
        limit.sendKeys("2s");
        browser.screenshot("what-if-form");
        browser.assertAccessible();
        browser.click(browser.find(By.id("run")));
        WebElement report = browser.await(() -> browser.find(By.id("what-if-report")), "the what-if to be done");
        assertThat(browser.text(By.id("what-if-progress"))).contains("3 of 3 plans solved");
        browser.click(report);
        browser.await(() -> browser.text().contains(room.name() + " closed") ? true : null, "the comparison");
        assertThat(browser.text()).contains("variant A");
        browser.screenshot("what-if-report");
        browser.assertAccessible();
    }

    @Test
    void aWrongPasswordIsSaidOnTheSignInForm() {
        browser.driver().manage().deleteAllCookies();
        browser.open(server.uri().resolve("/ui/"));
        browser.await(() -> browser.find(By.id("username")), "the sign-in form");
        browser.driver().findElement(By.id("username")).sendKeys("scheduler");
        browser.driver().findElement(By.id("password")).sendKeys("not the password");
        browser.click(browser.driver().findElement(By.cssSelector("form button[type=submit]")));
        WebElement alert = browser.await(() -> browser.find(By.cssSelector("[role=alert]")), "the refusal");
        assertThat(alert.getText()).contains("wrong username or password");
        browser.screenshot("sign-in-refused");
        browser.assertAccessible();
    }

    /** Polls until {@code found} gives something; a state, not a time: minutes on a busy machine are fine. */
    private static LocalDate lastSchoolDayBefore(LocalDate day) {
        LocalDate d = day.minusDays(1);
        while (d.getDayOfWeek() == java.time.DayOfWeek.SATURDAY || d.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The ids of the students in a roster (JSON). */
    private static java.util.Set<String> rosterStudents(JsonNode roster) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        roster.path("blocks").forEach(b -> b.path("students").forEach(st -> ids.add(st.get("id").asText())));
        return ids;
    }
}
