package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * A principal's what-if built in the browser with the form's newer changes — an adult added like an existing one, a
 * modality's largest group changed — run, and its report read as a principal reads it: each verdict with its
 * reason, arrows that follow the sign, costs with a unit, bars with their scale in words, adults by name. The form
 * and the report are checked by axe-core.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WhatIfBrowserTest {

    private static final String PASSWORD = "a long school password";

    private static Browser browser;
    private static RegroupServer server;

    @BeforeAll
    static void start() throws IOException {
        if (!Browser.installed()) {
            return; // each test is skipped, or failed if required, with the reason
        }
        browser = Browser.start();
        server = Api.start(Api.settings(1, 1));
        assertThat(new Api(server).post("/api/schools/north", Api.small()).statusCode()).isEqualTo(201);
        new AccountAdmin(server.authenticator().accounts(), java.time.Clock.systemUTC()).create("principal", PASSWORD,
                Role.PRINCIPAL, "north", null, Set.of());
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
    void thePrincipalAddsAnAdultAndChangesAGroupSizeThenReadsAReportThatDoesNotContradictItself() {
        browser.open(server.uri().resolve("/ui/"));
        browser.signIn("principal", PASSWORD);
        browser.click(browser.await(() -> browser.find(By.id("nav-what-if")), "the What-if link"));
        var aide = Api.smallProblem().staff().stream().filter(st -> st.id().startsWith("A")).findFirst().orElseThrow();
        browser.await(() -> browser.find(By.id("add-like-A")), "variant A's fields");
        browser.choose(browser.find(By.id("add-like-A")), aide.id());
        WebElement newName = browser.find(By.id("add-name-A"));
        newName.clear();
        newName.sendKeys("Robin Extra");
        rename("A", "one more aide");
        browser.choose(browser.find(By.id("ratio-modality-B")), "small-group");
        browser.find(By.id("ratio-max-B")).sendKeys("6");
        rename("B", "small groups of 6");
        WebElement limit = browser.find(By.id("time-limit"));
        limit.clear();
        limit.sendKeys("2s");
        browser.screenshot("what-if-form-more");
        browser.assertAccessible();

        browser.click(browser.find(By.id("run")));
        WebElement report = browser.await(() -> browser.find(By.id("what-if-report")), "the what-if to be done");
        browser.click(report);
        browser.await(() -> browser.text().contains("Who gains, who loses") ? true : null, "the comparison");
        String page = browser.text();
        browser.screenshot("what-if-report-more");

        assertThat(page).contains("one more aide", "small groups of 6");
        // The added adult by name, with the id the form gave them.
        assertThat(page).contains("Robin Extra (" + aide.id() + "-new) new→");
        // Every "not workable" says why, in words, beside it.
        Matcher notWorkable = Pattern.compile("NOT workable(.{0,40})").matcher(page);
        while (notWorkable.find()) {
            assertThat(notWorkable.group(1)).matches(": (\\d+ |it breaks ).*");
        }
        for (WebElement cell : browser.driver().findElements(By.xpath(
                "//tr[th[starts-with(normalize-space(.), 'workable plan')]]/td"))) {
            assertThat(cell.getText().strip()).as("a workable cell").matches("yes|–|no\\s+\\S.*");
        }
        // Arrows follow the sign; a cost carries its unit; each chart says its scale.
        assertThat(Pattern.compile("-[0-9][0-9,.]*( pts| cost units)? ▲").matcher(page).find()).isFalse();
        assertThat(Pattern.compile("\\+[0-9][0-9,.]*( pts| cost units)? ▼").matcher(page).find()).isFalse();
        assertThat(page).contains("cost units").doesNotContain("$");
        assertThat(count(page, "Bars start at") + count(page, "Every plan has the same value."))
                .isEqualTo(browser.driver().findElements(By.cssSelector("figure svg")).size()).isPositive();
        browser.assertAccessible();
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    private static void rename(String letter, String name) {
        WebElement field = browser.find(By.id("name-" + letter));
        field.clear();
        field.sendKeys(name);
    }
}
