package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import picocli.CommandLine;

/**
 * The dashboard as a person sees it, in a real headless Chromium driven by Selenium, against {@code faas run} with the
 * order pipeline: counts update without a reload, the redrive button empties the dead-letter queue, and the trace of
 * {@code POST /orders} shows orders-rest → the orders queue → orders-worker with timings. One browser session for all
 * of it; screenshots go to {@code target/screenshots/}. Skipped, saying so, where no Chromium and chromedriver are
 * installed ({@code apt-get install chromium chromium-driver}; {@code .ci/run} does it).
 */
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("FAAS_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("FAAS_CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPersonWatchesTrafficRedrivesTheDeadLetterAndFollowsAnOrdersTrace() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no browser: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed for the dashboard's browser test"
                        + " (apt-get install chromium chromium-driver, or set FAAS_CHROMIUM and FAAS_CHROMEDRIVER)");
        Path functions = Files.createDirectories(tmp.resolve("functions"));
        for (String jar : List.of("orders-rest.jar", "orders-worker.jar", "hello.jar")) {
            Files.copy(CliRun.samples().resolve(jar), functions.resolve(jar));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CountDownLatch stop = new CountDownLatch(1);
        CommandLine cli = Faas.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        ((RunCommand) cli.getSubcommands().get("run").getCommandSpec().userObject()).stop = stop::await;
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cli.execute("run", functions.toString(), "--port", "0", "--no-watch"));
        WebDriver browser = null;
        try {
            Pattern ready = Pattern.compile("Dashboard: (http://127\\.0\\.0\\.1:\\d+)/_faas/");
            await().ignoreExceptions().atMost(WAIT).until(() -> ready.matcher(out.toString(StandardCharsets.UTF_8)).find() || exit.isDone());
            Matcher m = ready.matcher(out.toString(StandardCharsets.UTF_8));
            assertTrue(m.find(), out + "\n" + err);
            String url = m.group(1);

            // The poison order needs three receives, 5 s of visibility timeout apart, to reach orders-dlq: send it
            // first, and look at the rest of the page meanwhile.
            assertEquals(201, post(url + "/orders", "{\"item\":\"poison\"}").statusCode());

            browser = chrome();
            browser.get(url + "/_faas/");
            WebDriver b = browser;
            await().ignoreExceptions().atMost(WAIT).until(() -> b.findElement(By.id("status")).getText().equals("live"));
            ((JavascriptExecutor) b).executeScript("window.__sameDocument = 'yes';");

            // counts update without a reload
            for (int i = 0; i < 3; i++) {
                assertEquals(200, get(url + "/hello").statusCode());
            }
            await().ignoreExceptions().atMost(WAIT).until(() -> cell(b, "tr[data-function='hello'] .invocations").equals("3"));
            assertEquals("yes", ((JavascriptExecutor) b).executeScript("return window.__sameDocument;"),
                    "the counts changed in the same document: no reload");
            screenshot(b, "overview.png");

            // a trace of POST /orders: orders-rest -> orders queue -> orders-worker, with timings
            HttpResponse<String> order = post(url + "/orders", "{\"item\":\"tea\"}");
            assertEquals(201, order.statusCode(), order.body());
            String root = order.headers().firstValue("X-Amzn-Trace-Id").orElseThrow().substring("Root=".length());
            new Actions(b).sendKeys("5").perform(); // the view's keyboard shortcut
            By traceButton = By.cssSelector("button[data-trace='" + root + "']");
            await().ignoreExceptions().atMost(WAIT).until(() -> !b.findElements(traceButton).isEmpty());
            await().ignoreExceptions().atMost(WAIT).until(() -> {
                b.findElement(traceButton).click(); // again until the consumer's invocation is part of it
                return b.findElements(By.cssSelector("#waterfall tbody tr")).size() == 3;
            });
            List<WebElement> rows = b.findElements(By.cssSelector("#waterfall tbody tr"));
            assertEquals("orders-rest", rows.get(0).getAttribute("data-name"));
            assertEquals("queue", rows.get(1).getAttribute("data-kind"));
            assertEquals("orders", rows.get(1).getAttribute("data-name"));
            assertEquals("orders-worker", rows.get(2).getAttribute("data-name"));
            for (WebElement row : rows) {
                String duration = row.findElement(By.cssSelector(".duration")).getText();
                assertTrue(duration.matches("[0-9.]+ ms"), "a timing on every step: " + duration);
            }
            assertTrue(b.findElement(By.id("trace-title")).getText().contains(root));
            screenshot(b, "trace.png");

            // the redrive button empties the dead-letter queue
            new Actions(b).sendKeys("2").perform(); // the view's keyboard shortcut
            By dlqVisible = By.cssSelector("tr[data-queue='orders-dlq'] .visible");
            await().ignoreExceptions().atMost(Duration.ofSeconds(60)).until(() -> !b.findElements(dlqVisible).isEmpty()
                    && cell(b, "tr[data-queue='orders-dlq'] .visible").equals("1"));
            screenshot(b, "queues.png");
            b.findElement(By.cssSelector("tr[data-queue='orders-dlq'] button.redrive")).click();
            await().ignoreExceptions().atMost(WAIT).until(() -> cell(b, "tr[data-queue='orders-dlq'] .visible").equals("0"));
            await().ignoreExceptions().atMost(WAIT).until(() -> b.findElement(By.id("toast")).getText().contains("moved 1 message"));

            new Actions(b).sendKeys("6").perform(); // the view's keyboard shortcut
            await().ignoreExceptions().atMost(WAIT).until(() -> !b.findElements(By.cssSelector("#map g[data-node='queue:orders']")).isEmpty());
            screenshot(b, "service-map.png");
        } finally {
            if (browser != null) {
                browser.quit();
            }
            stop.countDown();
            assertEquals(0, exit.get(30, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
        }
    }

    private static WebDriver chrome() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,720",
                "--disable-gpu", "--user-data-dir=" + tmpProfile());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static String tmpProfile() {
        try {
            return Files.createTempDirectory("faas-chromium").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String cell(WebDriver b, String css) {
        List<WebElement> found = b.findElements(By.cssSelector(css));
        try {
            return found.isEmpty() ? "" : found.get(0).getText().trim();
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return ""; // redrawn by the next update meanwhile
        }
    }

    private static void screenshot(WebDriver b, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) b).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
