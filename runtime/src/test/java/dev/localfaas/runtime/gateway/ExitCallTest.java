package dev.localfaas.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handler that calls {@code System.exit} fails its invocation with Lambda's {@code Runtime.ExitError}, and the
 * gateway (the whole JVM, had the call gone through) and the other functions keep serving.
 */
class ExitCallTest {

    private static final String EXITER = "/2015-03-31/functions/exiter/invocations";

    @TempDir
    static Path dir;
    static RunningGateway gw;

    @BeforeAll
    static void start() {
        gw = RunningGateway.start(Samples.copy(dir.resolve("functions"), "hello.jar", "fixtures-exit.jar"),
                dir.resolve("state"));
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void everyWayOfExitingFailsTheInvocationAsRuntimeExitError() throws Exception {
        String[][] cases = {{"system", "1"}, {"runtime", "2"}, {"halt", "3"}, {"reference", "4"}};
        for (String[] c : cases) {
            HttpResponse<String> r = gw.post(EXITER, "{\"how\":\"" + c[0] + "\",\"status\":" + c[1] + "}");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("Unhandled", r.headers().firstValue("X-Amz-Function-Error").orElse(""), c[0] + ": " + r.body());
            JsonNode error = Json.MAPPER.readTree(r.body());
            assertEquals("Runtime.ExitError", error.get("errorType").asText(), r.body());
            assertEquals("Runtime exited with error: exit status " + c[1], error.get("errorMessage").asText());
            // the frames say where the exit was called
            assertTrue(error.get("stackTrace").toString().contains("fixtures.exit.Exiter.handleRequest"), r.body());
        }
        assertTrue(gw.logLines.stream().anyMatch(l -> l.startsWith("exiter ") && l.contains("\"errorType\":\"Runtime.ExitError\"")
                && l.contains("exit status 1")), String.join("\n", gw.logLines));
    }

    @Test
    void theGatewayAndOtherFunctionsKeepServing() {
        HttpResponse<String> exited = gw.post(EXITER, "{\"how\":\"system\",\"status\":1}");
        assertEquals("Unhandled", exited.headers().firstValue("X-Amz-Function-Error").orElse(""), exited.body());
        assertEquals(200, gw.get("/hello").statusCode());
        assertEquals("\"still here\"", gw.post(EXITER, "{\"how\":\"none\"}").body());
        assertEquals(200, gw.get("/_faas/health").statusCode());
    }
}
