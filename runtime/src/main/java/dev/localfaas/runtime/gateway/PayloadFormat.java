package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.WebAdapters;
import java.util.Optional;

/**
 * The API Gateway payload format a function gets on a route: the one the route names (its {@code @HttpTrigger}, a
 * template, or {@code faas run --payload-format}); else 1.0 (REST API proxy) when the handler takes
 * {@code APIGatewayProxyRequestEvent} or its JAR holds a web-framework adapter
 * ({@link WebAdapters aws-serverless-java-container}, which reads only 1.0 events); else 2.0 (HTTP API), which is
 * what new APIs use.
 */
enum PayloadFormat {

    REST_1_0("1.0", "x-amzn-RequestId") {
        @Override
        byte[] event(IncomingRequest request, RouteMatch match, ApiGatewayContext api, String requestId) {
            return RestApiEvent.build(request, match, api, requestId);
        }

        @Override
        ProxyResponse response(byte[] payload) {
            return RestApiResponse.map(payload);
        }

        @Override
        String newRequestId() {
            return ApiGatewayContext.restApiRequestId();
        }
    },

    HTTP_2_0("2.0", "apigw-requestid") {
        @Override
        byte[] event(IncomingRequest request, RouteMatch match, ApiGatewayContext api, String requestId) {
            return HttpApiEvent.build(request, match, api, requestId);
        }

        @Override
        ProxyResponse response(byte[] payload) {
            return HttpApiResponse.map(payload);
        }

        @Override
        String newRequestId() {
            return ApiGatewayContext.httpApiRequestId();
        }
    };

    static final String REST_EVENT_TYPE = "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent";

    private final String version;
    private final String requestIdHeader;

    PayloadFormat(String version, String requestIdHeader) {
        this.version = version;
        this.requestIdHeader = requestIdHeader;
    }

    /** The format of a request that matched {@code match}: the route's own, set or inferred by the router. */
    static PayloadFormat of(RouteMatch match) {
        return named(match.route().payloadFormat()).orElseGet(() -> of(match.function()));
    }

    /** The format inferred for a function on routes that name none. */
    static PayloadFormat of(FunctionSpec function) {
        return REST_EVENT_TYPE.equals(function.inputType()) || WebAdapters.bundled(function.jar()) ? REST_1_0 : HTTP_2_0;
    }

    static Optional<PayloadFormat> named(String version) {
        for (PayloadFormat format : values()) {
            if (format.version.equals(version)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    String version() {
        return version;
    }

    /** The response header in which API Gateway returns its own request id. */
    String requestIdHeader() {
        return requestIdHeader;
    }

    /** The event's JSON. */
    abstract byte[] event(IncomingRequest request, RouteMatch match, ApiGatewayContext api, String requestId);

    /** @throws MalformedResponseException when API Gateway would refuse the response */
    abstract ProxyResponse response(byte[] payload);

    abstract String newRequestId();
}
