package example;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Where {@link OrdersRest} announces the orders it accepts: the SNS topic {@code order-events}, whose subscribers
 * each get their own copy (the {@code orders} queue of orders-worker, the orders-audit function), published with the
 * AWS SDK for Java v2 exactly as on AWS. No localfaas-specific code.
 *
 * <p>The client is built with the SDK's defaults, which read the region, the credentials and (when set) the endpoint
 * from the environment: on AWS Lambda that is SNS in the function's region; under {@code faas run} the gateway sets
 * {@code AWS_ENDPOINT_URL}, so the same JAR publishes to the emulator's topic. The topic's ARN comes from
 * {@code ORDER_EVENTS_TOPIC_ARN} (the template sets it with {@code !Ref OrderEvents}); without it the function asks
 * {@code CreateTopic}, which answers an existing topic's ARN (on AWS the role then needs {@code sns:CreateTopic}
 * besides {@code sns:Publish}).
 *
 * <p>The SDK loads most of its classes on its first call, about a second on a quiet machine: that is the first
 * order's, so {@link OrdersRest} has a 10 s timeout rather than the default 3 s.
 */
final class OrderEvents {
    static final String TOPIC_ARN_VARIABLE = "ORDER_EVENTS_TOPIC_ARN";

    private final String topic;
    private final SnsClient sns;         // null when the environment gives the SDK no region
    private volatile String topicArn;    // from the environment, else looked up on the first publish

    private OrderEvents(String topic, SnsClient sns) {
        this.topic = topic;
        this.sns = sns;
        this.topicArn = System.getenv(TOPIC_ARN_VARIABLE);
    }

    /**
     * The topic named {@code topic}, reached with an SNS client built from the environment. The region and the
     * credentials are read from Lambda's variables directly rather than through the SDK's default chains (which
     * also look for profile files and instance metadata): the cold-start advice of the Lambda developer guide.
     */
    static OrderEvents fromEnvironment(String topic) {
        String region = System.getenv("AWS_REGION");
        if (region == null) {
            return new OrderEvents(topic, null);
        }
        return new OrderEvents(topic, SnsClient.builder().region(Region.of(region))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }

    String name() {
        return topic;
    }

    /** Why nothing can be published, when nothing can be: empty when the SNS client is configured. */
    Optional<String> unavailableReason() {
        return sns != null ? Optional.empty() : Optional.of("AWS_REGION is not set, so there is no SNS client to"
                + " publish with; Lambda and faas run both set it");
    }

    private String arn() {
        if (topicArn == null || topicArn.isBlank()) {
            topicArn = sns.createTopic(r -> r.name(topic)).topicArn();
        }
        return topicArn;
    }

    /**
     * Publishes one {@code OrderPlaced} message with SNS Publish and answers its id.
     *
     * @throws IOException when SNS cannot be reached or refuses the message (the SDK's reason in the message)
     * @throws IllegalStateException when {@link #unavailableReason()} is present
     */
    String publish(String body) throws IOException {
        if (sns == null) {
            throw new IllegalStateException(unavailableReason().orElseThrow());
        }
        try {
            return sns.publish(r -> r.topicArn(arn()).message(body).messageAttributes(Map.of("eventType",
                    MessageAttributeValue.builder().dataType("String").stringValue("OrderPlaced").build()))).messageId();
        } catch (SdkException e) {
            throw new IOException("SNS did not take the message for " + topic + ": " + e.getMessage(), e);
        }
    }
}
