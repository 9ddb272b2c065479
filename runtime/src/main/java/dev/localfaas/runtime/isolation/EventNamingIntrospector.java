package dev.localfaas.runtime.isolation;

import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import java.util.Map;
import java.util.Set;

/**
 * Gives the {@code aws-lambda-java-events} classes the JSON names that the AWS runtime's mixins give them
 * (lambda-contract.md §2.4). Rules are keyed by class <em>name</em>, because the classes live in each function's own
 * loader; an introspector rather than Jackson mixins, because mixin methods only match parameter types by class
 * identity, which a runtime that never sees the function's classes cannot name.
 */
final class EventNamingIntrospector extends JacksonAnnotationIntrospector {

    private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";

    /** Class name → accessor suffix (after get/set/is) → JSON name. */
    private static final Map<String, Map<String, String>> RENAMES = Map.ofEntries(
            Map.entry(EVENTS + "SQSEvent", Map.of("Records", "Records")),
            Map.entry(EVENTS + "SQSEvent$SQSMessage", Map.of("EventSourceArn", "eventSourceARN")),
            Map.entry(EVENTS + "SNSEvent", Map.of("Records", "Records")),
            Map.entry(EVENTS + "SNSEvent$SNSRecord", Map.of("SNS", "Sns", "Sns", "Sns")),
            Map.entry(EVENTS + "ScheduledEvent", Map.of("DetailType", "detail-type")),
            Map.entry(EVENTS + "CloudWatchLogsEvent", Map.of("AwsLogs", "awslogs")),
            Map.entry(EVENTS + "KinesisEvent", Map.of("Records", "Records")),
            Map.entry(EVENTS + "KinesisTimeWindowEvent", Map.of("Records", "Records")),
            Map.entry(EVENTS + "DynamodbEvent", Map.of("Records", "Records")),
            Map.entry(EVENTS + "DynamodbTimeWindowEvent", Map.of("Records", "Records")),
            Map.entry(EVENTS + "DynamodbEvent$DynamodbStreamRecord", Map.of("EventSourceARN", "eventSourceARN")),
            Map.entry(EVENTS + "models.dynamodb.Record", Map.of("EventName", "eventName")),
            Map.entry(EVENTS + "CodeCommitEvent", Map.of("Records", "Records")),
            Map.entry(EVENTS + "CodeCommitEvent$Record", Map.of("CodeCommit", "codecommit",
                    "EventSourceArn", "eventSourceARN", "UserIdentityArn", "userIdentityARN")),
            Map.entry(EVENTS + "S3Event", Map.of("Records", "Records")),
            Map.entry(EVENTS + "models.s3.S3EventNotification", Map.of("Records", "Records")));

    /** Classes whose JSON names are their accessors' suffixes verbatim ({@code getKeys} → {@code Keys}, {@code isNULL} → {@code NULL}). */
    private static final Set<String> VERBATIM = Set.of(
            EVENTS + "models.dynamodb.StreamRecord",
            EVENTS + "models.dynamodb.AttributeValue",
            EVENTS + "CloudFormationCustomResourceEvent");

    /** Classes the AWS runtime reads and writes in UpperCamelCase ({@code EventSource}, {@code TopicArn}, ...). */
    private static final Set<String> UPPER_CAMEL = Set.of(
            EVENTS + "SNSEvent", EVENTS + "SNSEvent$SNSRecord", EVENTS + "SNSEvent$SNS",
            EVENTS + "SNSEvent$MessageAttribute", EVENTS + "ConnectEvent$Queue");

    @Override
    public PropertyName findNameForSerialization(Annotated a) {
        String name = eventName(a);
        return name != null ? PropertyName.construct(name) : super.findNameForSerialization(a);
    }

    @Override
    public PropertyName findNameForDeserialization(Annotated a) {
        String name = eventName(a);
        return name != null ? PropertyName.construct(name) : super.findNameForDeserialization(a);
    }

    @Override
    public Object findNamingStrategy(AnnotatedClass ac) {
        return UPPER_CAMEL.contains(ac.getRawType().getName())
                ? PropertyNamingStrategies.UPPER_CAMEL_CASE
                : super.findNamingStrategy(ac);
    }

    /** Kinesis records overload {@code setEncryptionType} with String and enum; AWS binds the String one. */
    @Override
    public boolean hasIgnoreMarker(AnnotatedMember m) {
        if (m instanceof AnnotatedMethod method && method.getName().equals("setEncryptionType")
                && method.getParameterCount() == 1 && method.getRawParameterType(0) != String.class
                && method.getDeclaringClass().getName().startsWith(EVENTS)) {
            return true;
        }
        return super.hasIgnoreMarker(m);
    }

    private static String eventName(Annotated a) {
        if (!(a instanceof AnnotatedMethod method)) {
            return null;
        }
        String owner = method.getDeclaringClass().getName();
        if (!owner.startsWith(EVENTS)) {
            return null;
        }
        String suffix = accessorSuffix(method);
        if (suffix == null) {
            return null;
        }
        if (VERBATIM.contains(owner)) {
            return suffix;
        }
        Map<String, String> renames = RENAMES.get(owner);
        return renames == null ? null : renames.get(suffix);
    }

    private static String accessorSuffix(AnnotatedMethod method) {
        String n = method.getName();
        int params = method.getParameterCount();
        if (params == 0 && n.startsWith("get") && n.length() > 3) {
            return n.substring(3);
        }
        if (params == 0 && n.startsWith("is") && n.length() > 2) {
            return n.substring(2);
        }
        if (params == 1 && n.startsWith("set") && n.length() > 3) {
            return n.substring(3);
        }
        return null;
    }
}
