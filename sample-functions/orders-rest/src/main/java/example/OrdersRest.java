package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.localfaas.api.Function;
import dev.localfaas.api.HttpTrigger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * A REST API (Lambda proxy integration, payload format 1.0) handler: {@code POST /orders} with a JSON order answers
 * 201 Created, a {@code Location} header and the order echoed back with its new id.
 */
@Function(name = "orders-rest")
@HttpTrigger(method = "POST", path = "/orders")
public class OrdersRest implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

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
        context.getLogger().log("orders-rest: created order " + orderId + "\n");
        // The order is echoed verbatim: this sample bundles no JSON library to re-serialize it.
        return response(201, Map.of("Location", "/orders/" + orderId),
                "{\"orderId\":\"" + orderId + "\",\"status\":\"created\",\"order\":" + trimmed + "}");
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
