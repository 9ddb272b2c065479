package dev.localfaas.runtime.execution;

import static dev.localfaas.runtime.Samples.eventsJar;
import static dev.localfaas.runtime.Samples.functions;
import static dev.localfaas.runtime.Samples.spec;
import static dev.localfaas.runtime.execution.EngineFixture.JSON;
import static dev.localfaas.runtime.execution.EngineFixture.json;
import static dev.localfaas.runtime.execution.EngineFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aws-lambda-java-events classes read AWS's JSON and write it back unchanged (lambda-contract.md §2.4, §7):
 * each fixture returns the event object it received.
 */
class EventRoundTripTest {

    @TempDir
    static Path state;
    static EngineFixture fx;

    @BeforeAll
    static void start() {
        fx = new EngineFixture(state,
                spec("echo-sqs", eventsJar(), "fixtures.events.EchoSqs"),
                spec("sqs-batch", eventsJar(), "fixtures.events.SqsBatch"),
                spec("echo-scheduled", eventsJar(), "fixtures.events.EchoScheduled"),
                spec("echo-sns", eventsJar(), "fixtures.events.EchoSns"),
                spec("echo-kinesis", eventsJar(), "fixtures.events.EchoKinesis"),
                spec("echo-rest", eventsJar(), "fixtures.events.EchoRest"),
                spec("echo-http", eventsJar(), "fixtures.events.EchoHttp"),
                spec("http-response", eventsJar(), "fixtures.events.HttpResponse"),
                spec("rest-response", eventsJar(), "fixtures.events.RestResponse"));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void sqsEventRoundTrips() throws IOException {
        String event = sampleEvent("orders-worker.json");
        InvocationResult r = fx.invoke("echo-sqs", event);
        assertEquals(Outcome.OK, r.outcome(), text(r));
        assertEquals(JSON.readTree(event), json(r), "Records, eventSourceARN and every field as AWS writes them");
    }

    @Test
    void sqsBatchResponseNamesTheFailedItems() throws IOException {
        String event = sampleEvent("orders-worker.json").replace("poison", "fail");
        JsonNode r = json(fx.invoke("sqs-batch", event));
        assertEquals(1, r.get("batchItemFailures").size());
        assertEquals("2e1424d4-f796-459a-8184-9c92662be6da", r.get("batchItemFailures").get(0).get("itemIdentifier").asText());
    }

    @Test
    void scheduledEventKeepsDetailTypeAndJodaTime() throws IOException {
        String event = sampleEvent("tick.json");
        JsonNode in = JSON.readTree(event);
        JsonNode out = json(fx.invoke("echo-scheduled", event));
        assertEquals("Scheduled Event", out.get("detail-type").asText());
        assertEquals(in.get("resources"), out.get("resources"));
        assertEquals(in.get("id"), out.get("id"));
        String time = in.get("time").asText().replace("Z", "");
        assertTrue(out.get("time").asText().startsWith(time), "Joda DateTime through the function's Joda: " + out);
        assertFalse(out.has("detailType"));
    }

    @Test
    void snsEventUsesUpperCamelCase() throws IOException {
        String event = resource("sns.json");
        JsonNode out = json(fx.invoke("echo-sns", event));
        JsonNode record = out.get("Records").get(0);
        assertEquals("aws:sns", record.get("EventSource").asText());
        JsonNode sns = record.get("Sns");
        assertEquals("Hello from SNS!", sns.get("Message").asText());
        assertEquals("arn:aws:sns:us-east-1:123456789012:sns-lambda", sns.get("TopicArn").asText());
        assertEquals("TestString", sns.get("MessageAttributes").get("Test").get("Value").asText());
        assertEquals("2019-01-02T12:45:07.000Z", sns.get("Timestamp").asText());
    }

    @Test
    void kinesisDatesAreEpochSeconds() throws IOException {
        String event = resource("kinesis.json");
        JsonNode out = json(fx.invoke("echo-kinesis", event));
        JsonNode kinesis = out.get("Records").get(0).get("kinesis");
        assertEquals(1545084650.987, kinesis.get("approximateArrivalTimestamp").asDouble(), 0.0005);
        assertEquals("SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==", kinesis.get("data").asText());
        assertEquals("NONE", kinesis.get("encryptionType").asText());
        assertEquals("arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream",
                out.get("Records").get(0).get("eventSourceARN").asText());
    }

    @Test
    void apiGatewayRestEventRoundTrips() throws IOException {
        String event = sampleEvent("orders-rest.json");
        JsonNode in = JSON.readTree(event);
        JsonNode out = json(fx.invoke("echo-rest", event));
        assertEquals(in.get("httpMethod"), out.get("httpMethod"));
        assertEquals(in.get("headers"), out.get("headers"));
        assertEquals(in.get("multiValueHeaders"), out.get("multiValueHeaders"));
        assertEquals(in.get("body"), out.get("body"));
        assertEquals(in.get("requestContext").get("requestId"), out.get("requestContext").get("requestId"));
        assertEquals(in.get("isBase64Encoded"), out.get("isBase64Encoded"));
    }

    @Test
    void apiGatewayHttpEventRoundTrips() throws IOException {
        String event = sampleEvent("users-api.json");
        JsonNode in = JSON.readTree(event);
        JsonNode out = json(fx.invoke("echo-http", event));
        assertEquals(in.get("routeKey"), out.get("routeKey"));
        assertEquals(in.get("pathParameters"), out.get("pathParameters"));
        assertEquals(in.get("requestContext").get("http"), out.get("requestContext").get("http"));
        assertEquals(in.get("isBase64Encoded"), out.get("isBase64Encoded"));
    }

    @Test
    void responsesUseApiGatewaysFieldNames() {
        JsonNode v2 = json(fx.invoke("http-response", "{\"statusCode\":201}"));
        assertEquals(201, v2.get("statusCode").asInt());
        assertEquals(2, v2.get("cookies").size());
        assertFalse(v2.get("isBase64Encoded").asBoolean());
        JsonNode v1 = json(fx.invoke("rest-response", "{}"));
        assertTrue(v1.has("statusCode") && v1.has("body"), v1.toString());
    }

    private static String sampleEvent(String name) throws IOException {
        return Files.readString(functions().resolveSibling("../events").normalize().resolve(name));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EventRoundTripTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
