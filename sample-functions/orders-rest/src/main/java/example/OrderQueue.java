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
 * Where {@link OrdersRest} puts the orders it accepts: a queue, reached the way the platform it runs on offers.
 *
 * <p>Under localfaas ({@code faas run}) the function finds the gateway in the environment variable
 * {@code FAAS_ENDPOINT} and posts the message to {@code $FAAS_ENDPOINT/_faas/queues/{queue}/messages}; the answer
 * comes once the message is stored durably. {@code java.net.http} does it, so the sample bundles no HTTP client.
 *
 * <p>On AWS there is no {@code FAAS_ENDPOINT}: there you would send with SQS {@code SendMessage}
 * ({@code software.amazon.awssdk:sqs}, {@code sqs.sendMessage(r -> r.queueUrl(url).messageBody(body))}) behind this
 * same small class. This sample does not bundle the SDK, so without {@code FAAS_ENDPOINT} it sends nothing and
 * {@link #unavailableReason()} says why, rather than failing the request.
 */
final class OrderQueue {
    static final String ENDPOINT_VARIABLE = "FAAS_ENDPOINT";
    private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*\"([^\"]+)\"");

    private final String queue;
    private final URI sendUri;          // null when no queue is reachable from here
    private final HttpClient http;

    private OrderQueue(String queue, URI sendUri) {
        this.queue = queue;
        this.sendUri = sendUri;
        this.http = sendUri == null ? null
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    }

    /** The queue named {@code queue} on the emulator that runs this function, if one does. */
    static OrderQueue fromEnvironment(String queue) {
        String endpoint = System.getenv(ENDPOINT_VARIABLE);
        if (endpoint == null || endpoint.isBlank()) {
            return new OrderQueue(queue, null);
        }
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        return new OrderQueue(queue, URI.create(base + "/_faas/queues/"
                + URLEncoder.encode(queue, StandardCharsets.UTF_8) + "/messages"));
    }

    String name() {
        return queue;
    }

    /** Why nothing is sent, when nothing can be: empty when the queue is reachable. */
    Optional<String> unavailableReason() {
        return sendUri != null ? Optional.empty() : Optional.of(ENDPOINT_VARIABLE + " is not set, so there is no "
                + "localfaas queue to send to; on AWS, send the order to SQS with SendMessage instead");
    }

    /**
     * Sends one message and answers its id.
     *
     * @throws IOException when the queue cannot be reached or refuses the message (the reason in the message)
     * @throws IllegalStateException when {@link #unavailableReason()} is present
     */
    String send(String body) throws IOException, InterruptedException {
        if (sendUri == null) {
            throw new IllegalStateException(unavailableReason().orElseThrow());
        }
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(sendUri)
                        .timeout(Duration.ofSeconds(2))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = MESSAGE_ID.matcher(answer.body());
        if (answer.statusCode() != 200 || !id.find()) {
            throw new IOException(sendUri + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return id.group(1);
    }
}
