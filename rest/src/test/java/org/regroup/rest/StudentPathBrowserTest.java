package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
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
        browser.signIn("pupil", PASSWORD);
        browser.await(() -> browser.text(By.id("cards")).contains("No published plan for today yet") ? true : null, "the card");

        // a goal: the skill they are ready for, most important
        browser.choose(browser.await(() -> browser.find(By.id("goal-skill-" + key)), "the goal form"), skill);
        browser.choose(browser.find(By.id("goal-priority-" + key)), "1");
        browser.click(browser.find(By.id("goal-save-" + key)));
        browser.await(() -> browser.text(By.id("goals-" + key)).contains(skillName) ? true : null, "the goal saved");
        assertThat(browser.text(By.id("goals-" + key))).contains(skillName + " (most important)");
        assertThat(browser.text()).contains("Set by you on " + day);
        JsonNode goals = Api.json(admin.get("/api/schools/north/students/" + s.id() + "/goals"));
        assertThat(goals.get("goals").findValuesAsText("skill")).as("kept with the standing ones").contains(skill);
        assertThat(goals.get("goals")).hasSize(s.goals().size() + 1);
        assertThat(goals.get("setBy").get("role").asText()).isEqualTo("student");

        // ask for a session on it today, in any block
        browser.choose(browser.await(() -> browser.find(By.id("ask-what-" + key)), "the ask form"), skill);
        browser.find(By.id("ask-note-" + key)).sendKeys("I want to finish this one");
        browser.click(browser.find(By.id("ask-" + key)));
        browser.await(() -> browser.text(By.id("requests-" + key)).contains("Waiting for the plan") ? true : null, "the request");
        assertThat(browser.text(By.id("requests-" + key))).contains(skillName, "I want to finish this one",
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
        browser.await(() -> Api.json(admin.get("/api/schools/north/days/" + day + "/plans")).get(0).get("status").asText()
                .equals("draft") ? true : null, "the draft");
        assertThat(admin.post("/api/schools/north/days/" + day + "/publish", new byte[0]).statusCode())
                .isEqualTo(200);

        // the student reads the outcome on their card
        browser.open(server.uri().resolve("/ui/"));
        browser.await(() -> browser.text(By.id("requests-" + key)).contains("Honoured") ? true : null, "the outcome");
        String mine = null;
        for (JsonNode r : Api.json(admin.get("/api/schools/north/days/" + day + "/requests"))) {
            if (r.get("requestedBy").asText().equals("student")) {
                mine = r.get("id").asText();
                assertThat(r.get("outcome").get("status").asText()).isEqualTo("honoured");
            }
        }
        assertThat(mine).isNotNull();
        assertThat(browser.text(By.id("cards"))).contains(skillName, "–");
        browser.screenshot("student-path-outcome");
        browser.assertAccessible();

        // and withdraws their own request (the admin's stays, with no Withdraw button for them)
        String withdrawn = mine;
        browser.click(browser.find(By.cssSelector("li[data-request='" + mine + "'] button")));
        browser.await(() -> browser.find(By.cssSelector("li[data-request='" + withdrawn + "']")) == null ? true : null,
                "the request withdrawn");
        List<WebElement> left = browser.driver().findElements(By.cssSelector("#requests-" + key + " li"));
        assertThat(left).hasSize(1);
        assertThat(left.get(0).findElements(By.tagName("button"))).isEmpty();

        // a guardian reads their child's goals, with no form to set them, and may ask for a session
        new AccountAdmin(server.authenticator().accounts(), java.time.Clock.systemUTC()).create("pupils-parent",
                PASSWORD, Role.GUARDIAN, "north", null, Set.of(s.id()));
        browser.click(browser.find(By.id("sign-out")));
        browser.signIn("pupils-parent", PASSWORD);
        browser.await(() -> browser.text(By.id("goals-" + key)).contains(skillName) ? true : null, "the child's goals");
        assertThat(browser.find(By.id("goal-save-" + key))).as("a guardian does not set goals").isNull();
        assertThat(browser.find(By.id("ask-" + key))).as("a guardian may ask for a session").isNotNull();
        assertThat(browser.text()).contains("Set by the student on " + day);
        browser.screenshot("student-path-guardian");
        browser.assertAccessible();
    }
}
