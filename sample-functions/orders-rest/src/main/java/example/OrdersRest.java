package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.localfaas.api.Function;
import dev.localfaas.api.HttpTrigger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The front of the order pipeline, a REST API (Lambda proxy integration, payload format 1.0) handler:
 * {@code POST /orders} with a JSON order gives the order an id and publishes {@code {"orderId":...,"order":...}} as an
 * {@code OrderPlaced} event to the {@code order-events} topic: the {@code orders} queue (consumed by
 * {@code orders-worker}) and {@code orders-audit} (large orders only) subscribe to it. It answers 201 Created with a
 * {@code Location} header, the order echoed back and the topic's message id.
 *
 * <p>It publishes with the AWS SDK's {@code SnsClient} ({@link OrderEvents}), so the same JAR runs on AWS Lambda and
 * under {@code faas run}, which points the SDK at its gateway. When SNS cannot be reached it answers 503 and publishes
 * nothing, so a retry cannot duplicate the order; without a region to build a client with, it answers 201 with
 * {@code "published":false} and a note saying why.
 */
@Function(name = "orders-rest", timeoutSeconds = 10)
@HttpTrigger(method = "POST", path = "/orders")
public class OrdersRest implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    // Built once per execution environment (its init), as a Lambda function builds its SDK clients.
    private final OrderEvents events = OrderEvents.fromEnvironment("order-events");

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        String body = request.getBody();
        if (body != null && Boolean.TRUE.equals(request.getIsBase64Encoded())) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        if (body == null || body.isBlank()) {
            return response(400, Map.of(), "{\"message\":\"send the order as a JSON object in the request body\"}");
        }
        String trimmed = body.trim();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            return response(400, Map.of(), "{\"message\":\"the order must be a JSON object\"}");
        }
        String orderId = UUID.randomUUID().toString();
        // The order is passed on verbatim: this sample bundles no JSON library to re-serialize it.
        String message = "{\"orderId\":\"" + orderId + "\",\"order\":" + trimmed + "}";
        Map<String, String> location = Map.of("Location", "/orders/" + orderId);
        Optional<String> unavailable = events.unavailableReason();
        if (unavailable.isPresent()) {
            context.getLogger().log("orders-rest: order " + orderId + " accepted but not published: " + unavailable.get() + "\n");
            return response(201, location, "{\"orderId\":\"" + orderId + "\",\"status\":\"created\",\"published\":false,"
                    + "\"note\":\"" + unavailable.get() + "\",\"order\":" + trimmed + "}");
        }
        String messageId;
        try {
            messageId = events.publish(message);
        } catch (IOException e) {
            // Not accepted: the client may retry. Nothing was published, so a retry cannot duplicate the order.
            context.getLogger().log("orders-rest: order " + orderId + " refused, the topic did not take it: " + e + "\n");
            return response(503, Map.of("Retry-After", "1"),
                    "{\"message\":\"the order could not be published; try again in a moment\"}");
        }
        context.getLogger().log("orders-rest: order " + orderId + " published to " + events.name() + " as message "
                + messageId + "\n");
        return response(201, location, "{\"orderId\":\"" + orderId + "\",\"status\":\"published\",\"published\":true,"
                + "\"messageId\":\"" + messageId + "\",\"order\":" + trimmed + "}");
    }

    private static APIGatewayProxyResponseEvent response(int status, Map<String, String> extraHeaders, String body) {
        Map<String, String> headers = new java.util.HashMap<>(extraHeaders);
        headers.put("Content-Type", "application/json");
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false);
    }
}
