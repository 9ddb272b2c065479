package dev.localfaas.cli.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every event {@code faas event generate} knows, in the order {@code faas event list} shows them. */
public final class EventCatalog {

    private static final EventOption REGION = new EventOption("region", "us-east-1", "AWS region");
    private static final EventOption ACCOUNT = new EventOption("account", "123456789012", "AWS account id");

    private static final List<EventType> TYPES = List.of(
            type("apigateway", "aws-proxy", "REST API request, Lambda proxy integration (payload format 1.0)",
                    "APIGatewayProxyRequestEvent",
                    opt("method", "GET", "HTTP method"), opt("path", "/hello", "request path"),
                    opt("resource", "{{path}}", "API resource (route) the request matched, e.g. /users/{id}"),
                    opt("body", "", "request body (none when empty)"), opt("stage", "prod", "API stage")),
            type("apigateway", "http-api", "HTTP API request (payload format 2.0)", "APIGatewayV2HTTPEvent",
                    opt("method", "GET", "HTTP method"), opt("path", "/hello", "request path"),
                    opt("query", "", "raw query string, e.g. name=Ada"),
                    opt("body", "", "request body (none when empty)")),
            type("apigateway", "authorizer", "Lambda TOKEN authorizer request", "APIGatewayCustomAuthorizerEvent",
                    opt("token", "Bearer allow", "the Authorization header's value"),
                    opt("method", "GET", "HTTP method of the call"), opt("path", "/hello", "path of the call"),
                    opt("stage", "prod", "API stage")),
            type("sqs", "receive-message", "SQS message batch delivered to a consumer", "SQSEvent",
                    opt("body", "Hello from SQS", "message body"), opt("queue", "my-queue", "queue name"),
                    opt("queue-arn", "arn:aws:sqs:{{region}}:{{account}}:{{queue}}", "queue ARN")),
            type("sns", "notification", "SNS notification delivered to a subscriber", "SNSEvent",
                    opt("message", "Hello from SNS", "message"), opt("subject", "", "subject (none when empty)"),
                    opt("topic", "my-topic", "topic name"),
                    opt("topic-arn", "arn:aws:sns:{{region}}:{{account}}:{{topic}}", "topic ARN")),
            type("eventbridge", "scheduled", "EventBridge schedule (rate or cron rule) firing", "ScheduledEvent",
                    opt("rule", "my-schedule", "rule name")),
            type("eventbridge", "custom", "EventBridge event put by an application", "ScheduledEvent",
                    opt("source", "com.example.orders", "event source"),
                    opt("detail-type", "OrderPlaced", "detail-type"),
                    opt("detail", "{\"orderId\":\"1234\"}", "detail, as JSON")),
            type("s3", "put", "S3 object created (ObjectCreated:Put)", "S3Event",
                    opt("bucket", "my-bucket", "bucket name"), opt("key", "uploads/photo.jpg", "object key"),
                    opt("size", "1024", "object size in bytes")),
            type("s3", "delete", "S3 object removed (ObjectRemoved:Delete)", "S3Event",
                    opt("bucket", "my-bucket", "bucket name"), opt("key", "uploads/photo.jpg", "object key")),
            type("dynamodb", "update", "DynamoDB stream record of an item update (MODIFY)", "DynamodbEvent",
                    opt("table", "my-table", "table name"), opt("key-name", "id", "partition key attribute"),
                    opt("key", "1234", "partition key value"), opt("attribute", "status", "changed attribute"),
                    opt("old-value", "pending", "its old value"), opt("new-value", "shipped", "its new value")),
            type("kafka", "self-managed", "Records from a self-managed Apache Kafka topic", "KafkaEvent",
                    opt("topic", "my-topic", "topic"), opt("key", "order-1", "record key (base64 encoded for you)"),
                    opt("value", "{\"orderId\":\"1234\"}", "record value (base64 encoded for you)"),
                    opt("bootstrap-servers", "localhost:9092", "bootstrap servers")),
            type("kafka", "msk", "Records from an Amazon MSK topic", "KafkaEvent",
                    opt("topic", "my-topic", "topic"), opt("key", "order-1", "record key (base64 encoded for you)"),
                    opt("value", "{\"orderId\":\"1234\"}", "record value (base64 encoded for you)"),
                    opt("cluster", "my-cluster", "MSK cluster name"),
                    opt("bootstrap-servers", "b-1.my-cluster.abc123.c2.kafka.{{region}}.amazonaws.com:9092",
                            "bootstrap servers")),
            type("cloudwatch", "logs", "CloudWatch Logs subscription delivery (gzip + base64 data)",
                    "CloudWatchLogsEvent",
                    opt("message", "ERROR something failed", "the log event's message"),
                    opt("log-group", "/aws/lambda/my-function", "log group"),
                    opt("log-stream", "2024/01/01/[$LATEST]0123456789abcdef", "log stream")));

    private EventCatalog() {
    }

    public static List<EventType> all() {
        return TYPES;
    }

    public static Optional<EventType> find(String service, String event) {
        return TYPES.stream().filter(t -> t.service().equals(service) && t.event().equals(event)).findFirst();
    }

    /** The events of one service, for an error that names what exists. */
    public static List<String> events(String service) {
        return TYPES.stream().filter(t -> t.service().equals(service)).map(EventType::event).toList();
    }

    public static List<String> services() {
        return TYPES.stream().map(EventType::service).distinct().toList();
    }

    private static EventType type(String service, String event, String description, String simpleClass,
                                  EventOption... options) {
        List<EventOption> all = new ArrayList<>(List.of(options));
        all.add(REGION);
        all.add(ACCOUNT);
        return new EventType(service, event, description,
                "com.amazonaws.services.lambda.runtime.events." + simpleClass, all);
    }

    private static EventOption opt(String name, String defaultValue, String help) {
        return new EventOption(name, defaultValue, help);
    }
}
