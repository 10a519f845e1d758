package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

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
 * The district's morning in the browser, as a district administrator runs it the evening before: the form, then
 * each school's row following the jobs live until every school's plan is published. Checked by axe-core.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MorningBrowserTest {

    private static final String PASSWORD = "a long evening passphrase";

    private static Browser browser;
    private static RegroupServer server;

    @BeforeAll
    static void start() throws IOException {
        if (!Browser.installed()) {
            return; // each test is skipped, or failed if required, with the reason
        }
        browser = Browser.start();
        server = Api.start(Api.settings(2, 2));
        for (String school : new String[] {"north", "south"}) {
            assertThat(new Api(server).post("/api/schools/" + school, Api.small()).statusCode()).isEqualTo(201);
        }
        new AccountAdmin(server.authenticator().accounts(), java.time.Clock.systemUTC()).create("district", PASSWORD,
                Role.DISTRICT_ADMIN, null, null, Set.of());
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
    void theDistrictPlansTheMorningAndWatchesEverySchoolGetItsPlan() {
        browser.open(server.uri().resolve("/ui/"));
        browser.signIn("district", PASSWORD);
        browser.click(browser.await(() -> {
            WebElement link = browser.find(By.id("nav-morning"));
            return link.isDisplayed() ? link : null;
        }, "the Morning link"));
        WebElement date = browser.await(() -> browser.find(By.id("morning-date")), "the morning's form");
        browser.driver().executeScript("arguments[0].value = arguments[1]", date, "2026-12-07");
        WebElement limit = browser.find(By.id("morning-time-limit"));
        limit.clear();
        limit.sendKeys("2s");
        browser.screenshot("morning-form");
        browser.assertAccessible();

        browser.click(browser.find(By.id("morning-plan")));
        browser.await(() -> browser.text(By.id("morning-summary")).contains("done") ? true : null,
                "every school's plan");
        for (String school : new String[] {"north", "south"}) {
            WebElement status = browser.find(By.cssSelector("tr[data-school='" + school + "'] [data-status]"));
            assertThat(status.getAttribute("data-status")).as(school).isEqualTo("published");
            assertThat(status.getText()).isEqualTo("published");
        }
        assertThat(browser.text(By.id("morning-summary"))).startsWith("2026-12-07: 2 published");
        browser.screenshot("morning-done");
        browser.assertAccessible();
    }
}
