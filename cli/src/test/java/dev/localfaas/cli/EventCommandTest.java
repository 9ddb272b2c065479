package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.localfaas.cli.event.EventCatalog;
import dev.localfaas.cli.event.EventType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * {@code faas event generate}: every event is read by its {@code aws-lambda-java-events} class through
 * {@code aws-lambda-java-serialization}, the serializer the AWS Java runtime uses, and the options land in it.
 */
class EventCommandTest {

    private static <T> T read(Class<T> type, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        T event = LambdaEventSerializers.serializerFor(type, EventCommandTest.class.getClassLoader()).fromJson(run.out());
        assertNotNull(event, run.out());
        return event;
    }

    @Test
    void everyListedEventIsReadByItsEventsClass() throws Exception {
        for (EventType type : EventCatalog.all()) {
            Class<?> eventsClass = Class.forName(type.eventsClass());
            Object event = read(eventsClass, "event", "generate", type.service(), type.event());
            assertTrue(eventsClass.isInstance(event), type.service() + " " + type.event());
        }
    }

    @Test
    void apiGatewayRequestsCarryMethodPathAndBody() {
        APIGatewayProxyRequestEvent v1 = read(APIGatewayProxyRequestEvent.class, "event", "generate", "apigateway",
                "aws-proxy", "--method", "POST", "--path", "/orders", "--body", "{\"item\":\"coffee\"}");
        assertEquals("POST", v1.getHttpMethod());
        assertEquals("/orders", v1.getPath());
        assertEquals("{\"item\":\"coffee\"}", v1.getBody());
        assertEquals("prod", v1.getRequestContext().getStage());

        APIGatewayV2HTTPEvent v2 = read(APIGatewayV2HTTPEvent.class, "event", "generate", "apigateway", "http-api",
                "--method=PUT", "--path", "/users/42", "--query", "name=Ada&x=1", "--body", "hi");
        assertEquals("PUT /users/42", v2.getRouteKey());
        assertEquals("PUT", v2.getRequestContext().getHttp().getMethod());
        assertEquals("Ada", v2.getQueryStringParameters().get("name"));
        assertEquals("hi", v2.getBody());

        APIGatewayCustomAuthorizerEvent auth = read(APIGatewayCustomAuthorizerEvent.class, "event", "generate",
                "apigateway", "authorizer", "--token", "Bearer abc");
        assertEquals("TOKEN", auth.getType());
        assertEquals("Bearer abc", auth.getAuthorizationToken());
        assertTrue(auth.getMethodArn().endsWith("/prod/GET/hello"), auth.getMethodArn());
    }

    @Test
    void queueTopicAndBusEvents() {
        SQSEvent sqs = read(SQSEvent.class, "event", "generate", "sqs", "receive-message", "--body", "hello \"you\"",
                "--queue", "orders", "--region", "eu-west-1");
        SQSEvent.SQSMessage message = sqs.getRecords().get(0);
        assertEquals("hello \"you\"", message.getBody());
        assertEquals("arn:aws:sqs:eu-west-1:123456789012:orders", message.getEventSourceArn());
        assertEquals("6b5b1a8e4ffab3c2d6b6a5f0b0e5e0a8".length(), message.getMd5OfBody().length());

        SNSEvent sns = read(SNSEvent.class, "event", "generate", "sns", "notification", "--message", "shipped",
                "--subject", "order");
        assertEquals("shipped", sns.getRecords().get(0).getSNS().getMessage());
        assertEquals("order", sns.getRecords().get(0).getSNS().getSubject());

        ScheduledEvent scheduled = read(ScheduledEvent.class, "event", "generate", "eventbridge", "scheduled",
                "--rule", "nightly");
        assertEquals("Scheduled Event", scheduled.getDetailType());
        assertEquals(List.of("arn:aws:events:us-east-1:123456789012:rule/nightly"), scheduled.getResources());
        assertNotNull(scheduled.getTime());

        ScheduledEvent custom = read(ScheduledEvent.class, "event", "generate", "eventbridge", "custom",
                "--source", "shop", "--detail-type", "OrderPlaced", "--detail", "{\"orderId\":\"7\"}");
        assertEquals("shop", custom.getSource());
        assertEquals("7", custom.getDetail().get("orderId"));
    }

    @Test
    void storageStreamAndLogEvents() throws Exception {
        S3Event put = read(S3Event.class, "event", "generate", "s3", "put", "--bucket", "photos", "--key",
                "my cat.jpg", "--size", "2048");
        assertEquals("photos", put.getRecords().get(0).getS3().getBucket().getName());
        assertEquals("my+cat.jpg", put.getRecords().get(0).getS3().getObject().getKey());
        assertEquals("my cat.jpg", put.getRecords().get(0).getS3().getObject().getUrlDecodedKey());
        assertEquals(2048L, put.getRecords().get(0).getS3().getObject().getSizeAsLong());
        S3Event delete = read(S3Event.class, "event", "generate", "s3", "delete", "--bucket", "photos");
        assertEquals("ObjectRemoved:Delete", delete.getRecords().get(0).getEventName());

        DynamodbEvent update = read(DynamodbEvent.class, "event", "generate", "dynamodb", "update", "--table",
                "orders", "--new-value", "paid");
        assertEquals("MODIFY", update.getRecords().get(0).getEventName());
        assertEquals("paid", update.getRecords().get(0).getDynamodb().getNewImage().get("status").getS());

        KafkaEvent kafka = read(KafkaEvent.class, "event", "generate", "kafka", "self-managed", "--topic", "orders",
                "--value", "v1");
        KafkaEvent.KafkaEventRecord record = kafka.getRecords().get("orders-0").get(0);
        assertEquals("v1", new String(Base64.getDecoder().decode(record.getValue()), StandardCharsets.UTF_8));
        KafkaEvent msk = read(KafkaEvent.class, "event", "generate", "kafka", "msk", "--cluster", "prod");
        assertTrue(msk.getEventSourceArn().contains(":cluster/prod/"), msk.getEventSourceArn());

        CloudWatchLogsEvent logs = read(CloudWatchLogsEvent.class, "event", "generate", "cloudwatch", "logs",
                "--message", "boom", "--log-group", "/aws/lambda/orders");
        byte[] zipped = Base64.getDecoder().decode(logs.getAwsLogs().getData());
        String data = new String(new GZIPInputStream(new ByteArrayInputStream(zipped)).readAllBytes(),
                StandardCharsets.UTF_8);
        assertTrue(data.contains("\"logGroup\": \"/aws/lambda/orders\"") || data.contains("\"logGroup\":\"/aws/lambda/orders\""), data);
        assertTrue(data.contains("boom"), data);
    }

    @Test
    void mistakesAreOneLineWithTheFix() {
        CliRun option = CliRun.of("event", "generate", "sqs", "receive-message", "--bdy", "x");
        assertEquals(2, option.exitCode());
        assertEquals("faas: sqs receive-message has no option --bdy; its options: --body, --queue, --queue-arn, "
                + "--region, --account", option.err().strip());

        CliRun event = CliRun.of("event", "generate", "s3", "get");
        assertEquals(2, event.exitCode());
        assertEquals("faas: no s3 event named get; s3 events: put, delete", event.err().strip());

        CliRun service = CliRun.of("event", "generate", "kinesis", "get");
        assertEquals("faas: no events for service kinesis; services: apigateway, sqs, sns, eventbridge, s3, "
                + "dynamodb, kafka, cloudwatch", service.err().strip());

        CliRun json = CliRun.of("event", "generate", "eventbridge", "custom", "--detail", "{oops");
        assertEquals(2, json.exitCode());
        assertTrue(json.err().startsWith("faas: --detail is not JSON: "), json.err());
        assertEquals(1, json.err().strip().lines().count(), json.err());

        CliRun missing = CliRun.of("event", "generate", "sqs", "receive-message", "--body");
        assertEquals("faas: --body needs a value, e.g. --body value", missing.err().strip());
    }

    @Test
    void listNamesEveryEventAndItsOptions() {
        CliRun list = CliRun.of("event", "list");
        assertEquals(0, list.exitCode(), list.err());
        for (EventType type : EventCatalog.all()) {
            assertTrue(list.out().lines().anyMatch(l -> l.startsWith(type.service()) && l.contains(" " + type.event() + " ")),
                    type.event() + "\n" + list.out());
        }
        assertTrue(list.out().contains("--queue-arn"), list.out());
    }
}
