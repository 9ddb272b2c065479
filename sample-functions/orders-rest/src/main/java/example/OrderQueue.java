package example;

import java.io.IOException;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where {@link OrdersRest} puts the orders it accepts: an SQS queue, through the AWS SDK for Java v2, exactly as on
 * AWS. The client is built with the SDK's defaults, which read the region, the credentials and (when set) the
 * endpoint from the environment: on AWS Lambda that is SQS in the function's region; under {@code faas run} the
 * gateway sets {@code AWS_ENDPOINT_URL}, so the same JAR sends to the emulator's queue, which triggers
 * {@code orders-worker}. No localfaas-specific code.
 */
final class OrderQueue {
    private final String queue;
    private final SqsClient sqs;        // null when the environment gives the SDK no region
    private volatile String queueUrl;   // looked up once, on the first send

    private OrderQueue(String queue, SqsClient sqs) {
        this.queue = queue;
        this.sqs = sqs;
        if (sqs != null) {
            // The SDK's first call loads most of its classes: make it during init (which Lambda gives 10 s), not
            // during the first order. If SQS is not reachable yet, the first send looks the URL up again.
            try {
                queueUrl = sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
            } catch (SdkException e) {
                queueUrl = null;
            }
        }
    }

    /** The queue named {@code queue}, reached with an SQS client built from the environment. */
    static OrderQueue fromEnvironment(String queue) {
        if (System.getenv("AWS_REGION") == null) {
            return new OrderQueue(queue, null);
        }
        return new OrderQueue(queue, SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }

    String name() {
        return queue;
    }

    /** Why nothing can be sent, when nothing can be: empty when the SQS client is configured. */
    Optional<String> unavailableReason() {
        return sqs != null ? Optional.empty() : Optional.of("AWS_REGION is not set, so there is no SQS client to"
                + " send with; Lambda and faas run both set it");
    }

    /**
     * Sends one message with SQS SendMessage and answers its id.
     *
     * @throws IOException when SQS cannot be reached or refuses the message (the SDK's reason in the message)
     * @throws IllegalStateException when {@link #unavailableReason()} is present
     */
    String send(String body) throws IOException, InterruptedException {
        if (sqs == null) {
            throw new IllegalStateException(unavailableReason().orElseThrow());
        }
        try {
            if (queueUrl == null) {
                queueUrl = sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
            }
            return sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body)).messageId();
        } catch (SdkException e) {
            throw new IOException("SQS did not take the message for " + queue + ": " + e.getMessage(), e);
        }
    }
}
