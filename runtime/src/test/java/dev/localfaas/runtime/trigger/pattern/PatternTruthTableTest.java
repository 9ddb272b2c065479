package dev.localfaas.runtime.trigger.pattern;

import static dev.localfaas.runtime.trigger.pattern.PatternGrammar.EVENTBRIDGE;
import static dev.localfaas.runtime.trigger.pattern.PatternGrammar.SNS_MESSAGE_ATTRIBUTES;
import static dev.localfaas.runtime.trigger.pattern.PatternGrammar.SNS_MESSAGE_BODY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.trigger.topic.FilterDocument;
import dev.localfaas.runtime.trigger.topic.TopicAttribute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one matcher against the examples of AWS's documentation, case by case. Each case names its page:
 * <ul>
 *   <li>SNS-STR  https://docs.aws.amazon.com/sns/latest/dg/string-value-matching.html</li>
 *   <li>SNS-NUM  https://docs.aws.amazon.com/sns/latest/dg/numeric-value-matching.html</li>
 *   <li>SNS-KEY  https://docs.aws.amazon.com/sns/latest/dg/attribute-key-matching.html</li>
 *   <li>SNS-LOG  https://docs.aws.amazon.com/sns/latest/dg/and-or-logic.html</li>
 *   <li>SNS-EX   https://docs.aws.amazon.com/sns/latest/dg/example-filter-policies.html</li>
 *   <li>SNS-LIM  https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html</li>
 *   <li>EB-CF    https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-content-based-filtering.html
 *                (and eb-create-pattern-operators.html, the operator summary)</li>
 *   <li>EB-NULL  https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-null-values.html</li>
 *   <li>EB-PAT   https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html</li>
 * </ul>
 * SNS attribute cases are written as the message attributes a subscriber sees ({@code {"Type": ..., "Value": ...}})
 * and turned into the matched document the way topics do ({@link FilterDocument#attributes}).
 */
class PatternTruthTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String EC2_EVENT = """
            {"version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
             "detail-type": "EC2 Instance State-change Notification", "source": "aws.ec2", "account": "111122223333",
             "time": "2017-12-22T18:43:48Z", "region": "us-west-1",
             "resources": ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
             "detail": {"instance-id": "i-1234567890abcdef0", "state": "terminated"}}""";

    private static final String EXAMPLE_ATTRIBUTES = """
            {"customer_interests": {"Type": "String.Array", "Value": "[\\"soccer\\", \\"rugby\\", \\"hockey\\"]"},
             "store": {"Type": "String", "Value": "example_corp"},
             "event": {"Type": "String", "Value": "order_placed"},
             "price_usd": {"Type": "Number", "Value": "210.75"}}""";

    static Stream<Arguments> cases() {
        return Stream.of(
                // SNS-STR exact
                attr("SNS-STR exact 1", "{\"customer_interests\": [\"rugby\", \"tennis\"]}", s("customer_interests", "rugby"), true),
                attr("SNS-STR exact 2", "{\"customer_interests\": [\"rugby\", \"tennis\"]}", s("customer_interests", "tennis"), true),
                attr("SNS-STR exact array", "{\"customer_interests\": [\"rugby\", \"tennis\"]}",
                        a("customer_interests", "String.Array", "[\"rugby\", \"tennis\"]"), true),
                attr("SNS-STR exact no", "{\"customer_interests\": [\"rugby\", \"tennis\"]}", s("customer_interests", "baseball"), false),
                attr("SNS-STR exact array no", "{\"customer_interests\": [\"rugby\", \"tennis\"]}",
                        a("customer_interests", "String.Array", "[\"baseball\"]"), false),
                body("SNS-STR exact body", "{\"customer_interests\": [\"rugby\", \"tennis\"]}", "{\"customer_interests\": \"rugby\"}", true),
                body("SNS-STR exact body no", "{\"customer_interests\": [\"rugby\", \"tennis\"]}", "{\"customer_interests\": \"baseball\"}", false),
                // SNS-STR prefix, suffix, equals-ignore-case
                attr("SNS-STR prefix 1", "{\"customer_interests\": [{\"prefix\": \"bas\"}]}", s("customer_interests", "baseball"), true),
                attr("SNS-STR prefix 2", "{\"customer_interests\": [{\"prefix\": \"bas\"}]}", s("customer_interests", "basketball"), true),
                attr("SNS-STR prefix no", "{\"customer_interests\": [{\"prefix\": \"bas\"}]}", s("customer_interests", "rugby"), false),
                attr("SNS-STR suffix", "{\"customer_interests\": [{\"suffix\": \"ball\"}]}", s("customer_interests", "baseball"), true),
                attr("SNS-STR suffix no", "{\"customer_interests\": [{\"suffix\": \"ball\"}]}", s("customer_interests", "rugby"), false),
                attr("SNS-STR equals-ignore-case", "{\"customer_interests\": [{\"equals-ignore-case\": \"tennis\"}]}",
                        s("customer_interests", "TENNIS"), true),
                attr("SNS-STR equals-ignore-case no", "{\"customer_interests\": [{\"equals-ignore-case\": \"tennis\"}]}",
                        s("customer_interests", "swimming"), false),
                // SNS-STR anything-but
                attr("SNS-STR anything-but 1", "{\"customer_interests\": [{\"anything-but\": [\"rugby\", \"tennis\"]}]}",
                        s("customer_interests", "baseball"), true),
                attr("SNS-STR anything-but 2", "{\"customer_interests\": [{\"anything-but\": [\"rugby\", \"tennis\"]}]}",
                        s("customer_interests", "football"), true),
                attr("SNS-STR anything-but array", "{\"customer_interests\": [{\"anything-but\": [\"rugby\", \"tennis\"]}]}",
                        a("customer_interests", "String.Array", "[\"rugby\", \"baseball\"]"), true),
                attr("SNS-STR anything-but no", "{\"customer_interests\": [{\"anything-but\": [\"rugby\", \"tennis\"]}]}",
                        s("customer_interests", "rugby"), false),
                attr("SNS-STR anything-but prefix 1", "{\"event\": [{\"anything-but\": {\"prefix\": \"order-\"}}]}",
                        s("event", "data-entry"), true),
                attr("SNS-STR anything-but prefix 2", "{\"event\": [{\"anything-but\": {\"prefix\": \"order-\"}}]}",
                        s("event", "order_number"), true),
                attr("SNS-STR anything-but prefix no", "{\"event\": [{\"anything-but\": {\"prefix\": \"order-\"}}]}",
                        s("event", "order-cancelled"), false),
                // SNS-STR IP address
                attr("SNS-STR cidr 1", "{\"source_ip\": [{\"cidr\": \"10.0.0.0/24\"}]}", s("source_ip", "10.0.0.0"), true),
                attr("SNS-STR cidr 2", "{\"source_ip\": [{\"cidr\": \"10.0.0.0/24\"}]}", s("source_ip", "10.0.0.255"), true),
                attr("SNS-STR cidr no", "{\"source_ip\": [{\"cidr\": \"10.0.0.0/24\"}]}", s("source_ip", "10.1.1.0"), false),
                // SNS-NUM
                attr("SNS-NUM = 1", "{\"price_usd\": [{\"numeric\": [\"=\", 301.5]}]}", n("price_usd", "301.5"), true),
                attr("SNS-NUM = 2", "{\"price_usd\": [{\"numeric\": [\"=\", 301.5]}]}", n("price_usd", "3.015e2"), true),
                body("SNS-NUM = body", "{\"price_usd\": [{\"numeric\": [\"=\", 301.5]}]}", "{\"price_usd\": 3.015e2}", true),
                attr("SNS-NUM anything-but 1", "{\"price\": [{\"anything-but\": [100, 500]}]}", n("price", "101"), true),
                attr("SNS-NUM anything-but 2", "{\"price\": [{\"anything-but\": [100, 500]}]}", n("price", "100.1"), true),
                // the page types it "Number.Array"; the SNS API's array type is String.Array, which carries numbers too
                attr("SNS-NUM anything-but array", "{\"price\": [{\"anything-but\": [100, 500]}]}",
                        a("price", "String.Array", "[100, 50]"), true),
                body("SNS-NUM anything-but body array", "{\"price\": [{\"anything-but\": [100, 500]}]}", "{\"price\": [100, 50]}", true),
                attr("SNS-NUM anything-but no", "{\"price\": [{\"anything-but\": [100, 500]}]}", n("price", "100"), false),
                body("SNS-NUM anything-but body no", "{\"price\": [{\"anything-but\": [100, 500]}]}", "{\"price\": 100}", false),
                attr("SNS-NUM range negative", "{\"price_usd\": [{\"numeric\": [\"<\", 0]}]}", n("price_usd", "-5"), true),
                attr("SNS-NUM range negative no", "{\"price_usd\": [{\"numeric\": [\"<\", 0]}]}", n("price_usd", "5"), false),
                attr("SNS-NUM range up to 150", "{\"price_usd\": [{\"numeric\": [\">\", 0, \"<=\", 150]}]}", n("price_usd", "150"), true),
                attr("SNS-NUM range 0 excluded", "{\"price_usd\": [{\"numeric\": [\">\", 0, \"<=\", 150]}]}", n("price_usd", "0"), false),
                attr("SNS-NUM range over", "{\"price_usd\": [{\"numeric\": [\">\", 0, \"<=\", 150]}]}", n("price_usd", "150.5"), false),
                attr("SNS-NUM string is no number", "{\"price_usd\": [{\"numeric\": [\">\", 0]}]}", s("price_usd", "20"), false),
                // SNS-KEY
                attr("SNS-KEY exists", "{\"store\": [{\"exists\": true}]}", s("store", "fans"), true),
                attr("SNS-KEY exists no", "{\"store\": [{\"exists\": true}]}",
                        a("customer_interests", "String.Array", "[\"baseball\", \"basketball\"]"), false),
                body("SNS-KEY exists body", "{\"store\": [{\"exists\": true}]}",
                        "{\"store\": \"fans\", \"customer_interests\": [\"baseball\", \"basketball\"]}", true),
                body("SNS-KEY exists body no", "{\"store\": [{\"exists\": true}]}",
                        "{\"customer_interests\": [\"baseball\", \"basketball\"]}", false),
                attr("SNS-KEY not exists", "{\"store\": [{\"exists\": false}]}", s("store", "fans"), false),
                attr("SNS-KEY not exists absent", "{\"store\": [{\"exists\": false}]}",
                        a("customer_interests", "String.Array", "[\"baseball\", \"basketball\"]"), true),
                body("SNS-KEY not exists body", "{\"store\": [{\"exists\": false}]}",
                        "{\"customer_interests\": [\"baseball\", \"basketball\"]}", true),
                // SNS-LOG
                attr("SNS-LOG and", "{\"customer_interests\": [\"rugby\"], \"price_usd\": [{\"numeric\": [\">\", 100]}]}",
                        attrs(s("customer_interests", "rugby"), n("price_usd", "150")), true),
                attr("SNS-LOG and no", "{\"customer_interests\": [\"rugby\"], \"price_usd\": [{\"numeric\": [\">\", 100]}]}",
                        attrs(s("customer_interests", "rugby"), n("price_usd", "50")), false),
                attr("SNS-LOG or values", "{\"customer_interests\": [\"rugby\", \"football\", \"baseball\"]}",
                        s("customer_interests", "football"), true),
                attr("SNS-LOG $or", "{\"source\": [\"aws.cloudwatch\"], \"$or\": [{\"metricName\": [\"CPUUtilization\"]},"
                        + " {\"namespace\": [\"AWS/EC2\"]}]}",
                        attrs(s("source", "aws.cloudwatch"), s("metricName", "ReadLatency"), s("namespace", "AWS/EC2")), true),
                attr("SNS-LOG $or no", "{\"source\": [\"aws.cloudwatch\"], \"$or\": [{\"metricName\": [\"CPUUtilization\"]},"
                        + " {\"namespace\": [\"AWS/EC2\"]}]}",
                        attrs(s("source", "aws.cloudwatch"), s("metricName", "ReadLatency"), s("namespace", "AWS/RDS")), false),
                // SNS-EX
                attr("SNS-EX accepts", "{\"store\": [\"example_corp\"], \"event\": [{\"anything-but\": \"order_cancelled\"}],"
                        + " \"customer_interests\": [\"rugby\", \"football\", \"baseball\"], \"price_usd\": [{\"numeric\": [\">=\", 100]}]}",
                        EXAMPLE_ATTRIBUTES, true),
                attr("SNS-EX rejects", "{\"store\": [\"example_corp\"], \"event\": [\"order_cancelled\"], \"encrypted\": [false],"
                        + " \"customer_interests\": [\"basketball\", \"baseball\"]}", EXAMPLE_ATTRIBUTES, false),
                body("SNS body nested", "{\"order\": {\"amount\": [{\"numeric\": [\">\", 100]}]}}",
                        "{\"order\": {\"item\": \"coffee\", \"amount\": 150}}", true),
                body("SNS body nested no", "{\"order\": {\"amount\": [{\"numeric\": [\">\", 100]}]}}",
                        "{\"order\": {\"item\": \"coffee\", \"amount\": 15}}", false),
                // EB-PAT
                eb("EB-PAT ec2 terminated", "{\"source\": [\"aws.ec2\"], \"detail-type\": [\"EC2 Instance State-change Notification\"],"
                        + " \"detail\": {\"state\": [\"terminated\"]}}", EC2_EVENT, true),
                eb("EB-PAT ec2 running", "{\"source\": [\"aws.ec2\"], \"detail\": {\"state\": [\"running\"]}}", EC2_EVENT, false),
                eb("EB-PAT resources array", "{\"resources\": [\"arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0\"]}",
                        EC2_EVENT, true),
                // EB-CF prefix, suffix, ignore case
                eb("EB-CF prefix", "{\"time\": [{\"prefix\": \"2017-10-02\"}]}", "{\"time\": \"2017-10-02T18:43:48Z\"}", true),
                eb("EB-CF prefix no", "{\"time\": [{\"prefix\": \"2017-10-02\"}]}", "{\"time\": \"2017-10-03T18:43:48Z\"}", false),
                eb("EB-CF prefix ignore case", "{\"detail\": {\"service\": [{\"prefix\": {\"equals-ignore-case\": \"EventB\"}}]}}",
                        "{\"detail\": {\"service\": \"EVENTBRIDGE\"}}", true),
                eb("EB-CF prefix ignore case no", "{\"detail\": {\"service\": [{\"prefix\": {\"equals-ignore-case\": \"EventB\"}}]}}",
                        "{\"detail\": {\"service\": \"sns\"}}", false),
                eb("EB-CF suffix", "{\"FileName\": [{\"suffix\": \".png\"}]}", "{\"FileName\": \"cat.png\"}", true),
                eb("EB-CF suffix no", "{\"FileName\": [{\"suffix\": \".png\"}]}", "{\"FileName\": \"cat.PNG\"}", false),
                eb("EB-CF suffix ignore case", "{\"detail\": {\"FileName\": [{\"suffix\": {\"equals-ignore-case\": \".png\"}}]}}",
                        "{\"detail\": {\"FileName\": \"cat.PNG\"}}", true),
                // EB-CF anything-but
                eb("EB-CF anything-but string", "{\"detail\": {\"state\": [{\"anything-but\": \"initializing\"}]}}",
                        "{\"detail\": {\"state\": \"running\"}}", true),
                eb("EB-CF anything-but string no", "{\"detail\": {\"state\": [{\"anything-but\": \"initializing\"}]}}",
                        "{\"detail\": {\"state\": \"initializing\"}}", false),
                eb("EB-CF anything-but number", "{\"detail\": {\"x-limit\": [{\"anything-but\": 123}]}}",
                        "{\"detail\": {\"x-limit\": 124}}", true),
                eb("EB-CF anything-but number no", "{\"detail\": {\"x-limit\": [{\"anything-but\": 123}]}}",
                        "{\"detail\": {\"x-limit\": 123}}", false),
                eb("EB-CF anything-but strings", "{\"detail\": {\"state\": [{\"anything-but\": [\"stopped\", \"overloaded\"]}]}}",
                        "{\"detail\": {\"state\": \"overloaded\"}}", false),
                eb("EB-CF anything-but numbers", "{\"detail\": {\"x-limit\": [{\"anything-but\": [100, 200, 300]}]}}",
                        "{\"detail\": {\"x-limit\": 150}}", true),
                eb("EB-CF anything-but prefix", "{\"detail\": {\"state\": [{\"anything-but\": {\"prefix\": \"init\"}}]}}",
                        "{\"detail\": {\"state\": \"initializing\"}}", false),
                eb("EB-CF anything-but suffix", "{\"detail\": {\"FileName\": [{\"anything-but\": {\"suffix\": \".txt\"}}]}}",
                        "{\"detail\": {\"FileName\": \"notes.png\"}}", true),
                eb("EB-CF anything-but suffix no", "{\"detail\": {\"FileName\": [{\"anything-but\": {\"suffix\": \".txt\"}}]}}",
                        "{\"detail\": {\"FileName\": \"notes.txt\"}}", false),
                eb("EB-CF anything-but ignore case", "{\"detail\": {\"state\": [{\"anything-but\": {\"equals-ignore-case\":"
                        + " [\"Stopped\", \"OverLoaded\"]}}]}}", "{\"detail\": {\"state\": \"STOPPED\"}}", false),
                eb("EB-CF anything-but wildcard", "{\"detail\": {\"FilePath\": [{\"anything-but\": {\"wildcard\": \"*/lib/*\"}}]}}",
                        "{\"detail\": {\"FilePath\": \"/usr/bin/java\"}}", true),
                eb("EB-CF anything-but wildcard no", "{\"detail\": {\"FilePath\": [{\"anything-but\": {\"wildcard\": \"*/lib/*\"}}]}}",
                        "{\"detail\": {\"FilePath\": \"/usr/lib/jvm\"}}", false),
                // EB-CF numeric, cidr, exists, equals-ignore-case, wildcard, $or
                eb("EB-CF numeric all", "{\"detail\": {\"c-count\": [{\"numeric\": [\">\", 0, \"<=\", 5]}],"
                        + " \"d-count\": [{\"numeric\": [\"<\", 10]}], \"x-limit\": [{\"numeric\": [\"=\", 3.018e2]}]}}",
                        "{\"detail\": {\"c-count\": 5, \"d-count\": 9.9, \"x-limit\": 301.8}}", true),
                eb("EB-CF numeric one fails", "{\"detail\": {\"c-count\": [{\"numeric\": [\">\", 0, \"<=\", 5]}],"
                        + " \"d-count\": [{\"numeric\": [\"<\", 10]}], \"x-limit\": [{\"numeric\": [\"=\", 3.018e2]}]}}",
                        "{\"detail\": {\"c-count\": 6, \"d-count\": 9.9, \"x-limit\": 301.8}}", false),
                eb("EB-CF cidr", "{\"detail\": {\"sourceIPAddress\": [{\"cidr\": \"10.0.0.0/24\"}]}}",
                        "{\"detail\": {\"sourceIPAddress\": \"10.0.0.24\"}}", true),
                eb("EB-CF cidr no", "{\"detail\": {\"sourceIPAddress\": [{\"cidr\": \"10.0.0.0/24\"}]}}",
                        "{\"detail\": {\"sourceIPAddress\": \"10.0.1.24\"}}", false),
                eb("EB-CF cidr ipv6", "{\"detail\": {\"sourceIPAddress\": [{\"cidr\": \"2001:db8::/32\"}]}}",
                        "{\"detail\": {\"sourceIPAddress\": \"2001:db8:0:0:1::1\"}}", true),
                eb("EB-CF not exists", "{\"detail\": {\"c-count\": [{\"exists\": false}]}}",
                        "{\"detail\": {\"state\": [\"initializing\", \"running\"]}}", true),
                eb("EB-CF not exists, not a leaf", "{\"detail\": {\"c-count\": [{\"exists\": false}]}}",
                        "{\"detail\": {\"state\": [\"initializing\", \"running\"], \"c-count\": {\"c1\": 100}}}", true),
                eb("EB-CF not exists no", "{\"detail\": {\"c-count\": [{\"exists\": false}]}}",
                        "{\"detail\": {\"c-count\": 5}}", false),
                eb("EB-CF exists", "{\"detail\": {\"state\": [{\"exists\": true}]}}", EC2_EVENT, true),
                eb("EB-CF equals-ignore-case", "{\"detail-type\": [{\"equals-ignore-case\": \"ec2 instance state-change notification\"}]}",
                        EC2_EVENT, true),
                eb("EB-CF wildcard", "{\"EventBusArn\": [{\"wildcard\": \"arn:aws:events:us-east-1:*:event-bus/*\"}]}",
                        "{\"EventBusArn\": \"arn:aws:events:us-east-1:123456789012:event-bus/orders\"}", true),
                eb("EB-CF wildcard no", "{\"EventBusArn\": [{\"wildcard\": \"arn:aws:events:us-east-1:*:event-bus/*\"}]}",
                        "{\"EventBusArn\": \"arn:aws:events:us-west-2:123456789012:event-bus/orders\"}", false),
                eb("EB-CF wildcard folder", "{\"FileName\": [{\"wildcard\": \"dir/*.png\"}]}", "{\"FileName\": \"dir/cat.png\"}", true),
                eb("EB-CF $or", "{\"detail\": {\"$or\": [{\"c-count\": [{\"numeric\": [\">\", 0, \"<=\", 5]}]},"
                        + " {\"d-count\": [{\"numeric\": [\"<\", 10]}]}, {\"x-limit\": [{\"numeric\": [\"=\", 3.018e2]}]}]}}",
                        "{\"detail\": {\"c-count\": 8, \"d-count\": 3}}", true),
                eb("EB-CF $or no", "{\"detail\": {\"$or\": [{\"c-count\": [{\"numeric\": [\">\", 0, \"<=\", 5]}]},"
                        + " {\"d-count\": [{\"numeric\": [\"<\", 10]}]}, {\"x-limit\": [{\"numeric\": [\"=\", 3.018e2]}]}]}}",
                        "{\"detail\": {\"c-count\": 8, \"d-count\": 12}}", false),
                eb("EB-CF complex", "{\"time\": [{\"prefix\": \"2017-10-02\"}], \"detail\": {\"state\": [{\"anything-but\": \"initializing\"}],"
                        + " \"c-count\": [{\"numeric\": [\">\", 0, \"<=\", 5]}], \"d-count\": [{\"numeric\": [\"<\", 10]}],"
                        + " \"x-limit\": [{\"anything-but\": [100, 200, 300]}]}}",
                        "{\"time\": \"2017-10-02T18:43:48Z\", \"detail\": {\"state\": \"running\", \"c-count\": 2, \"d-count\": 1,"
                        + " \"x-limit\": 150}}", true),
                // EB-NULL
                eb("EB-NULL empty string", "{\"detail\": {\"eventVersion\": [\"\"]}}",
                        "{\"detail\": {\"eventVersion\": \"\", \"responseElements\": null}}", true),
                eb("EB-NULL null", "{\"detail\": {\"responseElements\": [null]}}",
                        "{\"detail\": {\"eventVersion\": \"\", \"responseElements\": null}}", true),
                eb("EB-NULL not interchangeable", "{\"detail\": {\"eventVersion\": [null]}}",
                        "{\"detail\": {\"eventVersion\": \"\", \"responseElements\": null}}", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesAsTheDocumentationSays(String name, PatternGrammar grammar, String pattern, JsonNode document,
                                       boolean expected) {
        assertEquals(expected, EventPattern.compile(pattern, grammar).matches(document), name + ": " + pattern
                + " against " + document);
    }

    @org.junit.jupiter.api.Test
    void theTableHasAtLeastFortyCases() {
        assertTrue(cases().count() >= 40);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(EVENTBRIDGE, "{\"detail\": {\"state\": \"running\"}}",
                        "event pattern key \"detail.state\" must be an array of values, like \"state\": [\"running\"]"),
                Arguments.of(EVENTBRIDGE, "{}", "event pattern is empty; match at least one field, like {\"source\": [\"orders\"]}"),
                Arguments.of(EVENTBRIDGE, "{\"a\": [{\"wildcard\": \"x**\"}]}",
                        "event pattern key \"a\" wildcard \"x**\" has consecutive * characters, which EventBridge refuses; use a single *"),
                Arguments.of(EVENTBRIDGE, "{\"a\": [{\"numeric\": [\">\", 0, \">\", 5]}]}",
                        "event pattern key \"a\" numeric has two bounds on the same side; give at most one lower and one upper, like [\">\", 0, \"<=\", 150]"),
                Arguments.of(EVENTBRIDGE, "{\"a\": [{\"contains\": \"x\"}]}",
                        "event pattern key \"a\" uses unknown operator \"contains\"; use one of prefix, suffix, anything-but, numeric, exists, equals-ignore-case, cidr, wildcard"),
                Arguments.of(SNS_MESSAGE_ATTRIBUTES, "{\"a\": [{\"wildcard\": \"x*\"}]}",
                        "filter policy key \"a\" wildcard is an EventBridge operator that SNS filter policies do not support; use prefix, suffix, anything-but (value, list or prefix), numeric, exists, equals-ignore-case or cidr"),
                Arguments.of(SNS_MESSAGE_ATTRIBUTES, "{\"a\": [{\"anything-but\": {\"suffix\": \"x\"}}]}",
                        "filter policy key \"a\" anything-but with suffix is an EventBridge operator that SNS filter policies do not support; use prefix, suffix, anything-but (value, list or prefix), numeric, exists, equals-ignore-case or cidr"),
                Arguments.of(SNS_MESSAGE_ATTRIBUTES, "{\"order\": {\"amount\": [1]}}",
                        "filter policy key \"order\" is a nested object, which attribute filtering cannot match (message attributes are flat); list its values as \"order\": [...], or set the FilterPolicyScope to MessageBody"),
                // SNS-LIM: at most 5 keys and 150 combinations
                Arguments.of(SNS_MESSAGE_BODY, "{\"a\": [1], \"b\": [1], \"c\": [1], \"d\": [1], \"e\": [1], \"f\": [1]}",
                        "filter policy has 6 keys; SNS allows at most 5"),
                Arguments.of(SNS_MESSAGE_ATTRIBUTES, "{\"a\": [1,2,3,4,5,6,7,8,9,10,11,12,13], \"b\": [1,2,3,4,5,6,7,8,9,10,11,12]}",
                        "filter policy allows 156 value combinations; SNS allows at most 150 (the product of the array sizes)"),
                Arguments.of(SNS_MESSAGE_ATTRIBUTES, "{\"price\": [{\"numeric\": [\">\", 1.123456]}]}",
                        "filter policy key \"price\" 1.123456 has more than 5 decimal places, the precision of SNS; round it"),
                Arguments.of(SNS_MESSAGE_ATTRIBUTES, "{\"price\": [{\"numeric\": [\"<\", 2e9]}]}",
                        "filter policy key \"price\" 2.0E9 is out of range; numbers must lie between -1e9 and 1e9"),
                Arguments.of(SNS_MESSAGE_ATTRIBUTES, "{\"price\": ", "filter policy is not valid JSON (Unexpected end-of-input within/between Object entries)"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesWhatAwsRefusesWithOneLine(PatternGrammar grammar, String pattern, String message) {
        PatternException e = assertThrows(PatternException.class, () -> EventPattern.compile(pattern, grammar));
        assertEquals(message, e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    // ---- building cases

    private static Arguments attr(String name, String policy, String attributes, boolean expected) {
        try {
            Map<String, TopicAttribute> parsed = new LinkedHashMap<>();
            JSON.readTree(attributes).fields().forEachRemaining(f -> parsed.put(f.getKey(),
                    new TopicAttribute(f.getValue().get("Type").asText(), f.getValue().get("Value").asText())));
            return Arguments.of(name, SNS_MESSAGE_ATTRIBUTES, policy, FilterDocument.attributes(parsed), expected);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    private static Arguments body(String name, String policy, String body, boolean expected) {
        return Arguments.of(name, SNS_MESSAGE_BODY, policy, FilterDocument.body(body).orElseThrow(), expected);
    }

    private static Arguments eb(String name, String pattern, String event, boolean expected) {
        try {
            return Arguments.of(name, EVENTBRIDGE, pattern, JSON.readTree(event), expected);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    private static String s(String name, String value) {
        return a(name, "String", value);
    }

    private static String n(String name, String value) {
        return a(name, "Number", value);
    }

    private static String a(String name, String type, String value) {
        try {
            return "{" + JSON.writeValueAsString(name) + ": {\"Type\": \"" + type + "\", \"Value\": "
                    + JSON.writeValueAsString(value) + "}}";
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String attrs(String... singles) {
        return "{" + String.join(", ", List.of(singles).stream().map(x -> x.substring(1, x.length() - 1)).toList()) + "}";
    }
}
