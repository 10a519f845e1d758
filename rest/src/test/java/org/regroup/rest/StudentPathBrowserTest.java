package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.regroup.domain.Student;
import org.regroup.domain.graph.SkillGraph;
import org.regroup.rest.auth.AccountAdmin;
import org.regroup.store.Role;
import org.regroup.testing.Browser;

/**
 * A student owns part of their path, in a real headless Chromium at a phone's size: they sign in, set a goal from the
 * skills they are ready for, and ask for a session on it today; the admin plans and publishes the day over the API
 * (making the request required, so that the plan must honour it); the student reads the outcome on their card and
 * withdraws their request; a guardian then reads the goals (without a form to set them). Each page is photographed under {@code target/screenshots/} and checked by axe-core.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StudentPathBrowserTest {

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
        browser.driver().manage().window().setSize(new Dimension(390, 844)); // a phone
        server = Api.start(Api.longSolves(1, 1));
        admin = new Api(server);
        assertThat(admin.post("/api/schools/north", Api.small()).statusCode()).isEqualTo(201);
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
    void aStudentSetsAGoalAsksForASessionAndReadsWhatBecameOfItOnceTheDayIsPlanned() throws IOException {
        Student s = Api.smallProblem().students().get(3);
        SkillGraph graph = SkillGraph.of(Api.smallProblem().skills(), Api.smallProblem().prerequisites());
        String skill = graph.readySet(k -> s.mastery().getOrDefault(k, 0.0), 0.8).stream().sorted().findFirst()
                .orElseThrow();
        String skillName = Api.smallProblem().skills().stream().filter(k -> k.id().equals(skill)).findFirst()
                .orElseThrow().name();
        new AccountAdmin(server.authenticator().accounts(), java.time.Clock.systemUTC()).create("pupil", PASSWORD,
                Role.STUDENT, "north", s.id(), Set.of());
        String key = s.id().replaceAll("[^A-Za-z0-9_-]", "_");
        String day = LocalDate.now().toString();

        browser.open(server.uri().resolve("/ui/"));
        signIn("pupil");
        await(() -> text(By.id("cards")).contains("No published plan for today yet") ? true : null, "the card");

        // a goal: the skill they are ready for, most important
        choose(await(() -> find(By.id("goal-skill-" + key)), "the goal form"), skill);
        choose(find(By.id("goal-priority-" + key)), "1");
        click(find(By.id("goal-save-" + key)));
        await(() -> text(By.id("goals-" + key)).contains(skillName) ? true : null, "the goal saved");
        assertThat(text(By.id("goals-" + key))).contains(skillName + " (most important)");
        assertThat(browser.text()).contains("Set by you on " + day);
        JsonNode goals = Api.json(admin.get("/api/schools/north/students/" + s.id() + "/goals"));
        assertThat(goals.get("goals").findValuesAsText("skill")).as("kept with the standing ones").contains(skill);
        assertThat(goals.get("goals")).hasSize(s.goals().size() + 1);
        assertThat(goals.get("setBy").get("role").asText()).isEqualTo("student");

        // ask for a session on it today, in any block
        choose(await(() -> find(By.id("ask-what-" + key)), "the ask form"), skill);
        find(By.id("ask-note-" + key)).sendKeys("I want to finish this one");
        click(find(By.id("ask-" + key)));
        await(() -> text(By.id("requests-" + key)).contains("Waiting for the plan") ? true : null, "the request");
        assertThat(text(By.id("requests-" + key))).contains(skillName, "I want to finish this one",
                "Nobody else asked for the same.");
        browser.screenshot("student-path-asked");
        browser.assertAccessible();

        // the admin requires it, plans the day and publishes it, over the API
        HttpResponse<String> required = admin.post("/api/schools/north/days/" + day + "/requests",
                Api.JSON.writeValueAsBytes(Map.of("studentId", s.id(), "focus", skill, "priority", "admin-required")));
        assertThat(required.statusCode()).as(required.body()).isEqualTo(201);
        HttpResponse<String> started = admin.post("/api/schools/north/days/" + day + "/plan?timeLimit=10m",
                new byte[0]);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        admin.solveUntilWorkable(Api.json(started).get("planId").asText());
        await(() -> Api.json(admin.get("/api/schools/north/days/" + day + "/plans")).get(0).get("status").asText()
                .equals("draft") ? true : null, "the draft");
        assertThat(admin.post("/api/schools/north/days/" + day + "/publish", new byte[0]).statusCode())
                .isEqualTo(200);

        // the student reads the outcome on their card
        browser.open(server.uri().resolve("/ui/"));
        await(() -> text(By.id("requests-" + key)).contains("Honoured") ? true : null, "the outcome");
        String mine = null;
        for (JsonNode r : Api.json(admin.get("/api/schools/north/days/" + day + "/requests"))) {
            if (r.get("requestedBy").asText().equals("student")) {
                mine = r.get("id").asText();
                assertThat(r.get("outcome").get("status").asText()).isEqualTo("honoured");
            }
        }
        assertThat(mine).isNotNull();
        assertThat(text(By.id("cards"))).contains(skillName, "–");
        browser.screenshot("student-path-outcome");
        browser.assertAccessible();

        // and withdraws their own request (the admin's stays, with no Withdraw button for them)
        String withdrawn = mine;
        click(find(By.cssSelector("li[data-request='" + mine + "'] button")));
        await(() -> find(By.cssSelector("li[data-request='" + withdrawn + "']")) == null ? true : null,
                "the request withdrawn");
        List<WebElement> left = browser.driver().findElements(By.cssSelector("#requests-" + key + " li"));
        assertThat(left).hasSize(1);
        assertThat(left.get(0).findElements(By.tagName("button"))).isEmpty();

        // a guardian reads their child's goals, with no form to set them, and may ask for a session
        new AccountAdmin(server.authenticator().accounts(), java.time.Clock.systemUTC()).create("pupils-parent",
                PASSWORD, Role.GUARDIAN, "north", null, Set.of(s.id()));
        click(find(By.id("sign-out")));
        signIn("pupils-parent");
        await(() -> text(By.id("goals-" + key)).contains(skillName) ? true : null, "the child's goals");
        assertThat(find(By.id("goal-save-" + key))).as("a guardian does not set goals").isNull();
        assertThat(find(By.id("ask-" + key))).as("a guardian may ask for a session").isNotNull();
        assertThat(browser.text()).contains("Set by the student on " + day);
        browser.screenshot("student-path-guardian");
        browser.assertAccessible();
    }

    private static void choose(WebElement select, String value) {
        browser.driver().executeScript("arguments[0].value = arguments[1];", select, value);
        assertThat(select.getAttribute("value")).as("option %s offered", value).isEqualTo(value);
    }

    private static void signIn(String username) {
        await(() -> find(By.id("username")), "the sign-in form");
        browser.driver().findElement(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
        click(browser.driver().findElement(By.cssSelector("form button[type=submit]")));
        await(() -> find(By.id("sign-out")) != null && find(By.id("sign-out")).isDisplayed() ? true : null,
                "signed in");
    }

    private static WebElement find(By by) {
        List<WebElement> found = browser.driver().findElements(by);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(By by) {
        WebElement e = find(by);
        return e == null ? "" : e.getText();
    }

    private static void click(WebElement e) {
        browser.driver().executeScript("arguments[0].click();", e);
    }

    /** Polls until {@code found} gives something; a state, not a time: minutes on a busy machine are fine. */
    private static <T> T await(Supplier<T> found, String what) {
        long deadline = System.nanoTime() + Api.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                T value = found.get();
                if (value != null) {
                    return value;
                }
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                // the page redrew what we looked at: look again
            }
            Api.sleep(100);
        }
        browser.screenshot("timed-out");
        throw new AssertionError("waited " + Api.PATIENCE + " for " + what + "; the page says: " + browser.text());
    }
}
