package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A template function with AutoPublishAlias and a canary DeploymentPreference under faas run: published and aliased
 * at start, redeployed through its PreTraffic hook on reload, then inspected and switched with faas versions, faas
 * alias and faas deployments.
 */
class TrafficCommandsTest {

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: java17
                CodeUri: release/
            Resources:
              Release:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: release
                  Handler: fixtures.traffic.Release::handleRequest
                  AutoPublishAlias: live
                  DeploymentPreference:
                    Type: Canary10Percent5Minutes
                    Alarms:
                      - ErrorRate: 10%
                        Window: 30s
                    Hooks:
                      PreTraffic: !Ref ReleaseCheck
              ReleaseCheck:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: release-check
                  Handler: fixtures.traffic.ReleaseCheck::handleRequest
            """;

    @TempDir
    Path tmp;

    @Test
    void autoPublishAliasDeploysOnReloadAndTheCommandsShowAndSwitchIt() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        unzip(CliRun.samples().resolveSibling("test-functions").resolve("fixtures-traffic.jar"),
                project.resolve("release"));
        Files.writeString(project.resolve("template.yaml"), TEMPLATE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CountDownLatch stop = new CountDownLatch(1);
        AtomicReference<Runnable> reload = new AtomicReference<>();
        CommandLine cli = Faas.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        RunCommand run = (RunCommand) cli.getSubcommands().get("run").getCommandSpec().userObject();
        run.stop = stop::await;
        run.onReady = reload::set; // as faas dev reloads after a rebuild
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("run", "-t",
                project.resolve("template.yaml").toString(), "--port", "0", "--deploy-speed", "600"));
        try {
            Pattern ready = Pattern.compile("Ready on (http://127\\.0\\.0\\.1:\\d+)");
            await().atMost(60, TimeUnit.SECONDS).until(() -> ready.matcher(text(out)).find() || exit.isDone());
            Matcher m = ready.matcher(text(out));
            assertTrue(m.find(), text(out) + text(err));
            String url = m.group(1);
            assertTrue(text(err).contains("release: published version 1; alias live created on it"), text(err));
            assertEquals("1", invokeLive(url));

            Files.writeString(project.resolve("release/build.txt"), "a rebuild"); // new bytes: a new version
            reload.get().run();
            await().atMost(30, TimeUnit.SECONDS).until(() -> text(err).contains("d-1 of release:live succeeded"));
            assertTrue(text(err).contains("version 2 takes 10% of the calls for 500 ms"), text(err));
            assertEquals("2", invokeLive(url));

            CliRun deployments = CliRun.of("deployments", "--url", url, "--events");
            assertEquals(0, deployments.exitCode(), deployments.err());
            assertTrue(deployments.out().matches("(?s).*d-1\\s+release:live\\s+1\\s+2\\s+Canary10Percent5Minutes\\s+"
                    + "succeeded.*"), deployments.out());
            assertTrue(deployments.out().contains("PreTraffic hook release-check passed"), deployments.out());
            assertTrue(deployments.out().matches("(?s).*release:2\\s+healthy.*"), deployments.out());

            CliRun versions = CliRun.of("versions", "list", "release", "--url", url);
            assertTrue(versions.out().matches("(?s).*\\$LATEST.*\n1 .*published by AutoPublishAlias\n2 .*"),
                    versions.out());
            CliRun published = CliRun.of("versions", "publish", "release", "--url", url);
            assertTrue(published.out().startsWith("release: version 2 "), "nothing changed: " + published.out());

            CliRun canary = CliRun.of("alias", "set", "release", "live", "--version", "1", "--weight", "2=0.25",
                    "--url", url);
            assertEquals("release:live -> 1 (75%) + 2 (25%)\n", canary.out(), canary.err());
            CliRun aliases = CliRun.of("alias", "list", "release", "--url", url);
            assertTrue(aliases.out().matches("(?s).*live\\s+1 \\(75%\\) \\+ 2 \\(25%\\).*"), aliases.out());
            assertTrue(CliRun.of("deployments", "--url", url).out().contains("set by hand: 1 (75%) + 2 (25%)"));

            CliRun missing = CliRun.of("alias", "set", "release", "live", "--version", "7", "--url", url);
            assertEquals(2, missing.exitCode());
            assertEquals("faas: Function not found: release:7; publish it first (faas versions publish release)\n",
                    missing.err());

            String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/_faas/health"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(health.contains("\"function\":\"release\",\"version\":\"2\",\"status\":\"healthy\""), health);
        } finally {
            stop.countDown();
            assertEquals(0, exit.get(60, TimeUnit.SECONDS), text(err));
        }
    }

    private static String invokeLive(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
                + "/2015-03-31/functions/release/invocations?Qualifier=live"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.headers().firstValue("X-Amz-Executed-Version").orElseThrow();
    }

    private static String text(ByteArrayOutputStream s) {
        return s.toString(StandardCharsets.UTF_8);
    }

    private static void unzip(Path jar, Path target) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Path p = target.resolve(e.getName()).normalize();
                if (e.isDirectory()) {
                    Files.createDirectories(p);
                } else {
                    Files.createDirectories(p.getParent());
                    Files.write(p, zip.readAllBytes()); // to the end of this entry only
                }
            }
        }
    }
}
