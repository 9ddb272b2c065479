package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faas new} through the shipped faas.jar. The HTTP project is built as a user builds it ({@code mvn -o package}
 * from the local repository that built localfaas, its unit test included) and served by {@code faas run}; the other
 * triggers, to keep the suite fast, are compiled with javac (main and test sources) into a directory package and
 * invoked with their sample event.
 */
class FaasNewIT {

    @TempDir
    Path work;

    /** Shared by the tests of this class: one Maven build of the generated HTTP project, the slow part. */
    @TempDir
    static Path shared;
    private static Path httpProject;

    /** {@code faas new hello-api} through faas.jar, built with {@code mvn -o package} (its unit test runs). */
    private static synchronized Path builtHttpProject() throws Exception {
        assumeTrue(onPath("mvn"), "mvn is not on the PATH: the generated project cannot be built here");
        if (httpProject != null) {
            return httpProject;
        }
        Path project = shared.resolve("hello-api");
        FaasJar.Result created = FaasJar.exec(shared, "new", "hello-api", "--dir", project.toString());
        assertEquals(0, created.exitCode(), created.err());
        assertTrue(created.out().startsWith("Created " + project + " (http trigger, Java 17):"), created.out());
        for (String file : List.of("pom.xml", "template.yaml", "README.md", "events/apigateway-http-api.json",
                "provided/faas-api.jar", "src/main/java/com/example/HelloApi.java",
                "src/test/java/com/example/HelloApiTest.java")) {
            assertTrue(Files.isRegularFile(project.resolve(file)), file);
        }
        String template = Files.readString(project.resolve("template.yaml"));
        assertTrue(template.contains("Type: HttpApi") && template.contains("Handler: com.example.HelloApi::handleRequest")
                && template.contains("CodeUri: .") && template.contains("Runtime: java17"), template);

        List<String> mvn = new ArrayList<>(List.of("mvn", "-o", "-q", "-B", "-Dstyle.color=never", "package"));
        String repo = System.getProperty("faas.m2.repo", "");
        if (!repo.isBlank()) {
            mvn.add("-Dmaven.repo.local=" + repo);
        }
        Path log = shared.resolve("mvn.txt");
        ProcessBuilder builder = new ProcessBuilder(mvn).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1"); // a short build: C1 alone starts faster
        Process build = builder.redirectOutput(log.toFile()).start();
        assertTrue(build.waitFor(300, TimeUnit.SECONDS), "mvn package did not finish");
        assertEquals(0, build.exitValue(), Files.readString(log));
        assertTrue(Files.isRegularFile(project.resolve("target/function/hello-api.jar")));
        assertTrue(Files.readString(log).contains("greeting Ada"), "the unit test ran: " + Files.readString(log));
        httpProject = project;
        return project;
    }

    @Test
    void httpProjectBuildsWithMavenOfflineAndAnswersThroughFaasRun() throws Exception {
        Path project = builtHttpProject();
        try (RunningFaas faas = RunningFaas.start(project.resolve("target/function"), work, "hello-api",
                "--state-dir", work.resolve("state").toString())) {
            HttpResponse<String> response = faas.get("/hello-api?name=Ada");
            assertEquals(200, response.statusCode(), response.body() + faas.err());
            assertEquals("{\"message\":\"Hello, Ada!\"}", response.body());
        }
    }

    @Test
    void faasDevServesTheNewCodeAfterASaveAndKeepsTheOldOneWhileItDoesNotCompile() throws Exception {
        Path project = work.resolve("dev-project");
        copyTree(builtHttpProject(), project);
        Path source = project.resolve("src/main/java/com/example/HelloApi.java");
        String original = Files.readString(source);
        try (RunningFaas faas = RunningFaas.startWith(List.of("dev", project.toString(), "--port", "0", "--state-dir",
                work.resolve("state").toString()), work, "dev")) {
            assertEquals("{\"message\":\"Hello, Ada!\"}", faas.get("/hello-api?name=Ada").body());
            assertTrue(faas.out().contains("Watching src/main/java: a save recompiles (javac) and reloads"), faas.out());

            Files.writeString(source, original.replace("Hello, ", "Howdy, "));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> faas.get("/hello-api?name=Ada").body(), body -> body.contains("Howdy, Ada!"));
            assertTrue(faas.out().contains("Recompiled hello-api in "), faas.out());

            Files.writeString(source, original.replace("Hello, ", "Oops, ").replace("return APIGatewayV2HTTPResponse",
                    "return APIGatewayV2HTTPResponse nope"));
            await().atMost(Duration.ofSeconds(90)).until(() -> faas.err().contains("does not compile"));
            String err = faas.err();
            assertTrue(err.contains("faas: hello-api does not compile (1 error); still serving the previous version:\n"
                    + "  src/main/java/com/example/HelloApi.java:"), err);
            assertEquals("{\"message\":\"Howdy, Ada!\"}", faas.get("/hello-api?name=Ada").body(),
                    "the last version that compiled still answers");

            Files.writeString(source, original.replace("Hello, ", "Hey, "));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> faas.get("/hello-api?name=Ada").body(), body -> body.contains("Hey, Ada!"));
            assertEquals(1, faas.err().split("does not compile", -1).length - 1, "each error is printed once: " + faas.err());
        }
    }

    @Test
    void faasDevWithProcessIsolationServesAndReloadsAChildJvm() throws Exception {
        Path project = work.resolve("dev-process-project");
        copyTree(builtHttpProject(), project);
        Path source = project.resolve("src/main/java/com/example/HelloApi.java");
        String original = Files.readString(source);
        try (RunningFaas faas = RunningFaas.startWith(List.of("dev", project.toString(), "--port", "0", "--state-dir",
                work.resolve("state-process").toString(), "--isolation", "process"), work, "dev-process")) {
            assertEquals("{\"message\":\"Hello, Ada!\"}", faas.get("/hello-api?name=Ada").body());
            await().atMost(Duration.ofSeconds(30)).until(() -> faas.out().lines()
                    .anyMatch(l -> l.contains("REPORT RequestId:") && l.matches(".*Max Memory Used: \\d+ MB.*")));

            Files.writeString(source, original.replace("Hello, ", "Howdy, "));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> faas.get("/hello-api?name=Ada").body(), body -> body.contains("Howdy, Ada!"));
        }
    }

    @Test
    void faasDevRefusesABadIsolationBeforeBuilding() throws Exception {
        Path project = work.resolve("unbuilt");
        Files.createDirectories(project.resolve("src/main/java"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        CliRun run = CliRun.of("dev", project.toString(), "--isolation", "jail");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("faas: --isolation jail is not an isolation; use classloader or process, for one function as"
                + " NAME=process", run.err().strip());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    @Test
    void everyOtherTriggerCompilesAndAnswersItsSampleEventOnOneGateway() throws Exception {
        Path functions = Files.createDirectories(work.resolve("functions"));
        List<String[]> triggers = List.of(
                new String[] {"schedule", "nightly", "eventbridge-scheduled.json", "\"ticked by arn:aws:events:"},
                new String[] {"queue", "orders-worker", "sqs-receive-message.json", "{\"batchItemFailures\":[]}"},
                new String[] {"topic", "notify", "sns-notification.json", "\"1 notification(s) handled\""},
                new String[] {"kafka", "ingest", "kafka-self-managed.json", "\"1 record(s) handled\""});
        for (String[] t : triggers) {
            Path project = work.resolve(t[1]);
            // in-process: the HTTP test above runs faas new through faas.jar; four more JVM starts buy nothing
            CliRun created = CliRun.of("new", t[1], "--trigger", t[0], "--dir", project.toString(), "--package", "org.acme");
            assertEquals(0, created.exitCode(), created.err());
            assertEquals(t[0].equals("topic"),
                    created.out().contains("localfaas does not deliver " + t[0] + " triggers yet"), created.out());
            compileAsDirectoryPackage(project, functions.resolve(t[1]));
        }
        try (RunningFaas faas = RunningFaas.start(functions, work, "triggers", "--state-dir",
                work.resolve("state").toString())) {
            for (String[] t : triggers) {
                String event = Files.readString(work.resolve(t[1]).resolve("events").resolve(t[2]));
                HttpResponse<String> response = faas.post("/2015-03-31/functions/" + t[1] + "/invocations", event);
                assertEquals(200, response.statusCode(), t[0] + ": " + response.body() + faas.err());
                assertTrue(response.body().startsWith(t[3]), t[0] + ": " + response.body());
            }
            assertTrue(faas.out().contains("orders-worker-queue"), "the queue trigger is served: " + faas.out());
            assertTrue(faas.out().contains("rate(1 minute)"), "the schedule is served: " + faas.out());
        }
    }

    @Test
    void refusesANonEmptyFolderAndABadName() throws Exception {
        Files.writeString(work.resolve("notes.txt"), "mine");
        FaasJar.Result busy = FaasJar.exec(work.resolve("notes.txt").getParent(), "new", "hello", "--dir",
                work.toString());
        assertEquals(2, busy.exitCode());
        assertEquals("faas: " + work + " is not an empty folder; choose a new name, or empty it first",
                busy.err().strip());
        assertEquals("mine", Files.readString(work.resolve("notes.txt")));

        FaasJar.Result name = FaasJar.exec(work, "new", "Hello_World", "--dir", work.resolve("x").toString());
        assertEquals(2, name.exitCode());
        assertEquals("faas: function name Hello_World is not usable; use lower-case letters, digits and dashes, "
                + "starting with a letter (at most 64), e.g. hello-api", name.err().strip());
        assertTrue(Files.notExists(work.resolve("x")));
    }

    /** javac over main and test sources, classes at the package root and the runtime JARs in lib/, as a Lambda ZIP. */
    private static void compileAsDirectoryPackage(Path project, Path pkg) throws IOException, URISyntaxException {
        Path core = jarOf("com.amazonaws.services.lambda.runtime.RequestHandler");
        Path events = jarOf("com.amazonaws.services.lambda.runtime.events.SQSEvent");
        List<Path> classpath = List.of(core, events, project.resolve("provided/faas-api.jar"),
                jarOf("org.junit.jupiter.api.Test"), jarOf("org.opentest4j.AssertionFailedError"),
                jarOf("org.apiguardian.api.API"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", pkg.toString(), "-cp",
                String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList())));
        try (Stream<Path> sources = Files.walk(project.resolve("src"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int code = javac.run(null, null, errors, args.toArray(String[]::new));
        assertEquals(0, code, project + ": " + errors.toString(StandardCharsets.UTF_8));
        Files.createDirectories(pkg.resolve("lib"));
        Files.copy(core, pkg.resolve("lib/aws-lambda-java-core.jar"));
        Files.copy(events, pkg.resolve("lib/aws-lambda-java-events.jar"));
        Files.copy(jarOf("org.joda.time.DateTime"), pkg.resolve("lib/joda-time.jar")); // as the shaded JAR has it
    }

    private static Path jarOf(String className) throws URISyntaxException {
        try {
            return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(className + " is not on the test classpath", e);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }
}
