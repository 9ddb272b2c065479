package dev.localfaas.runtime.execution;

import static dev.localfaas.runtime.Samples.oracleFunctions;
import static dev.localfaas.runtime.Samples.spec;
import static dev.localfaas.runtime.execution.EngineFixture.JSON;
import static dev.localfaas.runtime.execution.EngineFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localfaas.runtime.function.FunctionSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10, point 1: AWS's sample event for every {@code aws-lambda-java-events} class, in the oldest (3.11) and the
 * newest (3.16) events version, fed to a handler typed with that class ({@code events-echo-*} fixtures), gives field
 * by field what AWS's own serializer gives for the same JSON: the fields read ({@code toString()} of the event the
 * handler got) and the JSON written back (the handler returns the event, typed as its output).
 */
class AwsSerializationOracleTest {

    private static final List<String> VERSIONS = List.of("3.11", "3.16");

    @TempDir
    static Path state;
    static EngineFixture fx;
    static final Map<String, AwsEventOracle> ORACLES = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        List<FunctionSpec> specs = new ArrayList<>();
        for (String version : VERSIONS) {
            Path jar = jar(version);
            ORACLES.put(version, new AwsEventOracle(jar));
            cases().map(Arguments::get).filter(a -> a[0].equals(version)).map(a -> (String) a[1]).distinct()
                    .forEach(cls -> {
                        String method = cls.substring(cls.lastIndexOf('.') + 1);
                        specs.add(spec(name(version, cls, false), jar, "fixtures.echo.EventEcho::" + method));
                        specs.add(spec(name(version, cls, true), jar, "fixtures.echo.EventEcho::" + method + "Text"));
                    });
        }
        // environments close right after use: ~280 functions, each with its own events classes and serializer copy
        fx = new EngineFixture(RuntimeConfig.forDirectory(state).withStateDir(state).withKeepWarm(Duration.ofMillis(200)),
                specs.toArray(FunctionSpec[]::new));
    }

    @AfterAll
    static void stop() throws IOException {
        fx.close();
        for (AwsEventOracle oracle : ORACLES.values()) {
            oracle.close();
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        List<String[]> index = AwsEventOracle.resource("index.tsv").lines().map(l -> l.split("\t")).toList();
        for (String version : VERSIONS) {
            try (AwsEventOracle oracle = new AwsEventOracle(jar(version))) {
                for (String[] row : index) {
                    if (oracle.has(row[0])) {
                        cases.add(Arguments.of(version, row[0], row[1]));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "events {0}: {1} from {2}")
    @MethodSource("cases")
    void readsAndWritesEveryEventAsAwsDoes(String version, String eventClass, String sample) throws IOException {
        String json = AwsEventOracle.resource(sample);
        AwsEventOracle aws = ORACLES.get(version);

        aws.freshProcess();
        InvocationResult read = fx.invoke(name(version, eventClass, true), json);
        try {
            String fields = aws.text(eventClass, json);
            assertEquals(Outcome.OK, read.outcome(), text(read));
            assertEquals(withoutIdentities(JSON.writeValueAsString(fields)), withoutIdentities(text(read)),
                    "fields as read");
        } catch (AwsEventOracle.OracleFailure failure) {
            assertFailsAlike(failure, read);
        }

        InvocationResult echoed = fx.invoke(name(version, eventClass, false), json);
        try {
            JsonNode expected = JSON.readTree(aws.roundTrip(eventClass, json));
            assertEquals(Outcome.OK, echoed.outcome(), text(echoed));
            JsonNode actual = JSON.readTree(echoed.payload());
            assertEquals(expected, actual, "JSON written back differs at " + differences("", expected, actual));
        } catch (AwsEventOracle.OracleFailure failure) {
            assertFailsAlike(failure, echoed);
        }
    }

    /** Where AWS's serializer fails (an event sample newer than the class, say), the function fails with its error. */
    private static void assertFailsAlike(AwsEventOracle.OracleFailure failure, InvocationResult result) {
        assertTrue(result.outcome() != Outcome.OK, "AWS fails with " + failure.root + " but we answered " + text(result));
        assertTrue(text(result).contains(failure.root.getClass().getSimpleName()),
                "AWS fails with " + failure.root + ", we with " + text(result));
    }

    /** {@code Object.toString()} of arrays and classes without their own: the identity hash differs per object. */
    private static String withoutIdentities(String text) {
        return text.replaceAll("@[0-9a-f]{1,8}\\b", "@");
    }

    /** The issue's two reports: S3 records and CloudFront records arrive, with 3.11 and the newest events alike. */
    @Test
    void s3AndCloudFrontRecordsArrive() throws IOException {
        for (String version : VERSIONS) {
            JsonNode s3 = JSON.readTree(fx.invoke(name(version, "S3Event", false),
                    AwsEventOracle.resource("s3_event.json")).payload());
            assertEquals("example-bucket", s3.at("/Records/0/s3/bucket/name").asText(), version + ": " + s3);
            JsonNode cloudFront = JSON.readTree(fx.invoke(name(version, "CloudFrontEvent", false),
                    AwsEventOracle.resource("cloudfront_event.json")).payload());
            assertTrue(cloudFront.at("/Records/0/cf/request/uri").isTextual(), version + ": " + cloudFront);
        }
    }

    private static Path jar(String version) {
        return oracleFunctions().resolve("events-echo-" + version + ".jar");
    }

    private static String name(String version, String eventClass, boolean text) {
        return "v" + version.replace(".", "") + "-" + eventClass.replace('.', '-') + (text ? "-text" : "");
    }

    private static List<String> differences(String path, JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        if (expected.isObject() && actual.isObject()) {
            List<String> names = new ArrayList<>();
            expected.fieldNames().forEachRemaining(names::add);
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String n = it.next();
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
            for (String n : names) {
                JsonNode e = expected.get(n);
                JsonNode a = actual.get(n);
                if (e == null || a == null) {
                    out.add(path + "/" + n + " (" + (e == null ? "unexpected" : "missing") + ")");
                } else {
                    out.addAll(differences(path + "/" + n, e, a));
                }
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": " + expected + " != " + actual);
        }
        return out;
    }
}
