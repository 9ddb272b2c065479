package dev.localfaas.runtime.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery against the real JARs built by sample-functions (run {@code mvn package} there first). */
class FunctionDiscoveryTest {

    private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";

    static final Path SAMPLES = Path.of(System.getProperty("faas.samples.dir", "../sample-functions/target/functions"));
    static final Path TEST_FUNCTIONS = SAMPLES.resolveSibling("test-functions");
    static final Path BROKEN = SAMPLES.resolveSibling("broken-functions");

    private static FunctionCatalog samples;
    private static FunctionCatalog fixtures;
    private static FunctionCatalog broken;

    @BeforeAll
    static void scanOnce() {
        samples = FunctionDiscovery.scan(SAMPLES);
        fixtures = FunctionDiscovery.scan(TEST_FUNCTIONS);
        broken = FunctionDiscovery.scan(BROKEN);
    }

    @Test
    void findsEverySampleWithItsHandlerAndNoProblem() {
        assertEquals(Map.ofEntries(
                Map.entry("cpu-burner", "example.CpuBurner"),
                Map.entry("sleeper", "example.Sleeper"),
                Map.entry("greeter", "example.Greeter::greet"),
                Map.entry("hello", "example.Hello"),
                Map.entry("jackson-legacy", "example.JacksonLegacy"),
                Map.entry("orders-audit", "example.OrdersAudit"),
                Map.entry("orders-rest", "example.OrdersRest"),
                Map.entry("orders-worker", "example.OrdersWorker"),
                Map.entry("shout", "example.Shout"),
                Map.entry("tick", "example.Tick"),
                Map.entry("users-api", "example.UsersApi")), handlers(samples));
        assertEquals(List.of(), samples.problems());
        FunctionSpec hello = samples.find("hello").orElseThrow();
        assertEquals(SAMPLES.resolve("hello.jar").toAbsolutePath().normalize(), hello.jar());
    }

    @Test
    void readsTheInputTypeFromGenericSignatures() {
        assertEquals(Map.ofEntries(
                Map.entry("cpu-burner", "java.io.InputStream"),
                Map.entry("sleeper", "java.io.InputStream"),
                Map.entry("greeter", "example.Person"),
                Map.entry("hello", "java.util.Map"),
                Map.entry("jackson-legacy", "java.util.Map"),
                Map.entry("orders-audit", EVENTS + "SNSEvent"),
                Map.entry("orders-rest", EVENTS + "APIGatewayProxyRequestEvent"),
                Map.entry("orders-worker", EVENTS + "SQSEvent"),
                Map.entry("shout", "java.io.InputStream"),
                Map.entry("tick", EVENTS + "ScheduledEvent"),
                Map.entry("users-api", EVENTS + "APIGatewayV2HTTPEvent")), inputTypes(samples));
        assertEquals("java.lang.String", fixtures.find("upper").orElseThrow().inputType());
        assertEquals("java.util.List", fixtures.find("static-sum").orElseThrow().inputType());
        assertEquals("java.io.InputStream", fixtures.find("raw-stream").orElseThrow().inputType());
        assertEquals(EVENTS + "KinesisEvent", fixtures.find("echo-kinesis").orElseThrow().inputType());
    }

    @Test
    void resolvesTheInputTypeThroughAGenericSuperclass() {
        FunctionSpec unnamed = broken.find("Unnamed").orElseThrow();
        assertEquals("misdeclared.Unnamed", unnamed.handler());
        assertEquals(EVENTS + "SQSEvent", unnamed.inputType());
    }

    @Test
    void readsTriggersFromBytecode() {
        assertEquals(List.of(new HttpRoute("GET", "/users/{id}")), samples.find("users-api").orElseThrow().httpRoutes());
        assertEquals(List.of(new HttpRoute("POST", "/orders")), samples.find("orders-rest").orElseThrow().httpRoutes());
        assertEquals(List.of(new ScheduleSpec("rate(1 minute)", "", true)), samples.find("tick").orElseThrow().schedules());
        assertEquals(List.of(new QueueSpec("orders", 5, 0, 3, "orders-dlq", 5)), samples.find("orders-worker").orElseThrow().queues());
        FunctionSpec hello = samples.find("hello").orElseThrow();
        assertTrue(hello.httpRoutes().isEmpty() && hello.schedules().isEmpty() && hello.queues().isEmpty());
    }

    @Test
    void appliesAwsDefaultsAndReadsDeclaredLimitsAndEnvironment() {
        FunctionSpec hello = samples.find("hello").orElseThrow();
        assertEquals(List.of(128, 3, 0), List.of(hello.memoryMb(), hello.timeoutSeconds(), hello.concurrency()));
        assertEquals(Map.of(), hello.environment());
        FunctionSpec sleeper = fixtures.find("sleeper").orElseThrow();
        assertEquals(List.of(128, 1, 2), List.of(sleeper.memoryMb(), sleeper.timeoutSeconds(), sleeper.concurrency()));
        assertEquals(Map.of("GREETING", "hi"), fixtures.find("env-probe").orElseThrow().environment());
    }

    @Test
    void findsEveryFixtureWithMethodHandlersAsClassColonColonMethod() {
        Map<String, String> handlers = handlers(fixtures);
        assertEquals(List.of("KafkaRecorder", "StreamLambdaHandler", "auth-echo", "chatty", "container-annotated", "counter", "csv-uploads",
                "echo-http", "echo-kinesis", "echo-rest", "echo-scheduled", "echo-sns", "echo-sqs", "echoes",
                "env-probe", "event-echo", "exiter", "hog", "http-response", "isolation", "level-logger", "noop", "policy-authorizer", "printer",
                "raw-event", "raw-stream", "release", "release-check", "rest-response", "simple-authorizer",
                "sleeper", "slow-consumer", "slow-init",
                "sns-big-spender", "sns-echo", "sns-flaky", "sqs-batch", "sqs-sender", "static-sum", "stubborn",
                "thrower", "ticker", "tmp-user", "upper"),
                List.copyOf(handlers.keySet()));
        assertEquals("fixtures.behaviour.Noop::run", handlers.get("noop"));
        assertEquals("fixtures.behaviour.StaticSum::sum", handlers.get("static-sum"));
        assertEquals("fixtures.behaviour.RawStream::handle", handlers.get("raw-stream"));
        assertEquals(List.of(), fixtures.problems());
    }

    @Test
    void reportsAFileThatIsNotAZip() {
        assertEquals(List.of("not-a-zip.jar: not a JAR (zip) file; rebuild it with mvn package or remove it"),
                problemsOf(broken, "not-a-zip.jar"));
    }

    @Test
    void leavesOutBothFunctionsThatShareANameAndSaysHowToRename() {
        assertEquals(List.of("dup-a.jar: class broken.dupa.DupA: function name \"dup\" is also declared by dup-b.jar"
                        + " (class broken.dupb.DupB); both are left out; give each a distinct name with @Function(name = \"...\")"),
                problemsOf(broken, "dup-a.jar"));
        assertEquals(List.of("dup-b.jar: class broken.dupb.DupB: function name \"dup\" is also declared by dup-a.jar"
                        + " (class broken.dupa.DupA); both are left out; give each a distinct name with @Function(name = \"...\")"),
                problemsOf(broken, "dup-b.jar"));
        assertTrue(broken.find("dup").isEmpty());
    }

    @Test
    void reportsAHandlerWithoutAPublicNoArgumentConstructor() {
        assertEquals(List.of("no-ctor.jar: class broken.NoCtor has no public no-argument constructor;"
                + " add one: the runtime creates the handler with it"), problemsOf(broken, "no-ctor.jar"));
    }

    @Test
    void listsAHandlerWhoseStaticInitializerThrowsBecauseDiscoveryLoadsNoClass() {
        assertEquals("broken.BadInit", broken.find("bad-init").orElseThrow().handler());
        assertEquals(List.of(), problemsOf(broken, "bad-init.jar"));
    }

    @Test
    void keepsEveryValidFunctionNextToBrokenOnes() {
        assertEquals(Map.of(
                "Unnamed", "misdeclared.Unnamed",
                "bad-init", "broken.BadInit",
                "fine-method", "misdeclared.Methods::fine",
                "static-in-abstract", "misdeclared.AbstractMethods::util",
                "survivor", "broken.Survivor"), handlers(broken));
    }

    @Test
    void reportsEveryHandlerTheLambdaRuntimeCouldNotCall() {
        String jar = "misdeclared.jar: ";
        List<String> expected = List.of(
                jar + "class misdeclared.AbstractHandler is abstract, so the runtime cannot create it;"
                        + " put @Function on a concrete class",
                jar + "class misdeclared.Hidden is not public; make it public so the runtime can create it",
                jar + "class misdeclared.NotAHandler has @Function but implements neither RequestHandler nor"
                        + " RequestStreamHandler; implement one of them, or put @Function on the handler method",
                jar + "class misdeclared.Outer$Inner is a non-static inner class, which the runtime cannot create;"
                        + " declare it static",
                jar + "method misdeclared.AbstractMethods::run is an instance method of an abstract class, which the"
                        + " runtime cannot create; make the method static or the class concrete",
                jar + "method misdeclared.Methods::hidden is not public; make it public so the runtime can call it",
                jar + "method misdeclared.Methods::twoInputs takes (String, String), which the Lambda runtime cannot"
                        + " call; take (input), (input, Context), (InputStream, OutputStream) or"
                        + " (InputStream, OutputStream, Context)",
                jar + "method misdeclared.NoCtorMethod::run is in class misdeclared.NoCtorMethod, which has no public"
                        + " no-argument constructor; add one: the runtime creates the handler with it");
        List<String> structural = problemsOf(broken, "misdeclared.jar").stream()
                .filter(m -> !m.contains("misdeclared.Bad")).toList();
        assertEquals(expected, structural);
    }

    @Test
    void reportsEveryFunctionSettingAwsWouldReject() {
        String at = "misdeclared.jar: class misdeclared.BadValues: ";
        assertEquals(List.of(
                at + "@Function(concurrency = -1) is negative; use 0 for unreserved or the number of invocations"
                        + " that may run at once",
                at + "@Function(environment = \"9LIVES=cat\"): \"9LIVES\" is not a valid variable name; use a letter"
                        + " followed by letters, digits or _ (2 characters at least), as AWS requires",
                at + "@Function(environment = \"AWS_REGION=eu-west-1\"): AWS_REGION is reserved; Lambda sets it"
                        + " itself, choose another name",
                at + "@Function(environment = \"DUP=2\"): DUP is set twice; keep one entry",
                at + "@Function(environment = \"NOEQUALS\") is not KEY=value; write it as \"NOEQUALS=value\"",
                at + "@Function(memoryMb = 64) is out of range; use 128 to 10240 (MB), as on AWS",
                at + "@Function(name = \"bad values\") is not a valid function name; use 1 to 64 letters, digits, - or _",
                at + "@Function(timeoutSeconds = 901) is out of range; use 1 to 900 (seconds), as on AWS"),
                problemsOf(broken, "misdeclared.jar").stream().filter(m -> m.contains("BadValues")).toList());
        assertTrue(broken.find("bad values").isEmpty());
    }

    @Test
    void reportsEveryTriggerThatCannotBeServed() {
        String at = "misdeclared.jar: class misdeclared.BadTriggers: ";
        assertEquals(List.of(
                at + "@HttpTrigger(method = \"FETCH\") is not an HTTP method; use GET, POST, PUT, PATCH, DELETE,"
                        + " HEAD, OPTIONS or ANY",
                at + "@HttpTrigger(path = \"things/{id}\") does not start with /; write \"/things/{id}\"",
                at + "@QueueTrigger(batchSize = 50) needs maxBatchingWindowSeconds of at least 1, as AWS requires"
                        + " for batches over 10",
                at + "@QueueTrigger(deadLetterQueue = \"dead letters\") is not a queue name; use 1 to 80 letters,"
                        + " digits, - or _, or leave it empty",
                at + "@QueueTrigger(maxReceiveCount = -1) is negative; use 0 for never or a count",
                at + "@QueueTrigger(queue = \"orders!\") is not a queue name; use 1 to 80 letters, digits, - or _",
                at + "@QueueTrigger(visibilityTimeoutSeconds = -1) is out of range; use 0 to 43200 (12 hours),"
                        + " as SQS allows",
                at + "@ScheduleTrigger(\"every minute\") is not a schedule expression; write rate(5 minutes) or"
                        + " cron(0 12 * * ? *)"),
                problemsOf(broken, "misdeclared.jar").stream().filter(m -> m.contains("BadTriggers")).toList());
        assertTrue(broken.find("bad-triggers").isEmpty());
    }

    @Test
    void ignoresUnannotatedHelpersAndAbstractBasesWithoutComplaint() {
        assertFalse(broken.problems().stream().anyMatch(p -> p.message().contains("Helper") || p.message().contains("Base")));
        assertTrue(broken.find("Helper").isEmpty() && broken.find("Base").isEmpty());
    }

    @Test
    void everyProblemIsOneLineThatStartsWithItsJar() {
        assertEquals(2 + 1 + 1 + 8 + 8 + 8, broken.problems().size());
        for (DiscoveryProblem problem : broken.problems()) {
            assertFalse(problem.message().contains("\n"), problem.message());
            assertTrue(problem.message().startsWith(problem.jar().getFileName() + ": "), problem.message());
        }
    }

    @Test
    void reportsAJarWithoutAnyFunction(@TempDir Path dir) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("lib.jar")))) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write("just a library".getBytes(StandardCharsets.UTF_8));
        }
        FunctionCatalog catalog = FunctionDiscovery.scan(dir);
        assertEquals(List.of("lib.jar: no function found: no public class implements RequestHandler or"
                + " RequestStreamHandler and nothing is annotated @Function; add a handler or remove the JAR from this"
                + " folder"), messages(catalog.problems()));
        assertEquals(List.of(), catalog.functions());
    }

    @Test
    void reportsAnEmptyFileAsNotAZip(@TempDir Path dir) throws IOException {
        Files.createFile(dir.resolve("empty.jar"));
        assertEquals(List.of("empty.jar: not a JAR (zip) file; rebuild it with mvn package or remove it"),
                messages(FunctionDiscovery.scan(dir).problems()));
    }

    @Test
    void scansOnlyJarFilesDirectlyInTheDirectory(@TempDir Path dir) throws IOException {
        Files.copy(SAMPLES.resolve("hello.jar"), dir.resolve("hello.jar"));
        Files.createDirectory(dir.resolve("nested"));
        Files.copy(SAMPLES.resolve("shout.jar"), dir.resolve("nested").resolve("shout.jar"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("notes.txt"))) {
            out.write("not a package".getBytes(StandardCharsets.UTF_8));
        }
        FunctionCatalog catalog = FunctionDiscovery.scan(dir);
        assertEquals(Map.of("hello", "example.Hello"), handlers(catalog));
        assertEquals(List.of(), catalog.problems());
    }

    @Test
    void anEmptyDirectoryHasNoFunctionsAndNoProblems(@TempDir Path dir) {
        FunctionCatalog catalog = FunctionDiscovery.scan(dir);
        assertEquals(List.of(), catalog.functions());
        assertEquals(List.of(), catalog.problems());
    }

    @Test
    void refusesAMissingDirectory(@TempDir Path dir) {
        Path missing = dir.resolve("nope");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FunctionDiscovery.scan(missing));
        assertEquals("no such directory: " + missing, e.getMessage());
    }

    private static Map<String, String> handlers(FunctionCatalog catalog) {
        return catalog.functions().stream()
                .collect(Collectors.toMap(FunctionSpec::name, FunctionSpec::handler, (a, b) -> a, TreeMap::new));
    }

    private static Map<String, String> inputTypes(FunctionCatalog catalog) {
        return catalog.functions().stream().collect(Collectors.toMap(FunctionSpec::name, FunctionSpec::inputType));
    }

    private static List<String> problemsOf(FunctionCatalog catalog, String jar) {
        return catalog.problems().stream()
                .filter(p -> p.jar().getFileName().toString().equals(jar))
                .map(DiscoveryProblem::message)
                .toList();
    }

    private static List<String> messages(List<DiscoveryProblem> problems) {
        return problems.stream().map(DiscoveryProblem::message).collect(Collectors.toList());
    }
}
