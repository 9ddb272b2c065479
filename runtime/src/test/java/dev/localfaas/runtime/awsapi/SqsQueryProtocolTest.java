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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQS's query protocol (form POSTs, XML answers) checked against the requests and responses of the SQS API
 * reference's query examples: the same element names, nesting, order and namespace, with only ids and timestamps
 * differing. Body MD5s are the reference's; attribute MD5s are known vectors of SQS's algorithm.
 */
class SqsQueryProtocolTest {
    private static final String NS = "http://queue.amazonaws.com/doc/2012-11-05/";
    /**
     * The MD5 of the three attributes below, as a published implementation of SQS's algorithm computes it
     * (npm aws-md5-of-message-attributes, whose vectors were taken from SQS answers).
     */
    private static final String ALL_THREE_MD5 = "c932db14a896c663f83c260297d594ff";
    private static final Pattern REQUEST_ID = Pattern.compile("<RequestId>[0-9a-f-]{36}</RequestId>");

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

    static HttpResponse<String> post(String path, String... pairs) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        form.put("Version", "2012-11-05");
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(gw.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer with its request id replaced, for comparing with the documented one. */
    static String normalized(HttpResponse<String> r) {
        assertTrue(REQUEST_ID.matcher(r.body()).find(), r.body());
        assertEquals("text/xml", r.headers().firstValue("content-type").orElseThrow());
        return REQUEST_ID.matcher(r.body()).replaceAll("<RequestId>ID</RequestId>");
    }

    static String group(String body, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(body);
        assertTrue(m.find(), element + " in " + body);
        return m.group(1);
    }

    @Test
    void createQueueAndGetQueueUrl() throws Exception {
        HttpResponse<String> created = post("/", "Action", "CreateQueue", "QueueName", "MyQueue",
                "Attribute.1.Name", "VisibilityTimeout", "Attribute.1.Value", "40");
        assertEquals(200, created.statusCode());
        String url = gw.url() + "/123456789012/MyQueue";
        assertEquals("<?xml version=\"1.0\"?><CreateQueueResponse xmlns=\"" + NS + "\"><CreateQueueResult><QueueUrl>"
                + url + "</QueueUrl></CreateQueueResult><ResponseMetadata><RequestId>ID</RequestId></ResponseMetadata>"
                + "</CreateQueueResponse>", normalized(created));
        assertEquals("<?xml version=\"1.0\"?><GetQueueUrlResponse xmlns=\"" + NS + "\"><GetQueueUrlResult><QueueUrl>"
                + url + "</QueueUrl></GetQueueUrlResult><ResponseMetadata><RequestId>ID</RequestId></ResponseMetadata>"
                + "</GetQueueUrlResponse>", normalized(post("/", "Action", "GetQueueUrl", "QueueName", "MyQueue")));
        assertEquals("<?xml version=\"1.0\"?><GetQueueAttributesResponse xmlns=\"" + NS + "\"><GetQueueAttributesResult>"
                + "<Attribute><Name>VisibilityTimeout</Name><Value>40</Value></Attribute></GetQueueAttributesResult>"
                + "<ResponseMetadata><RequestId>ID</RequestId></ResponseMetadata></GetQueueAttributesResponse>",
                normalized(post("/123456789012/MyQueue", "Action", "GetQueueAttributes", "AttributeName.1",
                        "VisibilityTimeout")), "a query client may post to the queue URL instead of naming it");
    }

    @Test
    void sendMessageWithAttributesHasTheDocumentedMd5s() throws Exception {
        post("/", "Action", "CreateQueue", "QueueName", "docs");
        String url = gw.url() + "/123456789012/docs";
        HttpResponse<String> sent = post("/", "Action", "SendMessage", "QueueUrl", url,
                "MessageBody", "This is a test message",
                "MessageAttribute.1.Name", "attribName1",
                "MessageAttribute.1.Value.StringValue", "attribValue 1",
                "MessageAttribute.1.Value.DataType", "String",
                "MessageAttribute.2.Name", "binaryAttribute",
                "MessageAttribute.2.Value.BinaryValue", "SGVsbG8gYmluYXJ5IHdvcmxkIQ==",
                "MessageAttribute.2.Value.DataType", "Binary",
                "MessageAttribute.3.Name", "customNumberTypeAttrib",
                "MessageAttribute.3.Value.StringValue", "4563442423554324324264524243.32543234",
                "MessageAttribute.3.Value.DataType", "Number.float");
        String id = group(sent.body(), "MessageId");
        assertEquals("<?xml version=\"1.0\"?><SendMessageResponse xmlns=\"" + NS + "\"><SendMessageResult>"
                + "<MD5OfMessageBody>fafb00f5732ab283681e124bf8747ed1</MD5OfMessageBody>"
                + "<MD5OfMessageAttributes>" + ALL_THREE_MD5 + "</MD5OfMessageAttributes>"
                + "<MessageId>" + id + "</MessageId></SendMessageResult>"
                + "<ResponseMetadata><RequestId>ID</RequestId></ResponseMetadata></SendMessageResponse>", normalized(sent));

        HttpResponse<String> got = post("/", "Action", "ReceiveMessage", "QueueUrl", url, "AttributeName.1", "All",
                "MessageAttributeName.1", "All");
        String body = normalized(got);
        String handle = group(body, "ReceiptHandle");
        String sentAt = Pattern.compile("<Name>SentTimestamp</Name><Value>(\\d+)</Value>").matcher(body).results()
                .findFirst().orElseThrow().group(1);
        String firstReceive = Pattern.compile("<Name>ApproximateFirstReceiveTimestamp</Name><Value>(\\d+)</Value>")
                .matcher(body).results().findFirst().orElseThrow().group(1);
        assertEquals("<?xml version=\"1.0\"?><ReceiveMessageResponse xmlns=\"" + NS + "\"><ReceiveMessageResult><Message>"
                + "<MessageId>" + id + "</MessageId><ReceiptHandle>" + handle + "</ReceiptHandle>"
                + "<MD5OfBody>fafb00f5732ab283681e124bf8747ed1</MD5OfBody><Body>This is a test message</Body>"
                + "<Attribute><Name>SenderId</Name><Value>AIDALOCALFAASSENDER00</Value></Attribute>"
                + "<Attribute><Name>SentTimestamp</Name><Value>" + sentAt + "</Value></Attribute>"
                + "<Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value></Attribute>"
                + "<Attribute><Name>ApproximateFirstReceiveTimestamp</Name><Value>" + firstReceive + "</Value></Attribute>"
                + "<MD5OfMessageAttributes>" + ALL_THREE_MD5 + "</MD5OfMessageAttributes>"
                + "<MessageAttribute><Name>attribName1</Name><Value><StringValue>attribValue 1"
                + "</StringValue><DataType>String</DataType></Value></MessageAttribute>"
                + "<MessageAttribute><Name>binaryAttribute</Name><Value><BinaryValue>SGVsbG8gYmluYXJ5IHdvcmxkIQ=="
                + "</BinaryValue><DataType>Binary</DataType></Value></MessageAttribute>"
                + "<MessageAttribute><Name>customNumberTypeAttrib</Name><Value><StringValue>"
                + "4563442423554324324264524243.32543234</StringValue><DataType>Number.float</DataType></Value>"
                + "</MessageAttribute>"
                + "</Message></ReceiveMessageResult><ResponseMetadata><RequestId>ID</RequestId></ResponseMetadata>"
                + "</ReceiveMessageResponse>", body);

        assertEquals("<?xml version=\"1.0\"?><DeleteMessageResponse xmlns=\"" + NS + "\"><ResponseMetadata>"
                + "<RequestId>ID</RequestId></ResponseMetadata></DeleteMessageResponse>",
                normalized(post("/", "Action", "DeleteMessage", "QueueUrl", url, "ReceiptHandle", handle)));
    }

    @Test
    void batchesAndListsAreFlattened() throws Exception {
        post("/", "Action", "CreateQueue", "QueueName", "flat-a");
        post("/", "Action", "CreateQueue", "QueueName", "flat-b");
        assertEquals("<?xml version=\"1.0\"?><ListQueuesResponse xmlns=\"" + NS + "\"><ListQueuesResult>"
                + "<QueueUrl>" + gw.url() + "/123456789012/flat-a</QueueUrl><QueueUrl>" + gw.url()
                + "/123456789012/flat-b</QueueUrl></ListQueuesResult><ResponseMetadata><RequestId>ID</RequestId>"
                + "</ResponseMetadata></ListQueuesResponse>",
                normalized(post("/", "Action", "ListQueues", "QueueNamePrefix", "flat-")));
        HttpResponse<String> batch = post("/", "Action", "SendMessageBatch", "QueueUrl", gw.url() + "/123456789012/flat-a",
                "SendMessageBatchRequestEntry.1.Id", "test_msg_001",
                "SendMessageBatchRequestEntry.1.MessageBody", "test message body 1",
                "SendMessageBatchRequestEntry.2.Id", "test_msg_002",
                "SendMessageBatchRequestEntry.2.MessageBody", "test message body 2",
                "SendMessageBatchRequestEntry.2.DelaySeconds", "60",
                "SendMessageBatchRequestEntry.2.MessageAttribute.1.Name", "attribName1",
                "SendMessageBatchRequestEntry.2.MessageAttribute.1.Value.StringValue", "attribValue 1",
                "SendMessageBatchRequestEntry.2.MessageAttribute.1.Value.DataType", "String",
                "SendMessageBatchRequestEntry.3.Id", "bad",
                "SendMessageBatchRequestEntry.3.MessageBody", "x",
                "SendMessageBatchRequestEntry.3.DelaySeconds", "901");
        String b = normalized(batch);
        Matcher ids = Pattern.compile("<MessageId>([^<]+)</MessageId>").matcher(b);
        assertTrue(ids.find());
        String first = ids.group(1);
        assertTrue(ids.find());
        String second = ids.group(1);
        assertEquals("<?xml version=\"1.0\"?><SendMessageBatchResponse xmlns=\"" + NS + "\"><SendMessageBatchResult>"
                + "<SendMessageBatchResultEntry><Id>test_msg_001</Id><MessageId>" + first + "</MessageId>"
                + "<MD5OfMessageBody>0e024d309850c78cba5eabbeff7cae71</MD5OfMessageBody></SendMessageBatchResultEntry>"
                + "<SendMessageBatchResultEntry><Id>test_msg_002</Id><MessageId>" + second + "</MessageId>"
                + "<MD5OfMessageBody>7fb8146a82f95e0af155278f406862c2</MD5OfMessageBody>"
                + "<MD5OfMessageAttributes>19e27d4e946b072f3f58da80d94fd778</MD5OfMessageAttributes>"
                + "</SendMessageBatchResultEntry>"
                + "<BatchResultErrorEntry><Id>bad</Id><SenderFault>true</SenderFault><Code>InvalidParameterValue</Code>"
                + "<Message>Value 901 for parameter DelaySeconds is invalid. Reason: Must be between 0 and 900, if"
                + " provided.</Message></BatchResultErrorEntry>"
                + "</SendMessageBatchResult><ResponseMetadata><RequestId>ID</RequestId></ResponseMetadata>"
                + "</SendMessageBatchResponse>", b);
    }

    @Test
    void errorsAreXmlErrorResponses() throws Exception {
        HttpResponse<String> missing = post("/", "Action", "GetQueueUrl", "QueueName", "nope");
        assertEquals(400, missing.statusCode());
        assertEquals("<?xml version=\"1.0\"?><ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type>"
                + "<Code>AWS.SimpleQueueService.NonExistentQueue</Code><Message>The specified queue does not exist."
                + "</Message><Detail/></Error><RequestId>ID</RequestId></ErrorResponse>", normalized(missing));
        HttpResponse<String> unknown = post("/", "Action", "FlyToTheMoon");
        assertEquals(400, unknown.statusCode());
        assertEquals("InvalidAction", group(unknown.body(), "Code"));
        HttpResponse<String> tooMany = post("/", "Action", "CreateQueue", "QueueName", "q",
                "Attribute.1.Name", "DelaySeconds", "Attribute.1.Value", "901");
        assertEquals("InvalidAttributeValue", group(tooMany.body(), "Code"));
        assertEquals(200, post("/", "Action", "CreateQueue", "QueueName", "q",
                "Attribute.1.Name", "DelaySeconds", "Attribute.1.Value", "5").statusCode());
        assertEquals("QueueAlreadyExists", group(post("/", "Action", "CreateQueue", "QueueName", "q",
                "Attribute.1.Name", "DelaySeconds", "Attribute.1.Value", "6").body(), "Code"));
        assertEquals("AWS.SimpleQueueService.UnsupportedOperation",
                group(post("/", "Action", "AddPermission", "QueueUrl", gw.url() + "/123456789012/q").body(), "Code"));
    }
}
