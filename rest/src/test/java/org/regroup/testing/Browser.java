package org.regroup.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for end-to-end tests: Debian's {@code chromium} through its {@code chromedriver}, both
 * given by path (Selenium Manager, which downloads browsers, is never asked), with a fresh profile and the network
 * features that phone home turned off (this machine refuses their connections). Without Chromium or chromedriver
 * the test is skipped with a message; {@code -Dregroup.browser=required} (as {@code .ci/run} sets) makes that a
 * failure. Screenshots go to {@code target/screenshots/}; {@link #assertAccessible()} runs axe-core in the page.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("regroup.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("regroup.chromedriver",
            "/usr/bin/chromedriver"));
    /** Relative to the module (Surefire's working directory): {@code rest/target/screenshots}. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The session cookie the server sets at {@code POST /api/session}. */
    public static final String SESSION_COOKIE = "regroup_session";

    private static final String AXE = "/META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";
    /** axe-core impacts that fail {@link #assertAccessible()} (WCAG 2.1 AA blockers). */
    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final Duration startedIn;

    /** One axe-core finding: the rule, how bad, what it asks for, and where (CSS selectors of the first nodes). */
    public record Violation(String id, String impact, String help, String helpUrl, int nodes, List<String> targets) {

        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + " — " + nodes + " node" + (nodes == 1 ? "" : "s") + ", e.g. "
                    + String.join(" | ", targets) + " [" + helpUrl + "]";
        }
    }

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile, Duration startedIn) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
        this.startedIn = startedIn;
    }

    /** Starts Chromium (1366×900), or skips the test (fails it with -Dregroup.browser=required) without one. */
    public static Browser start() {
        requireInstalled();
        long t0 = System.nanoTime();
        Path profile;
        try {
            profile = Files.createTempDirectory("regroup-chromium-");
            Files.createDirectories(Path.of("target"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the networking flags Chromium's own connections (updates, sync, QUIC probes) are refused here
        // and slow it down; a fresh profile keeps tests apart.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=en-US");
        // An explicit driver path: Selenium then never runs Selenium Manager (which would try to download one).
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(Path.of("target", "chromedriver.log").toFile()).withAppendLog(true)
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
        return new Browser(service, driver, profile, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Whether Chromium and chromedriver are there (a class can then skip its costly set-up without them). */
    public static boolean installed() {
        return missing().isEmpty();
    }

    /**
     * Skips the test without Chromium or chromedriver, with a message; fails it with -Dregroup.browser=required.
     * Call it from each test (or a {@code @BeforeEach}): Surefire drops a skip from {@code @BeforeAll} silently.
     */
    public static void requireInstalled() {
        List<String> missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        String why = "no " + String.join(" and no ", missing) + " (apt-get install -y chromium chromium-driver)";
        if ("required".equalsIgnoreCase(System.getProperty("regroup.browser", ""))) {
            Assertions.fail(why + "; -Dregroup.browser=required");
        }
        Assumptions.abort(why + ": the browser tests are skipped (run with -Dregroup.browser=required to make this a "
                + "failure)");
    }

    private static List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(p)) {
                missing.add(p.toString());
            }
        }
        return missing;
    }

    /** How long Chromium and chromedriver took to start. */
    public Duration startedIn() {
        return startedIn;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Puts the session in the browser: the cookie can only be set on a page of the server's origin, so a page of
     * it is opened first (the health check, which needs no session).
     */
    public void signIn(URI base, String cookieValue) {
        driver.get(base.resolve("/api/health").toString());
        driver.manage().addCookie(new Cookie.Builder(SESSION_COOKIE, cookieValue).path("/").isHttpOnly(true)
                .sameSite("Strict").build());
    }

    /** Opens the page and waits for it to load; returns how long that took. */
    public Duration open(URI page) {
        long t0 = System.nanoTime();
        driver.get(page.toString());
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** The page's visible text. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** How long {@link #await} waits for a state of the page: minutes on a busy machine are fine. */
    public static final Duration PATIENCE = Duration.ofMinutes(3);

    /** The first element {@code by} finds, or null. */
    public WebElement find(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The text of the first element {@code by} finds; empty when there is none. */
    public String text(By by) {
        WebElement e = find(by);
        return e == null ? "" : e.getText();
    }

    /** Clicks through the page's own handler (a click on something scrolled away still lands). */
    public void click(WebElement e) {
        driver.executeScript("arguments[0].click();", e);
    }

    /** Chooses {@code value} in a select as a user would (its change event fires); fails when it is not offered. */
    public void choose(WebElement select, String value) {
        driver.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                select, value);
        Assertions.assertEquals(value, select.getAttribute("value"), "option " + value + " offered");
    }

    /** Signs in on the page's sign-in form and waits until it says so. */
    public void signIn(String username, String password) {
        await(() -> find(By.id("username")), "the sign-in form");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        click(driver.findElement(By.cssSelector("form button[type=submit]")));
        await(() -> find(By.id("sign-out")) != null && find(By.id("sign-out")).isDisplayed() ? true : null,
                "signed in");
    }

    /**
     * Polls until {@code found} gives something: a state, not a time. On timeout a screenshot "timed-out" is taken
     * and the page's text is in the failure.
     */
    public <T> T await(Supplier<T> found, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                T value = found.get();
                if (value != null) {
                    return value;
                }
            } catch (StaleElementReferenceException redrawn) {
                // the page redrew what we looked at: look again
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
        screenshot("timed-out");
        throw new AssertionError("waited " + PATIENCE + " for " + what + "; the page says: " + text());
    }

    /** The whole page (not just the window) as {@code target/screenshots/NAME.png}; returns the file. */
    public Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, fullPage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private byte[] fullPage() {
        Object size = driver.executeScript("const e = document.documentElement;"
                + "return [Math.max(e.scrollWidth, e.clientWidth), Math.max(e.scrollHeight, e.clientHeight)];");
        if (size instanceof List<?> wh && wh.size() == 2 && wh.get(0) instanceof Number w
                && wh.get(1) instanceof Number h) {
            // Chromium's protocol captures beyond the window; capped so a runaway page stays a sane file.
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", w.doubleValue(),
                            "height", Math.min(h.doubleValue(), 16_000), "scale", 1)));
            if (shot.get("data") instanceof String data) {
                return Base64.getDecoder().decode(data);
            }
        }
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    /** Runs axe-core (from its WebJar) in the current page; returns its violations, most severe first. */
    public List<Violation> axe() {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(axeSource());
        }
        Object answer = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations)), e => done('axe failed: ' + e));");
        String json = String.valueOf(answer);
        if (json.startsWith("axe failed")) {
            throw new IllegalStateException(json);
        }
        List<Violation> violations = new ArrayList<>();
        try {
            for (JsonNode v : JSON.readTree(json)) {
                List<String> targets = new ArrayList<>();
                for (JsonNode node : v.path("nodes")) {
                    if (targets.size() == 3) {
                        break;
                    }
                    targets.add(node.path("target").toString());
                }
                violations.add(new Violation(v.path("id").asText(), v.path("impact").asText("unknown"),
                        v.path("help").asText(), v.path("helpUrl").asText(), v.path("nodes").size(), targets));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        violations.sort(Comparator.comparingInt(v -> -severity(v.impact())));
        return violations;
    }

    /** Fails on any serious or critical axe-core violation in the current page; returns all of them (minor too). */
    public List<Violation> assertAccessible() {
        List<Violation> all = axe();
        List<Violation> blocking = all.stream().filter(v -> BLOCKING.contains(v.impact())).toList();
        if (!blocking.isEmpty()) {
            StringBuilder s = new StringBuilder(blocking.size() + " serious or critical accessibility violation"
                    + (blocking.size() == 1 ? "" : "s") + " in " + driver.getCurrentUrl() + ":");
            blocking.forEach(v -> s.append("\n  - ").append(v));
            throw new AssertionError(s.toString());
        }
        return all;
    }

    private static int severity(String impact) {
        return switch (impact.toLowerCase(Locale.ROOT)) {
            case "critical" -> 4;
            case "serious" -> 3;
            case "moderate" -> 2;
            case "minor" -> 1;
            default -> 0;
        };
    }

    private static String axeVersion() {
        try (InputStream in = Browser.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("axe-core's WebJar is not on the test classpath");
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("no " + AXE + " on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is not a test failure
        }
    }
}
