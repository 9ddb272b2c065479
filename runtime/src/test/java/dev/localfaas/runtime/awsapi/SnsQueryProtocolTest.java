package dev.localfaas.runtime.awsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SNS's query protocol as the SNS API reference shows it: form POSTs with {@code Version=2010-03-31}, answered with
 * the documented elements, nesting, order and namespace; only request ids and generated ids differ (the reference's
 * examples are pretty-printed; the answers here carry no whitespace between elements).
 */
class SnsQueryProtocolTest {
    private static final String NS = "http://sns.amazonaws.com/doc/2010-03-31/";
    private static final String ARN = "arn:aws:sns:us-east-1:123456789012:";
    private static final Pattern REQUEST_ID = Pattern.compile("<RequestId>[0-9a-f-]{36}</RequestId>");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @TempDir
    static Path dir;
    static AwsApiGateway gw;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        gw = AwsApiGateway.start(dir.resolve("functions"), dir.resolve("state"));
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    static HttpResponse<String> post(String... pairs) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        form.put("Version", "2010-03-31");
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(gw.url() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer with its request id and other generated ids replaced. */
    static String normalized(HttpResponse<String> r) {
        assertTrue(REQUEST_ID.matcher(r.body()).find(), r.body());
        assertEquals("text/xml", r.headers().firstValue("content-type").orElseThrow());
        return UUID.matcher(REQUEST_ID.matcher(r.body()).replaceAll("<RequestId>ID</RequestId>")).replaceAll("UUID");
    }

    static String response(String action, String result) {
        return "<?xml version=\"1.0\"?><" + action + "Response xmlns=\"" + NS + "\">" + (result == null ? ""
                : "<" + action + "Result>" + result + "</" + action + "Result>")
                + "<ResponseMetadata><RequestId>ID</RequestId></ResponseMetadata></" + action + "Response>";
    }

    @Test
    void theDocumentedAnswers() throws Exception {
        assertEquals(response("CreateTopic", "<TopicArn>" + ARN + "My-Topic</TopicArn>"),
                normalized(post("Action", "CreateTopic", "Name", "My-Topic", "Attributes.entry.1.key", "DisplayName",
                        "Attributes.entry.1.value", "mine")));
        assertEquals(response("ListTopics", "<Topics><member><TopicArn>" + ARN + "My-Topic</TopicArn></member></Topics>"),
                normalized(post("Action", "ListTopics")));
        assertEquals(response("Subscribe", "<SubscriptionArn>" + ARN + "My-Topic:UUID</SubscriptionArn>"),
                normalized(post("Action", "Subscribe", "TopicArn", ARN + "My-Topic", "Protocol", "sqs",
                        "Endpoint", "arn:aws:sqs:us-east-1:123456789012:my-queue")));
        assertEquals(response("ListSubscriptionsByTopic", "<Subscriptions><member><TopicArn>" + ARN + "My-Topic"
                        + "</TopicArn><Protocol>sqs</Protocol><SubscriptionArn>" + ARN + "My-Topic:UUID</SubscriptionArn>"
                        + "<Owner>123456789012</Owner><Endpoint>arn:aws:sqs:us-east-1:123456789012:my-queue</Endpoint>"
                        + "</member></Subscriptions>"),
                normalized(post("Action", "ListSubscriptionsByTopic", "TopicArn", ARN + "My-Topic")));
        assertEquals(response("GetTopicAttributes", "<Attributes><entry><key>TopicArn</key><value>" + ARN + "My-Topic"
                        + "</value></entry><entry><key>Owner</key><value>123456789012</value></entry><entry><key>"
                        + "DisplayName</key><value></value></entry><entry><key>SubscriptionsConfirmed</key><value>1</value>"
                        + "</entry><entry><key>SubscriptionsPending</key><value>0</value></entry><entry><key>"
                        + "SubscriptionsDeleted</key><value>0</value></entry></Attributes>"),
                normalized(post("Action", "GetTopicAttributes", "TopicArn", ARN + "My-Topic")));
        assertEquals(response("Publish", "<MessageId>UUID</MessageId>"), normalized(post("Action", "Publish",
                "TopicArn", ARN + "My-Topic", "Message", "Hello world!", "MessageAttributes.entry.1.Name", "kind",
                "MessageAttributes.entry.1.Value.DataType", "String", "MessageAttributes.entry.1.Value.StringValue", "x")));
        assertEquals(response("PublishBatch", "<Successful><member><Id>one</Id><MessageId>UUID</MessageId></member>"
                        + "</Successful><Failed></Failed>"),
                normalized(post("Action", "PublishBatch", "TopicArn", ARN + "My-Topic",
                        "PublishBatchRequestEntries.member.1.Id", "one",
                        "PublishBatchRequestEntries.member.1.Message", "Hello")));
        assertEquals(response("DeleteTopic", null), normalized(post("Action", "DeleteTopic", "TopicArn", ARN + "My-Topic")));
    }

    @Test
    void errorsAreErrorResponses() throws Exception {
        HttpResponse<String> missing = post("Action", "Publish", "TopicArn", ARN + "nowhere", "Message", "x");
        assertEquals(404, missing.statusCode());
        assertEquals("<?xml version=\"1.0\"?><ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>NotFound"
                + "</Code><Message>Topic does not exist</Message><Detail/></Error><RequestId>ID</RequestId>"
                + "</ErrorResponse>", normalized(missing));
        HttpResponse<String> unsupported = post("Action", "SetTopicAttributes", "TopicArn", ARN + "x");
        assertEquals(400, unsupported.statusCode());
        assertTrue(normalized(unsupported).contains("<Code>InvalidAction</Code><Message>SetTopicAttributes is not"
                + " supported by localfaas; see docs/aws-apis.md for the SNS actions it serves</Message>"),
                unsupported.body());
    }
}
