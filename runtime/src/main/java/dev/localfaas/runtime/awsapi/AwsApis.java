package dev.localfaas.runtime.awsapi;

import dev.localfaas.runtime.execution.TraceHeader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.awsapi.lambda.LambdaManagement;
import dev.localfaas.runtime.awsapi.events.EventBridgeService;
import dev.localfaas.runtime.awsapi.sns.SnsService;
import dev.localfaas.runtime.awsapi.sqs.SqsService;
import dev.localfaas.runtime.trigger.PublishSubscribe;
import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.trigger.queue.QueueBackend;
import dev.localfaas.runtime.gateway.AwsApi;
import dev.localfaas.runtime.gateway.AwsApiRequest;
import dev.localfaas.runtime.gateway.AwsApiResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one dispatcher of the AWS wire protocols on the gateway's port. The protocol is told by the request:
 * <ul>
 *   <li>{@code X-Amz-Target: Prefix.Action} — AWS JSON 1.0/1.1, the service chosen by the prefix;</li>
 *   <li>a form body (or query string) with {@code Action=} — the query protocol, XML answers, the service chosen by
 *       who serves that action;</li>
 *   <li>{@code /2015-03-31/functions...} — Lambda's REST-JSON management API.</li>
 * </ul>
 * Signatures are not checked: any credentials are accepted.
 */
public final class AwsApis implements AwsApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AwsService> services;
    private final LambdaManagement lambda;

    public AwsApis(List<AwsService> services, LambdaManagement lambda) {
        this.services = List.copyOf(services);
        this.lambda = lambda;
    }

    /** SQS on {@code queues} and Lambda management over {@code functions}, with ARNs in this region and account. */
    public static AwsApis of(FunctionInvoker functions, QueueBackend queues, String region, String account) {
        return new AwsApis(List.of(new SqsService(queues, region, account)),
                new LambdaManagement(functions, region, account));
    }

    /** The same APIs, Lambda's with its version and alias operations over {@code traffic}. */
    public AwsApis withVersions(dev.localfaas.runtime.traffic.Traffic traffic) {
        return new AwsApis(services, lambda.withVersions(traffic));
    }

    /** SQS and Lambda as above, SNS on the topics and EventBridge on the event buses of {@code events}. */
    public static AwsApis of(FunctionInvoker functions, QueueBackend queues, PublishSubscribe events, String region,
                             String account) {
        return new AwsApis(List.of(new SqsService(queues, region, account),
                new SnsService(events.topics(), region, account), new EventBridgeService(events.buses(), region, account)),
                new LambdaManagement(functions, region, account));
    }

    @Override
    public AwsApiResponse handle(AwsApiRequest request) {
        String requestId = UUID.randomUUID().toString();
        Optional<String> target = request.header("x-amz-target");
        if (target.isPresent()) {
            return json(request, target.get(), requestId);
        }
        if (request.path().startsWith(LambdaManagement.PREFIX)) {
            return lambda.handle(request, requestId);
        }
        return query(request, requestId);
    }

    private AwsApiResponse json(AwsApiRequest request, String target, String requestId) {
        int dot = target.indexOf('.');
        String prefix = dot < 0 ? target : target.substring(0, dot);
        AwsService service = services.stream().filter(s -> s.targetPrefix().equals(prefix)).findFirst().orElse(null);
        String contentType = service == null ? "application/x-amz-json-1.0" : service.jsonContentType();
        if (service == null) {
            return jsonError(null, contentType, new AwsException("UnknownOperationException", "InvalidAction", 400, true,
                    "localfaas does not serve " + prefix + "; see docs/aws-apis.md for the services it emulates"), requestId);
        }
        try {
            JsonNode input = request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.body());
            if (input == null || !input.isObject()) {
                input = JSON.createObjectNode();
            }
            String action = target.substring(dot + 1);
            ObjectNode out = service.call(new AwsCall(action, input, request.baseUrl(), request.path(), requestId,
                    request.header(TraceHeader.HTTP_HEADER).orElse(null)));
            return new AwsApiResponse(200, contentType, Map.of("x-amzn-RequestId", requestId),
                    JSON.writeValueAsBytes(out == null ? JSON.createObjectNode() : out));
        } catch (IOException e) {
            return jsonError(service, contentType, new AwsException("SerializationException", "MalformedQueryString",
                    400, true, "the request body is not JSON; send a JSON object"), requestId);
        } catch (AwsException e) {
            return jsonError(service, contentType, e, requestId);
        }
    }

    private static AwsApiResponse jsonError(AwsService service, String contentType, AwsException e, String requestId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", (service == null ? "" : service.errorTypePrefix() + "#") + e.code());
        body.put("message", e.getMessage());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-RequestId", requestId);
        if (service != null && service.queryCompatible()) {
            headers.put("x-amzn-query-error", e.queryCode() + ";" + (e.senderFault() ? "Sender" : "Receiver"));
        }
        try {
            return new AwsApiResponse(e.status(), contentType, headers, JSON.writeValueAsBytes(body));
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private AwsApiResponse query(AwsApiRequest request, String requestId) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.query().forEach((k, v) -> parameters.put(k, v.get(0)));
        parameters.putAll(QueryParameters.parseForm(new String(request.body(), StandardCharsets.UTF_8)));
        String action = parameters.getOrDefault("Action", "");
        AwsService service = services.stream().filter(s -> s.servesQueryAction(action)).findFirst()
                .orElse(services.stream().filter(s -> s.queryShapes() != null).findFirst().orElseThrow());
        String namespace = service.queryShapes().namespace();
        try {
            if (action.isEmpty()) {
                throw AwsException.sender("MissingAction", "The request must contain the parameter Action.");
            }
            if (!service.servesQueryAction(action)) {
                throw AwsException.sender("InvalidAction", "The action " + action + " is not valid for this endpoint.");
            }
            parameters.remove("Action");
            parameters.remove("Version");
            ObjectNode input = service.fromQuery(QueryParameters.tree(parameters));
            ObjectNode out = service.call(new AwsCall(action, input, request.baseUrl(), request.path(), requestId,
                    request.header(TraceHeader.HTTP_HEADER).orElse(null)));
            return xml(200, QueryXml.response(service.queryShapes(), action, out, requestId), requestId);
        } catch (AwsException e) {
            return xml(e.status(), QueryXml.error(namespace, e, requestId), requestId);
        }
    }

    private static AwsApiResponse xml(int status, String body, String requestId) {
        return new AwsApiResponse(status, "text/xml", Map.of("x-amzn-RequestId", requestId),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
