package dev.localfaas.runtime.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LineKindTest {

    @Test
    void classifiesLambdaLogLinesByLevelAndPlatformType() {
        assertEquals(new LineKind("INFO", "platform.start", "START RequestId: x Version: $LATEST"),
                LineKind.of("START RequestId: x Version: $LATEST", false));
        assertEquals("DEBUG", LineKind.of("END RequestId: x", false).level(), "runtimeDone is a DEBUG system record");
        assertEquals("platform.runtimeDone", LineKind.of("END RequestId: x", false).type());
        assertEquals("ERROR", LineKind.of("REPORT RequestId: x\tDuration: 1 ms", true).level());
        assertEquals("ERROR", LineKind.of("REPORT RequestId: x\tDuration: 1 ms\tStatus: timeout", false).level());
        assertEquals("INFO", LineKind.of("REPORT RequestId: x\tDuration: 1 ms", false).level());
        assertEquals(new LineKind("WARN", "function", "disk almost full"), LineKind.of("[WARN] disk almost full", false));
        assertEquals("INFO", LineKind.of("[not a level] text", false).level());
        assertEquals("ERROR", LineKind.of("{\"errorMessage\":\"boom\"}", true).level());
        assertEquals("WARN", LineKind.of("localfaas: java.lang.OutOfMemoryError in fn; its environment is discarded",
                false).level());
        assertTrue(LineKind.of("END RequestId: x", false).platform());
        assertFalse(LineKind.of("hello", false).platform());
        assertEquals("ERROR", LineKind.of("2026-12-01T00:31:02.123Z r1 Task timed out after 3.00 seconds", false).level());
        assertEquals(-1, LineKind.rank("LOUD"));
        assertEquals(5, LineKind.rank("fatal"));
    }

    @Test
    void aJsonRecordOfTheAwsLoggerCarriesItsLevel() {
        String line = "{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"level\":\"DEBUG\",\"message\":\"m\",\"AWSRequestId\":\"r\"}";
        assertEquals(new LineKind("DEBUG", "function", line), LineKind.of(line, false));
        assertEquals("INFO", LineKind.of("{\"level\":\"chatty\"}", false).level(), "not one of Lambda's levels");
        assertEquals("INFO", LineKind.of("{\"level\": broken", false).level());
    }

    @Test
    void platformLinesBecomeTheTelemetryApiRecords() {
        assertEquals(Map.of("requestId", "r1", "version", "$LATEST"),
                PlatformRecord.of("platform.start", "START RequestId: r1 Version: $LATEST"));
        Map<String, Object> report = PlatformRecord.of("platform.report", "REPORT RequestId: r1\tDuration: 12.50 ms"
                + "\tBilled Duration: 13 ms\tMemory Size: 256 MB\tMax Memory Used: n/a (thread allocated 9 KB)"
                + "\tInit Duration: 101.25 ms\tStatus: error\tError Type: Runtime.BadFunctionCode");
        assertEquals("r1", report.get("requestId"));
        assertEquals(Map.of("durationMs", 12.5, "billedDurationMs", 13L, "memorySizeMB", 256L, "initDurationMs", 101.25),
                report.get("metrics"), "no maxMemoryUsedMB where it was not measured");
        assertEquals("error", report.get("status"));
        assertEquals("Runtime.BadFunctionCode", report.get("errorType"));
        Map<String, Object> measured = PlatformRecord.of("platform.report", "REPORT RequestId: r2\tDuration: 1.00 ms"
                + "\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 71 MB");
        assertEquals(71L, ((Map<?, ?>) measured.get("metrics")).get("maxMemoryUsedMB"));
        assertEquals("success", measured.get("status"));
        assertEquals(Map.of("requestId", "r3", "status", "success"),
                PlatformRecord.of("platform.runtimeDone", "END RequestId: r3"));
    }
}
