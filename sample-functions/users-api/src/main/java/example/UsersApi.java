package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.localfaas.api.Function;
import dev.localfaas.api.HttpTrigger;
import java.util.Map;

/**
 * An HTTP API (payload format 2.0) handler: {@code GET /users/42?fields=name} answers
 * {@code {"id":"42","fields":"name","userAgent":"curl/8.5.0"}}.
 *
 * <p>HTTP APIs lower-case header names, so the header is read as {@code user-agent}.
 */
@Function(name = "users-api")
@HttpTrigger(method = "GET", path = "/users/{id}")
public class UsersApi implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String id = get(event.getPathParameters(), "id");
        if (id == null) {
            return json(400, "{\"message\":\"path parameter id is missing; call GET /users/{id}\"}");
        }
        String fields = get(event.getQueryStringParameters(), "fields");
        String userAgent = get(event.getHeaders(), "user-agent");
        context.getLogger().log("users-api: looking up user " + id + "\n");
        return json(200, "{\"id\":" + quote(id)
                + ",\"fields\":" + quote(fields)
                + ",\"userAgent\":" + quote(userAgent) + "}");
    }

    private static APIGatewayV2HTTPResponse json(int status, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .build();
    }

    private static String get(Map<String, String> map, String key) {
        return map == null ? null : map.get(key);
    }

    /** A JSON string literal, or null; enough for a sample that bundles no JSON library. */
    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
