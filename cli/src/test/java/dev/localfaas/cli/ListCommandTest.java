package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faas list} over the real sample JARs, through {@link Faas#run} with captured streams. */
class ListCommandTest {

    static final Path SAMPLES = Path.of(System.getProperty("faas.samples.dir", "../sample-functions/target/functions"));
    static final Path BROKEN = SAMPLES.resolveSibling("broken-functions");

    record Run(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Run faas(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Faas.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsATableWithOneAlignedRowPerFunction() {
        Run run = faas("list", "--dir", SAMPLES.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        List<String> lines = run.lines();
        assertEquals(List.of("NAME", "HANDLER", "MEMORY", "TIMEOUT", "CONCURRENCY", "TRIGGERS"), words(lines.get(0)));
        assertEquals(12, lines.size(), run.out()); // a header and eleven samples
        int handlerColumn = lines.get(0).indexOf("HANDLER");
        for (String line : lines.subList(1, lines.size())) {
            assertEquals(' ', line.charAt(handlerColumn - 1), line);
            assertTrue(Character.isLetter(line.charAt(handlerColumn)), line);
        }
        assertEquals(List.of("hello", "example.Hello", "128", "MB", "3", "s", "unreserved", "ANY", "/hello", "(default)"),
                words(row(lines, "hello")));
        assertEquals(List.of("greeter", "example.Greeter::greet"), words(row(lines, "greeter")).subList(0, 2));
    }

    @Test
    void showsEachKindOfTrigger() {
        List<String> lines = faas("list", "--dir", SAMPLES.toString()).lines();
        assertTrue(row(lines, "users-api").endsWith("  GET /users/{id}"), row(lines, "users-api"));
        assertTrue(row(lines, "orders-rest").endsWith("  POST /orders"), row(lines, "orders-rest"));
        assertTrue(row(lines, "tick").endsWith("  schedule rate(1 minute)"), row(lines, "tick"));
        assertTrue(row(lines, "orders-worker").endsWith("  queue orders (batch 5), queue orders subscribed to topic"
                + " order-events"), row(lines, "orders-worker"));
        assertTrue(row(lines, "orders-audit").endsWith("  topic order-events (filtered)"), row(lines, "orders-audit"));
    }

    @Test
    void listsTheProblemsAfterTheFunctions() {
        Run run = faas("list", "--dir", BROKEN.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.lines();
        int heading = lines.indexOf("28 problems:");
        assertTrue(heading > 0, run.out());
        assertEquals("", lines.get(heading - 1));
        assertTrue(lines.contains("  not-a-zip.jar: not a JAR (zip) file; rebuild it with mvn package or remove it"), run.out());
        assertTrue(lines.contains("  no-ctor.jar: class broken.NoCtor has no public no-argument constructor;"
                + " add one: the runtime creates the handler with it"), run.out());
        assertEquals(List.of("survivor", "broken.Survivor"), words(row(lines, "survivor")).subList(0, 2));
    }

    @Test
    void printsJsonForScripts() throws Exception {
        Run run = faas("list", "--dir", BROKEN.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(BROKEN.toAbsolutePath().normalize().toString(), json.get("directory").asText());
        JsonNode survivor = find(json.get("functions"), "survivor");
        assertEquals("broken.Survivor", survivor.get("handler").asText());
        assertEquals(BROKEN.resolve("survivor.jar").toAbsolutePath().normalize().toString(), survivor.get("jar").asText());
        assertEquals(128, survivor.get("memoryMb").asInt());
        assertEquals(3, survivor.get("timeoutSeconds").asInt());
        assertEquals(0, survivor.get("concurrency").asInt());
        assertEquals("java.util.Map", survivor.get("inputType").asText());
        assertEquals(28, json.get("problems").size());
        JsonNode notAZip = json.get("problems").get(json.get("problems").size() - 1);
        assertTrue(notAZip.get("jar").asText().endsWith("not-a-zip.jar"));
        assertEquals("not-a-zip.jar: not a JAR (zip) file; rebuild it with mvn package or remove it",
                notAZip.get("message").asText());
    }

    @Test
    void jsonCarriesEveryTriggerSetting() throws Exception {
        JsonNode functions = new ObjectMapper().readTree(faas("list", "--dir", SAMPLES.toString(), "--json").out())
                .get("functions");
        JsonNode route = find(functions, "users-api").get("httpRoutes").get(0);
        assertEquals("GET", route.get("method").asText());
        assertEquals("/users/{id}", route.get("path").asText());
        JsonNode schedule = find(functions, "tick").get("schedules").get(0);
        assertEquals("rate(1 minute)", schedule.get("expression").asText());
        assertTrue(schedule.get("enabled").asBoolean());
        JsonNode queue = find(functions, "orders-worker").get("queues").get(0);
        assertEquals("orders", queue.get("queue").asText());
        assertEquals(5, queue.get("batchSize").asInt());
        assertEquals(5, queue.get("visibilityTimeoutSeconds").asInt());
        assertEquals("orders-dlq", queue.get("deadLetterQueue").asText());
    }

    @Test
    void saysSoWhenTheFolderHoldsNoFunction(@TempDir Path dir) {
        Run run = faas("list", "--dir", dir.toString());
        assertEquals(0, run.exitCode());
        assertEquals("No functions in " + dir + ". Put your shaded Lambda JARs there (mvn package builds them).",
                run.out().strip());
    }

    @Test
    void aMissingDirectoryIsAUsageErrorOnOneLine(@TempDir Path dir) {
        Path missing = dir.resolve("nope");
        Run run = faas("list", "--dir", missing.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("", run.out());
        assertEquals("faas: no such directory: " + missing + "; pass --dir with the folder holding your function JARs",
                run.err().strip());
    }

    @Test
    void looksInDotSlashFunctionsByDefault() {
        Run run = faas("list");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("faas: no such directory: ./functions; pass --dir with the folder holding your function JARs",
                run.err().strip());
    }

    private static List<String> words(String line) {
        return List.of(line.trim().split("\\s+"));
    }

    private static String row(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith(name + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name + " in " + lines));
    }

    private static JsonNode find(JsonNode functions, String name) {
        List<String> names = new ArrayList<>();
        for (JsonNode f : functions) {
            if (f.get("name").asText().equals(name)) {
                return f;
            }
            names.add(f.get("name").asText());
        }
        throw new AssertionError("no function " + name + " in " + names);
    }
}
