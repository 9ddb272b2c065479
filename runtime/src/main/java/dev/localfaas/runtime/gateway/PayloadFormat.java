package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.function.FunctionSpec;

/**
 * The API Gateway payload format a function gets: 1.0 (REST API proxy) when its handler takes
 * {@code APIGatewayProxyRequestEvent}, otherwise 2.0 (HTTP API), which is what new APIs use.
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

    /** The route's declared format (a template's event type), else the one the handler's input type asks for. */
    static PayloadFormat of(RouteMatch match) {
        return switch (match.payloadFormat()) {
            case "1.0" -> REST_1_0;
            case "2.0" -> HTTP_2_0;
            default -> of(match.function());
        };
    }

    static PayloadFormat of(FunctionSpec function) {
        return REST_EVENT_TYPE.equals(function.inputType()) ? REST_1_0 : HTTP_2_0;
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
