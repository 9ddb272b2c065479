package dev.localfaas.runtime.awsapi.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.gateway.AwsApiRequest;
import dev.localfaas.runtime.gateway.AwsApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's management reads beside Invoke (REST-JSON, {@code GET /2015-03-31/functions...}): ListFunctions,
 * GetFunction and GetFunctionConfiguration over the functions the gateway serves. Only {@code $LATEST} exists.
 */
public final class LambdaManagement {
    public static final String PREFIX = "/2015-03-31/functions";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ONE = Pattern.compile(PREFIX + "/([^/]+)(/configuration)?/?");
    private static final Pattern VERSIONS = Pattern.compile(PREFIX + "/([^/]+)/(versions|aliases)(?:/([^/]+))?/?");
    private static final int PAGE = 50;

    private final FunctionInvoker functions;
    private final FunctionConfigurations configurations;
    private final dev.localfaas.runtime.traffic.Traffic traffic;
    private final LambdaVersionsApi versions;

    public LambdaManagement(FunctionInvoker functions, String region, String account) {
        this(functions, new FunctionConfigurations(region, account), null);
    }

    private LambdaManagement(FunctionInvoker functions, FunctionConfigurations configurations,
                             dev.localfaas.runtime.traffic.Traffic traffic) {
        this.functions = functions;
        this.configurations = configurations;
        this.traffic = traffic;
        this.versions = traffic == null ? null : new LambdaVersionsApi(traffic, configurations, functions::function);
    }

    /** The same API with the version and alias operations, over {@code traffic}. */
    public LambdaManagement withVersions(dev.localfaas.runtime.traffic.Traffic traffic) {
        return new LambdaManagement(functions, configurations, traffic);
    }

    public AwsApiResponse handle(AwsApiRequest request, String requestId) {
        String path = request.path();
        Matcher v = VERSIONS.matcher(path);
        if (versions != null && v.matches()) {
            String function = name(URLDecoder.decode(v.group(1), StandardCharsets.UTF_8));
            LambdaVersionsApi.Answer answer = versions.handle(request, function, v.group(2),
                    v.group(3) == null ? null : URLDecoder.decode(v.group(3), StandardCharsets.UTF_8));
            if (answer.errorCode() != null) {
                return error(answer.status(), answer.errorCode(), "message", answer.message(), requestId);
            }
            return new AwsApiResponse(answer.status(), "application/json", Map.of("x-amzn-RequestId", requestId),
                    answer.body() == null ? new byte[0] : bytes(answer.body()));
        }
        if (!request.method().equals("GET")) {
            return error(404, "UnsupportedOperationException", "message", "localfaas serves Invoke, ListFunctions,"
                    + " GetFunction and GetFunctionConfiguration, not " + request.method() + " " + path, requestId);
        }
        if (path.equals(PREFIX) || path.equals(PREFIX + "/")) {
            return list(request, requestId);
        }
        Matcher m = ONE.matcher(path);
        if (!m.matches()) {
            return error(404, "UnsupportedOperationException", "message", "localfaas does not serve GET " + path,
                    requestId);
        }
        String reference = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        String name = reference.startsWith("arn:") ? reference.substring(reference.lastIndexOf(':') + 1) : reference;
        Optional<String> qualifier = request.query().getOrDefault("Qualifier", List.of()).stream().findFirst();
        Optional<dev.localfaas.runtime.traffic.PublishedVersion> version = traffic == null || qualifier.isEmpty()
                ? Optional.empty() : traffic.version(name, qualifier.get())
                        .or(() -> traffic.alias(name, qualifier.get()).flatMap(a -> traffic.version(name, a.version())));
        Optional<FunctionSpec> spec = version.map(dev.localfaas.runtime.traffic.PublishedVersion::spec)
                .or(() -> functions.function(name).filter(f -> qualifier.map("$LATEST"::equals).orElse(true)));
        if (spec.isEmpty()) {
            return error(404, "ResourceNotFoundException", "Message", "Function not found: "
                    + configurations.arn(name) + qualifier.map(q -> ":" + q).orElse(""), requestId);
        }
        ObjectNode configuration = version.map(configurations::of).orElseGet(() -> configurations.of(spec.get()));
        if (m.group(2) != null) {
            return ok(configuration, requestId);
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("Configuration", configuration);
        ObjectNode code = body.putObject("Code");
        code.put("RepositoryType", "S3");
        code.put("Location", spec.get().jar().toUri().toString());
        body.putObject("Tags");
        return ok(body, requestId);
    }

    /** The function's name from a name, a partial ARN or an ARN. */
    private static String name(String reference) {
        String[] parts = reference.split(":");
        if (parts.length >= 7 && parts[0].equals("arn")) {
            return parts[6];
        }
        if (parts.length >= 3 && parts[1].equals("function")) {
            return parts[2];
        }
        return parts[0];
    }

    private AwsApiResponse list(AwsApiRequest request, String requestId) {
        List<FunctionSpec> all = functions.functions();
        int from = 0;
        List<String> marker = request.query().getOrDefault("Marker", List.of());
        if (!marker.isEmpty()) {
            from = Math.max(0, Math.min(all.size(), parse(marker.get(0))));
        }
        List<String> maxItems = request.query().getOrDefault("MaxItems", List.of());
        int max = maxItems.isEmpty() ? PAGE : Math.max(1, Math.min(PAGE, parse(maxItems.get(0))));
        ObjectNode body = JSON.createObjectNode();
        var list = body.putArray("Functions");
        int to = Math.min(all.size(), from + max);
        all.subList(from, to).forEach(f -> list.add(configurations.of(f)));
        if (to < all.size()) {
            body.put("NextMarker", Integer.toString(to));
        }
        return ok(body, requestId);
    }

    private static int parse(String n) {
        try {
            return Integer.parseInt(n);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static AwsApiResponse ok(ObjectNode body, String requestId) {
        return new AwsApiResponse(200, "application/json", Map.of("x-amzn-RequestId", requestId), bytes(body));
    }

    private static AwsApiResponse error(int status, String code, String messageField, String message, String requestId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("Type", "User");
        body.put(messageField, message);
        return new AwsApiResponse(status, "application/json",
                Map.of("x-amzn-RequestId", requestId, "x-amzn-ErrorType", code), bytes(body));
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
