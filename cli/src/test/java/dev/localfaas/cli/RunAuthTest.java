package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** faas token mints what faas run --jwt-issuer localfaas accepts; refusals are logged and invoke nothing. */
class RunAuthTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newHttpClient();

    private CommandLine cli() {
        return Faas.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String token(String... args) {
        ByteArrayOutputStream tokenOut = new ByteArrayOutputStream();
        CommandLine cli = Faas.commandLine(new PrintStream(tokenOut, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, cli.execute(args));
        return tokenOut.toString(StandardCharsets.UTF_8).trim();
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLocalTokenOpensTheRouteAndAMissingOrUnscopedOneIsRefused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("functions"));
        Files.copy(CliRun.samples().resolve("users-api.jar"), dir.resolve("users-api.jar"));
        String key = tmp.resolve("jwt-key.json").toString();
        String reader = token("token", "--sub", "alice", "--scope", "users:read", "--jwt-key", key);
        String writer = token("token", "--sub", "bob", "--scope", "users:write", "--jwt-key", key);
        CommandLine cli = cli();
        ((RunCommand) cli.getSubcommands().get("run").getCommandSpec().userObject()).stop = stop::await;
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("run", dir.toString(),
                "--port", "0", "--no-watch", "--state-dir", tmp.resolve("state").toString(),
                "--jwt-issuer", "localfaas", "--jwt-scope", "users:read", "--jwt-key", key,
                "--cors-origin", "http://localhost:5173"));
        Pattern ready = Pattern.compile("Ready on (http://127\\.0\\.0\\.1:\\d+)");
        await().atMost(30, TimeUnit.SECONDS).until(() -> ready.matcher(out.toString(StandardCharsets.UTF_8)).find());
        Matcher m = ready.matcher(out.toString(StandardCharsets.UTF_8));
        m.find();
        String url = m.group(1);

        assertEquals(401, get(url + "/users/42", null).statusCode());
        assertEquals("{\"message\":\"Forbidden\"}", get(url + "/users/42", writer).body());
        assertEquals(200, get(url + "/users/42", reader).statusCode());
        assertTrue(get(url + "/_faas/jwks.json", null).body().contains("\"kty\":\"RSA\""));
        await().atMost(10, TimeUnit.SECONDS).until(() -> err.toString(StandardCharsets.UTF_8)
                .contains("faas: gateway: refused GET /users/42 from 127.0.0.1 -> 401 (route GET /users/{id} of users-api, jwt localfaas: no token in Authorization)"));

        stop.countDown();
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));
        long starts = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("users-api | START")).count();
        assertEquals(1, starts, "only the accepted call invoked the function");
    }

    @Test
    void accessOptionsBesideATemplateAreAOneLineUsageError() throws Exception {
        Path app = tmp.resolve("sqs-app");
        Path template = TemplateRunTest.template(app, "aws-sqs.yaml");
        Path lib = Files.createDirectories(app.resolve("src/SQSEventSource/lib"));
        Files.copy(CliRun.samples().resolveSibling("test-functions").resolve("fixtures-events.jar"),
                lib.resolve("fixtures-events.jar"));
        int exit = cli().execute("run", "-t", template.toString(), "--port", "0",
                "--state-dir", tmp.resolve("state").toString(), "--jwt-issuer", "localfaas");
        assertEquals(2, exit);
        assertEquals("faas: --cors-origin, --jwt-issuer and --api-key-required are for a folder without a template;"
                + " declare Cors and Auth on the template's API instead", err.toString(StandardCharsets.UTF_8).trim());
    }

    private String keys(String... args) {
        ByteArrayOutputStream keysOut = new ByteArrayOutputStream();
        CommandLine cli = Faas.commandLine(new PrintStream(keysOut, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, cli.execute(args), err.toString(StandardCharsets.UTF_8));
        return keysOut.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aKeyFromFaasKeysOpensRoutesUntilItsQuotaIsSpentAndFaasKeysListShowsWhatIsLeft() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("functions"));
        Files.copy(CliRun.samples().resolve("hello.jar"), dir.resolve("hello.jar"));
        String state = tmp.resolve("state").toString();
        assertTrue(keys("keys", "plan", "basic", "--quota", "2", "--period", "DAY", "--state-dir", state)
                .contains("usage plan basic quota 2/DAY"));
        String key = keys("keys", "create", "alice", "--plan", "basic", "--state-dir", state).trim();
        assertEquals(40, key.length(), key);
        assertEquals(2, cli().execute("keys", "create", "alice", "--state-dir", state));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("faas: an API key named alice exists already; "
                + "choose another name (faas keys list shows them)"), err.toString(StandardCharsets.UTF_8));

        CommandLine cli = cli();
        ((RunCommand) cli.getSubcommands().get("run").getCommandSpec().userObject()).stop = stop::await;
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("run", dir.toString(),
                "--port", "0", "--no-watch", "--state-dir", state, "--api-key-required"));
        Pattern ready = Pattern.compile("Ready on (http://127\\.0\\.0\\.1:\\d+)");
        await().atMost(30, TimeUnit.SECONDS).until(() -> ready.matcher(out.toString(StandardCharsets.UTF_8)).find());
        Matcher m = ready.matcher(out.toString(StandardCharsets.UTF_8));
        m.find();
        String url = m.group(1);
        HttpRequest.Builder keyed = HttpRequest.newBuilder(URI.create(url + "/hello")).header("x-api-key", key);
        assertEquals(403, get(url + "/hello", null).statusCode());
        assertEquals(200, http.send(keyed.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, http.send(keyed.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> spent = http.send(keyed.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(429, spent.statusCode());
        assertEquals("{\"message\":\"Limit Exceeded\"}", spent.body());
        String metrics = get(url + "/_faas/metrics", null).body();
        assertTrue(metrics.contains("faas_gateway_refusals_total{function=\"hello\",route=\"ANY /hello\",status=\"429\","
                + "reason=\"quota\"} 1"), metrics);
        assertTrue(metrics.contains("status=\"403\",reason=\"forbidden\"} 1"), metrics);
        stop.countDown();
        assertEquals(0, exit.get(20, TimeUnit.SECONDS));

        String list = keys("keys", "list", "--state-dir", state);
        assertTrue(list.lines().anyMatch(l -> l.matches("alice\\s+\\w+\\s+basic\\s+2\\s+0/DAY\\s+.*")), list);
        assertTrue(keys("keys", "usage", "alice", "--state-dir", state).contains("plan basic: 2 this day"));
    }
}
