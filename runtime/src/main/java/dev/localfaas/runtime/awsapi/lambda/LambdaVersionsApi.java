package dev.localfaas.runtime.awsapi.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.gateway.AwsApiRequest;
import dev.localfaas.runtime.traffic.Alias;
import dev.localfaas.runtime.traffic.PublishedVersion;
import dev.localfaas.runtime.traffic.Traffic;
import dev.localfaas.runtime.traffic.TrafficException;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lambda's version and alias operations as the AWS CLI and SDKs call them: PublishVersion and ListVersionsByFunction
 * on {@code /functions/{name}/versions}, CreateAlias, ListAliases, GetAlias, UpdateAlias and DeleteAlias on
 * {@code /functions/{name}/aliases[/{alias}]}, over the one {@link Traffic} the gateway routes with.
 */
final class LambdaVersionsApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 50;

    private final Traffic traffic;
    private final FunctionConfigurations configurations;
    private final Function<String, Optional<FunctionSpec>> functions;

    LambdaVersionsApi(Traffic traffic, FunctionConfigurations configurations,
                      Function<String, Optional<FunctionSpec>> functions) {
        this.traffic = traffic;
        this.configurations = configurations;
        this.functions = functions;
    }

    /** Answers a call on {@code /functions/{function}/{collection}[/{item}]}: a status and a body (null for none). */
    Answer handle(AwsApiRequest request, String function, String collection, String item) {
        String method = request.method();
        try {
            if (collection.equals("versions") && item == null) {
                return switch (method) {
                    case "POST" -> new Answer(201, configurations.of(traffic.publish(function,
                            body(request).path("Description").asText(""))));
                    case "GET" -> new Answer(200, listVersions(request, function));
                    default -> unsupported(method, request.path());
                };
            }
            if (collection.equals("aliases") && item == null) {
                return switch (method) {
                    case "POST" -> create(request, function);
                    case "GET" -> new Answer(200, listAliases(request, function));
                    default -> unsupported(method, request.path());
                };
            }
            if (collection.equals("aliases")) {
                return switch (method) {
                    case "GET" -> new Answer(200, alias(existing(function, item)));
                    case "PUT" -> update(request, function, existing(function, item));
                    case "DELETE" -> {
                        traffic.deleteAlias(function, item);
                        yield new Answer(204, null);
                    }
                    default -> unsupported(method, request.path());
                };
            }
            return unsupported(method, request.path());
        } catch (TrafficException e) {
            return new Answer(e.kind().status(), null, e.kind().code(), e.getMessage());
        } catch (NotFound e) {
            return new Answer(404, null, "ResourceNotFoundException", e.getMessage());
        } catch (BadBody e) {
            return new Answer(400, null, "InvalidRequestContentException", e.getMessage());
        }
    }

    private Answer create(AwsApiRequest request, String function) {
        JsonNode body = body(request);
        String name = body.path("Name").asText("");
        if (name.isEmpty() || !body.hasNonNull("FunctionVersion")) {
            return new Answer(400, null, "InvalidParameterValueException",
                    "CreateAlias needs Name and FunctionVersion, e.g. {\"Name\":\"live\",\"FunctionVersion\":\"1\"}");
        }
        if (traffic.alias(function, name).isPresent()) {
            return new Answer(409, null, "ResourceConflictException", "Alias already exists: "
                    + configurations.arn(function) + ":" + name + "; update it with UpdateAlias");
        }
        Alias alias = traffic.setAlias(function, name, body.get("FunctionVersion").asText(), weights(body),
                body.path("Description").asText(""));
        return new Answer(201, alias(alias));
    }

    private Answer update(AwsApiRequest request, String function, Alias current) {
        JsonNode body = body(request);
        if (body.hasNonNull("RevisionId") && !body.get("RevisionId").asText().equals(current.revisionId())) {
            return new Answer(412, null, "PreconditionFailedException", "The Revision Id provided does not match the"
                    + " latest Revision Id. Call the GetAlias API to retrieve the latest Revision Id");
        }
        String version = body.hasNonNull("FunctionVersion") ? body.get("FunctionVersion").asText() : current.version();
        Map<String, Double> weights = body.has("RoutingConfig") ? weights(body) : current.weights();
        String description = body.hasNonNull("Description") ? body.get("Description").asText() : null;
        return new Answer(200, alias(traffic.setAlias(function, current.name(), version, weights, description)));
    }

    private Alias existing(String function, String name) {
        if (functions.apply(function).isEmpty()) {
            throw new NotFound("Function not found: " + configurations.arn(function));
        }
        return traffic.alias(function, name).orElseThrow(() -> new NotFound("Alias not found: "
                + configurations.arn(function) + ":" + name));
    }

    private ObjectNode alias(Alias a) {
        ObjectNode out = JSON.createObjectNode();
        out.put("AliasArn", configurations.arn(a.function()) + ":" + a.name());
        out.put("Name", a.name());
        out.put("FunctionVersion", a.version());
        out.put("Description", a.description());
        if (!a.weights().isEmpty()) {
            ObjectNode weights = out.putObject("RoutingConfig").putObject("AdditionalVersionWeights");
            a.weights().forEach(weights::put);
        }
        out.put("RevisionId", a.revisionId());
        return out;
    }

    private ObjectNode listVersions(AwsApiRequest request, String function) {
        FunctionSpec latest = functions.apply(function).orElseThrow(() -> new NotFound("Function not found: "
                + configurations.arn(function)));
        List<ObjectNode> all = new java.util.ArrayList<>();
        all.add(configurations.of(latest));
        traffic.versions(function).stream().map(configurations::of).forEach(all::add);
        return page(request, "Versions", all);
    }

    private ObjectNode listAliases(AwsApiRequest request, String function) {
        Optional<String> version = first(request, "FunctionVersion");
        List<ObjectNode> all = traffic.aliases(function).stream()
                .filter(a -> version.map(v -> v.equals(a.version())).orElse(true)).map(this::alias).toList();
        return page(request, "Aliases", all);
    }

    private static ObjectNode page(AwsApiRequest request, String field, List<ObjectNode> all) {
        int from = first(request, "Marker").map(LambdaVersionsApi::parse).orElse(0);
        from = Math.max(0, Math.min(all.size(), from));
        int max = first(request, "MaxItems").map(LambdaVersionsApi::parse).map(n -> Math.max(1, Math.min(PAGE, n)))
                .orElse(PAGE);
        int to = Math.min(all.size(), from + max);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray(field);
        all.subList(from, to).forEach(items::add);
        if (to < all.size()) {
            body.put("NextMarker", Integer.toString(to));
        }
        return body;
    }

    private static Map<String, Double> weights(JsonNode body) {
        JsonNode w = body.path("RoutingConfig").path("AdditionalVersionWeights");
        Map<String, Double> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber()) {
                throw new BadBody("the weight of version " + e.getKey() + " must be a number from 0.0 to 1.0");
            }
            out.put(e.getKey(), e.getValue().asDouble());
        }
        return out;
    }

    private static JsonNode body(AwsApiRequest request) {
        if (request.body().length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(request.body());
            return node == null || !node.isObject() ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            throw new BadBody("the request body is not JSON; send a JSON object");
        }
    }

    private static Optional<String> first(AwsApiRequest request, String name) {
        return request.query().getOrDefault(name, List.of()).stream().findFirst();
    }

    private static int parse(String n) {
        try {
            return Integer.parseInt(n);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Answer unsupported(String method, String path) {
        return new Answer(404, null, "UnsupportedOperationException", "localfaas does not serve " + method + " " + path);
    }

    /** What to answer: a body, or an error code and message. */
    record Answer(int status, ObjectNode body, String errorCode, String message) {
        Answer(int status, ObjectNode body) {
            this(status, body, null, null);
        }
    }

    private static final class BadBody extends RuntimeException {
        BadBody(String message) {
            super(message, null, false, false);
        }
    }

    /** A missing function or alias, answered as Lambda's ResourceNotFoundException. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message, null, false, false);
        }
    }
}
