package dev.localfaas.runtime.awsapi;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * EventBridge through the real {@code EventBridgeClient} (AWS JSON 1.1) on the buses of {@code faas run}: rules put
 * here route to queues (read back with {@code SqsClient}) and functions, beside the rule the {@code event-echo}
 * fixture declares; each documented error is its typed exception.
 */
class EventBridgeApiTest {
    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:";

    @TempDir
    static Path dir;
    static AwsApiGateway gw;
    static EventBridgeClient events;
    static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        Path functions = dir.resolve("functions");
        Files.createDirectories(functions);
        Files.copy(Samples.testFunctions().resolve("fixtures-pubsub.jar"), functions.resolve("fixtures-pubsub.jar"));
        gw = AwsApiGateway.start(functions, dir.resolve("state"));
        events = gw.eventBridge();
        sqs = gw.sqs();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void rulesAndTargetsRouteEventsToQueuesAndFunctions() throws Exception {
        String queue = sqs.createQueue(r -> r.queueName("eb-paid")).queueUrl();
        String ruleArn = events.putRule(r -> r.name("paid").eventPattern("{\"source\": [\"shop\"],"
                + " \"detail-type\": [\"OrderPaid\"]}")).ruleArn();
        assertEquals("arn:aws:events:us-east-1:123456789012:rule/paid", ruleArn);
        events.putTargets(r -> r.rule("paid").targets(
                Target.builder().id("to-queue").arn(QUEUE_ARN + "eb-paid").inputPath("$.detail").build(),
                Target.builder().id("shaped").arn(QUEUE_ARN + "eb-paid").inputTransformer(InputTransformer.builder()
                        .inputPathsMap(Map.of("order", "$.detail.order")).inputTemplate("{\"paid\": <order>}").build())
                        .build()));

        PutEventsResponse put = events.putEvents(r -> r.entries(
                entry("shop", "OrderPaid", "{\"order\": 7}"),
                entry("shop", "OrderShipped", "{\"order\": 8}")));
        assertEquals(0, put.failedEntryCount());
        assertEquals(2, put.entries().size());
        assertEquals(36, put.entries().get(0).eventId().length());
        List<String> bodies = receive(queue, 2).stream().map(Message::body).sorted().toList();
        assertEquals(List.of("{\"order\":7}", "{\"paid\": 7}"), bodies, "only the paid event, shaped per target");

        List<Target> targets = events.listTargetsByRule(r -> r.rule("paid")).targets();
        assertEquals(List.of("to-queue", "shaped"), targets.stream().map(Target::id).toList());
        assertEquals(QUEUE_ARN + "eb-paid", targets.get(0).arn());
        assertEquals("$.detail", targets.get(0).inputPath());
        assertEquals("{\"paid\": <order>}", targets.get(1).inputTransformer().inputTemplate());
        var rule = events.describeRule(r -> r.name("paid"));
        assertEquals("ENABLED", rule.stateAsString());
        assertEquals("default", rule.eventBusName());
        assertTrue(events.listRules(r -> r.namePrefix("pa")).rules().stream().anyMatch(x -> x.name().equals("paid")));
        assertTrue(events.listRules(r -> r.build()).rules().stream().anyMatch(x -> x.name().equals("large-orders")),
                "the rule event-echo declares is listed: one store");

        assertEquals("Rule can't be deleted since it has targets.",
                validation(() -> events.deleteRule(r -> r.name("paid"))).awsErrorDetails().errorMessage());
        events.removeTargets(r -> r.rule("paid").ids("to-queue", "shaped"));
        assertTrue(events.listTargetsByRule(r -> r.rule("paid")).targets().isEmpty());
        events.deleteRule(r -> r.name("paid"));
        assertFalse(events.listRules(r -> r.build()).rules().stream().anyMatch(x -> x.name().equals("paid")));
        assertThrows(ResourceNotFoundException.class, () -> events.describeRule(r -> r.name("paid")));
    }

    @Test
    void aCustomBusRuleInvokesAFunction() {
        assertEquals("arn:aws:events:us-east-1:123456789012:event-bus/shop",
                events.createEventBus(r -> r.name("shop")).eventBusArn());
        assertThrows(ResourceAlreadyExistsException.class, () -> events.createEventBus(r -> r.name("shop")));
        assertTrue(events.listEventBuses(r -> r.build()).eventBuses().stream().anyMatch(b -> b.name().equals("shop")));
        events.putRule(r -> r.name("refunds").eventBusName("shop").eventPattern("{\"detail-type\": [\"Refund\"]}"));
        events.putTargets(r -> r.rule("refunds").eventBusName("shop").targets(Target.builder().id("echo")
                .arn("arn:aws:lambda:us-east-1:123456789012:function:event-echo").build()));
        gw.faas.flush(); // count only after every earlier invocation has been reported
        long before = gw.invocations.stream().filter(i -> i.function().equals("event-echo")).count();
        PutEventsResponse put = events.putEvents(r -> r.entries(PutEventsRequestEntry.builder()
                .eventBusName("arn:aws:events:us-east-1:123456789012:event-bus/shop").source("till")
                .detailType("Refund").detail("{\"amount\": 3}").build()));
        assertEquals(0, put.failedEntryCount());
        gw.faas.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            gw.faas.flush();
            return gw.invocations.stream().filter(i -> i.function().equals("event-echo")
                    && i.outcome().id().equals("ok")).count() > before;
        });
    }

    @Test
    void putEventsAnswersEachEntry() {
        PutEventsResponse put = events.putEvents(r -> r.entries(
                entry("shop", "Fine", "{}"),
                PutEventsRequestEntry.builder().source("shop").detailType("NoDetail").build(),
                entry("shop", "Bad", "[1, 2]"),
                PutEventsRequestEntry.builder().eventBusName("nowhere").source("s").detailType("d").detail("{}").build()));
        assertEquals(3, put.failedEntryCount());
        assertEquals(36, put.entries().get(0).eventId().length());
        assertEquals("InvalidArgument", put.entries().get(1).errorCode());
        assertEquals("MalformedDetail", put.entries().get(2).errorCode());
        assertEquals("NotFoundException", put.entries().get(3).errorCode());
        validation(() -> events.putEvents(r -> r.entries(IntStream.range(0, 11)
                .mapToObj(i -> entry("s", "d", "{}")).toList())));
    }

    @Test
    void eachDocumentedErrorIsItsTypedException() {
        ResourceNotFoundException noRule = assertThrows(ResourceNotFoundException.class, () -> events.putTargets(r -> r
                .rule("missing").targets(Target.builder().id("t").arn(QUEUE_ARN + "q").build())));
        assertEquals("Rule missing does not exist on EventBus default.", noRule.awsErrorDetails().errorMessage());
        assertThrows(ResourceNotFoundException.class, () -> events.listTargetsByRule(r -> r.rule("missing")));
        assertThrows(ResourceNotFoundException.class, () -> events.removeTargets(r -> r.rule("missing").ids("t")));
        assertThrows(ResourceNotFoundException.class, () -> events.putRule(r -> r.name("x").eventBusName("nowhere")
                .eventPattern("{\"source\": [\"a\"]}")));
        assertThrows(ResourceNotFoundException.class, () -> events.listRules(r -> r.eventBusName("nowhere")));
        InvalidEventPatternException pattern = assertThrows(InvalidEventPatternException.class, () -> events.putRule(r -> r
                .name("bad").eventPattern("{\"source\": \"not a list\"}")));
        assertTrue(pattern.awsErrorDetails().errorMessage().startsWith("Event pattern is not valid. Reason: "),
                pattern.getMessage());
        validation(() -> events.putRule(r -> r.name("no pattern")));
        validation(() -> events.putRule(r -> r.name("empty")));
        validation(() -> events.putRule(r -> r.name("sched").scheduleExpression("rate(1 minute)")));
        events.putRule(r -> r.name("targets").eventPattern("{\"source\": [\"a\"]}"));
        EventBridgeException arn = validation(() -> events.putTargets(r -> r.rule("targets")
                .targets(Target.builder().id("t").arn("arn:aws:sns:us-east-1:123456789012:topic").build())));
        assertTrue(arn.awsErrorDetails().errorMessage().contains("is not served by localfaas"), arn.getMessage());
        assertEquals(400, arn.statusCode());
        EventBridgeException unsupported = assertThrows(EventBridgeException.class, () -> events.enableRule(r -> r
                .name("targets")));
        assertEquals("UnknownOperationException", unsupported.awsErrorDetails().errorCode());
        assertTrue(unsupported.awsErrorDetails().errorMessage().startsWith("EnableRule is not supported by localfaas"),
                unsupported.getMessage());
    }

    /** EventBridge models no ValidationException: the SDK throws EventBridgeException with that error code. */
    private static EventBridgeException validation(Executable call) {
        EventBridgeException e = assertThrows(EventBridgeException.class, call);
        assertEquals("ValidationException", e.awsErrorDetails().errorCode(), e.getMessage());
        return e;
    }

    @Test
    void anEventCarriesItsTraceToTheRuleTargetsAsSnsDoes() throws Exception {
        // the entry's TraceHeader: the invocation of the rule's function joins that trace, after the bus hop
        String root = "1-5759e988-bd862e3fe1be46a994272793";
        events.putEvents(r -> r.entries(PutEventsRequestEntry.builder().source("orders").detailType("OrderPlaced")
                .detail("{\"amount\": 900}").traceHeader("Root=" + root + ";Parent=53995c3f42cd8ad8;Sampled=1").build()));
        await().atMost(Duration.ofSeconds(20)).until(() -> gw.invocations.stream().anyMatch(i ->
                i.function().equals("event-echo") && i.trace() != null && i.trace().root().equals(root)));
        var span = gw.invocations.stream().filter(i -> i.function().equals("event-echo") && i.trace() != null
                && i.trace().root().equals(root)).findFirst().orElseThrow().trace();
        assertEquals("53995c3f42cd8ad8", span.parent(), "the publisher's segment is the parent");
        assertEquals("rule large-orders", span.via(), "the hop, as a queue's or a topic's");

        // the caller's X-Amzn-Trace-Id (what the AWS SDK sends from inside a traced function): a queue target's copy
        // keeps it as its AWSTraceHeader, which its consumer's invocation continues
        String queue = sqs.createQueue(r -> r.queueName("eb-traced")).queueUrl();
        events.putRule(r -> r.name("traced").eventPattern("{\"source\": [\"traced\"]}"));
        events.putTargets(r -> r.rule("traced").targets(Target.builder().id("q").arn(QUEUE_ARN + "eb-traced").build()));
        String header = "Root=1-6759e988-bd862e3fe1be46a994272794;Parent=63995c3f42cd8ad9;Sampled=0";
        events.putEvents(r -> r.entries(entry("traced", "Ping", "{}"))
                .overrideConfiguration(o -> o.putHeader("X-Amzn-Trace-Id", header)));
        List<Message> got = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> got.addAll(sqs.receiveMessage(r -> r.queueUrl(queue)
                .messageSystemAttributeNamesWithStrings("AWSTraceHeader").waitTimeSeconds(1)).messages()));
        assertEquals(header, got.get(0).attributesAsStrings().get("AWSTraceHeader"), got.toString());
    }

    private static PutEventsRequestEntry entry(String source, String detailType, String detail) {
        return PutEventsRequestEntry.builder().source(source).detailType(detailType).detail(detail).build();
    }

    private static List<Message> receive(String queueUrl, int n) throws Exception {
        List<Message> got = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            got.addAll(sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages());
            return got.size() >= n;
        });
        assertEquals(n, got.size(), got.toString());
        return got;
    }
}
