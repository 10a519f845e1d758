package org.regroup.benchmarks;

import static org.regroup.benchmarks.ServerCalls.AUTHORIZATION;
import static org.regroup.benchmarks.ServerCalls.expect;
import static org.regroup.benchmarks.ServerCalls.send;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.regroup.domain.io.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How long the scheduler's board takes to show a big school's day in a real browser (issue 20: large.json, 1,200
 * students and 102 adults, under 2 s in headless Chromium on this machine). Against a running server
 * ({@code ./regroup serve}): creates a school from the day, plans today for a while, then opens the board
 * ({@code /ui/#board/SCHOOL/DATE}) in Debian's headless Chromium again and again and reads the page's own User Timing
 * marks: {@code board-data} (the plan, the day and the unplaced list fetched), {@code board-rendered} (the grid built)
 * and {@code board-painted} (the frame after it), each in ms from the navigation's start.
 *
 * <p>Usage: {@code java -cp benchmarks/target/regroup-benchmarks.jar org.regroup.benchmarks.BoardRender
 * [BASE=http://127.0.0.1:8080/] [DAY.json=datasets/large.json] [runs=7] [planSeconds=30]
 * [OUT.json=benchmarks/results/board-render.json]}; the API token of a district admin in {@code REGROUP_TOKEN}, and
 * the same account's password in {@code REGROUP_PASSWORD} for the browser's session (benchmarks/load/board-render.sh
 * makes both).
 */
public final class BoardRender {

    public record Run(double dataMillis, double renderedMillis, double paintedMillis, int groupCards) {
    }

    public record Report(String dataset, int students, int adults, int groupCards, int runs, double medianPaintedMillis,
            double maxPaintedMillis, double medianDataMillis, double medianRenderMillis, List<Run> each,
            String browser, int cores, String java) {
    }


    private BoardRender() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080/");
        Path dayFile = Path.of(args.length > 1 ? args[1] : "datasets/large.json");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        int planSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        Path out = Path.of(args.length > 4 ? args[4] : "benchmarks/results/board-render.json");
        String username = System.getenv().getOrDefault("REGROUP_USER", "bench");
        String password = System.getenv("REGROUP_PASSWORD");
        if (password == null) {
            System.err.println("REGROUP_PASSWORD is not set: the browser signs in with the account's password");
            System.exit(2);
        }

        JsonNode dayJson = Json.mapper().readTree(dayFile.toFile());
        String school = "board-" + System.currentTimeMillis();
        String date = LocalDate.now().toString(); // the board opens on the browser's today; both run here
        String day = "api/schools/" + school + "/days/" + date;
        expect(send(base, "POST", "api/schools/" + school, Files.readAllBytes(dayFile), AUTHORIZATION), 201);
        expect(send(base, "POST", day + "/plan?timeLimit=" + planSeconds + "s", new byte[0], AUTHORIZATION), 202);
        awaitDraft(base, day + "/plans/1?plan=false", planSeconds + 120);
        String cookie = sessionCookie(base, username, password);

        Path profile = Files.createTempDirectory("regroup-board-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        List<Run> each = new ArrayList<>();
        String browser;
        try {
            browser = String.valueOf(driver.getCapabilities().getBrowserVersion());
            driver.get(base.resolve("/api/health").toString());
            driver.manage().addCookie(new Cookie.Builder("regroup_session", cookie).path("/").isHttpOnly(true)
                    .sameSite("Strict").build());
            URI board = base.resolve("/ui/#board/" + school + "/" + date);
            for (int i = 0; i <= runs; i++) { // the first run warms the server and the browser's cache: not counted
                driver.get("about:blank");
                driver.get(board.toString());
                awaitMark(driver, "board-painted", Duration.ofSeconds(60));
                @SuppressWarnings("unchecked")
                Map<String, Number> marks = (Map<String, Number>) driver.executeScript("""
                        const at = name => performance.getEntriesByName(name)[0].startTime;
                        return { data: at('board-data'), rendered: at('board-rendered'), painted: at('board-painted') };
                        """);
                int cards = driver.findElements(By.cssSelector("#grid .group")).size();
                // where the time went: each API call of the page, from its start to its last byte
                System.out.println("  " + driver.executeScript("""
                        return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/'))
                          .map(e => `${new URL(e.name).pathname.split('/').slice(-2).join('/')} `
                            + `${e.startTime.toFixed(0)}+${e.duration.toFixed(0)} ms`).join(', ');
                        """));
                Run run = new Run(marks.get("data").doubleValue(), marks.get("rendered").doubleValue(),
                        marks.get("painted").doubleValue(), cards);
                System.out.printf("run %d: data %.0f ms, grid built %.0f ms, painted %.0f ms, %d group cards%n", i,
                        run.dataMillis(), run.renderedMillis(), run.paintedMillis(), cards);
                if (i > 0) {
                    each.add(run);
                }
            }
        } finally {
            driver.quit();
            service.stop();
        }
        Report report = new Report(dayFile.getFileName().toString(), dayJson.path("students").size(),
                dayJson.path("staff").size(), each.get(0).groupCards(), each.size(),
                median(each, Run::paintedMillis), each.stream().mapToDouble(Run::paintedMillis).max().orElse(0),
                median(each, Run::dataMillis), median(each, r -> r.renderedMillis() - r.dataMillis()), each, browser,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), report);
        System.out.printf("%s: board painted in %.0f ms (median of %d; max %.0f), of which data %.0f ms and building "
                + "the grid %.0f ms -> %s%n", report.dataset(), report.medianPaintedMillis(), report.runs(),
                report.maxPaintedMillis(), report.medianDataMillis(), report.medianRenderMillis(), out);
    }

    private static void awaitMark(ChromeDriver driver, String mark, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (((Number) driver.executeScript("return performance.getEntriesByName(arguments[0]).length", mark))
                .intValue() == 0) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the board did not show within " + within.toSeconds() + " s; the page "
                        + "says: " + driver.executeScript("return document.body.innerText.slice(0, 500)"));
            }
            Thread.sleep(50);
        }
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String sessionCookie(URI base, String username, String password) throws Exception {
        byte[] body = Json.mapper().writeValueAsBytes(Map.of("username", username, "password", password));
        HttpResponse<String> r = send(base, "POST", "api/session", body, null);
        expect(r, 200);
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("regroup_session="))
                .map(c -> c.substring("regroup_session=".length(), c.indexOf(';')))
                .max(Comparator.comparingInt(String::length))
                .orElseThrow(() -> new IllegalStateException("no session cookie in the sign-in's answer"));
    }

    private static void awaitDraft(URI base, String path, int seconds) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < until) {
            JsonNode v = Json.mapper().readTree(send(base, "GET", path, null, AUTHORIZATION).body());
            if ("draft".equals(v.path("status").asText())) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the day was not planned within " + seconds + " s");
    }
}
