package example;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where {@link OrdersRest} announces the orders it accepts: a topic, {@code OrderPlaced} events that every subscriber
 * gets its own copy of (the {@code orders} queue of orders-worker, the orders-audit function), reached the way the
 * platform it runs on offers.
 *
 * <p>Under localfaas ({@code faas run}) the function finds the gateway in the environment variable
 * {@code FAAS_ENDPOINT} and posts the message to {@code $FAAS_ENDPOINT/_faas/topics/{topic}/messages} with the
 * attribute {@code eventType=OrderPlaced}; the answer comes once the queue subscribers' copies are stored durably.
 * {@code java.net.http} does it, so the sample bundles no HTTP client.
 *
 * <p>On AWS there is no {@code FAAS_ENDPOINT}: there you would publish with SNS {@code Publish}
 * ({@code software.amazon.awssdk:sns}, {@code sns.publish(r -> r.topicArn(arn).message(body))}) behind this
 * same small class. This sample does not bundle the SDK, so without {@code FAAS_ENDPOINT} it sends nothing and
 * {@link #unavailableReason()} says why, rather than failing the request.
 */
final class OrderEvents {
    static final String ENDPOINT_VARIABLE = "FAAS_ENDPOINT";
    private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*\"([^\"]+)\"");

    private final String topic;
    private final URI sendUri;          // null when no topic is reachable from here
    private final HttpClient http;

    private OrderEvents(String topic, URI sendUri) {
        this.topic = topic;
        this.sendUri = sendUri;
        this.http = sendUri == null ? null
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    }

    /** The topic named {@code topic} on the emulator that runs this function, if one does. */
    static OrderEvents fromEnvironment(String topic) {
        String endpoint = System.getenv(ENDPOINT_VARIABLE);
        if (endpoint == null || endpoint.isBlank()) {
            return new OrderEvents(topic, null);
        }
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        return new OrderEvents(topic, URI.create(base + "/_faas/topics/"
                + URLEncoder.encode(topic, StandardCharsets.UTF_8) + "/messages?attribute=eventType%3DOrderPlaced"));
    }

    String name() {
        return topic;
    }

    /** Why nothing is sent, when nothing can be: empty when the topic is reachable. */
    Optional<String> unavailableReason() {
        return sendUri != null ? Optional.empty() : Optional.of(ENDPOINT_VARIABLE + " is not set, so there is no "
                + "localfaas topic to publish to; on AWS, publish the order to SNS with Publish instead");
    }

    /**
     * Publishes one message and answers its id.
     *
     * @throws IOException when the topic cannot be reached or refuses the message (the reason in the message)
     * @throws IllegalStateException when {@link #unavailableReason()} is present
     */
    String publish(String body) throws IOException, InterruptedException {
        if (sendUri == null) {
            throw new IllegalStateException(unavailableReason().orElseThrow());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(sendUri)
                .timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/json");
        // Pass the invocation's X-Ray trace on, as the AWS SDK does on Lambda, so the subscribers join this trace.
        String trace = System.getenv("_X_AMZN_TRACE_ID");
        if (trace != null && !trace.isBlank()) {
            request.header("X-Amzn-Trace-Id", trace);
        }
        HttpResponse<String> answer = http.send(request
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = MESSAGE_ID.matcher(answer.body());
        if (answer.statusCode() != 200 || !id.find()) {
            throw new IOException(sendUri + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return id.group(1);
    }
}
