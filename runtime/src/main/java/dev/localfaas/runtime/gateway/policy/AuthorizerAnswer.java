package dev.localfaas.runtime.gateway.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a Lambda authorizer answered, read as API Gateway reads it: an IAM policy document ({@code principalId},
 * {@code policyDocument} statements, {@code context}, {@code usageIdentifierKey}), or an HTTP API simple response
 * ({@code isAuthorized}, {@code context}). Cached by identity and evaluated against each request's ARN, so a cached
 * policy that names one path denies another, as it does on AWS.
 */
record AuthorizerAnswer(Boolean simple, String principalId, List<Statement> statements, Map<String, Object> context,
                        String usageIdentifierKey) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One statement: its effect and the resources (ARN patterns with * and ?) it names for execute-api:Invoke. */
    record Statement(boolean allow, List<Pattern> resources) {
    }

    /** How a policy judged an ARN. */
    enum Verdict { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    /**
     * @param simpleResponses whether the authorizer answers {@code {"isAuthorized": ...}} (HTTP API, payload 2.0)
     * @throws IllegalArgumentException naming what API Gateway would reject in the answer
     */
    static AuthorizerAnswer parse(byte[] payload, boolean simpleResponses, boolean restApi) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("the answer is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the answer is not a JSON object");
        }
        Map<String, Object> context = context(root.get("context"), restApi);
        if (simpleResponses) {
            JsonNode ok = root.get("isAuthorized");
            if (ok == null || !ok.isBoolean()) {
                throw new IllegalArgumentException("a simple response needs a boolean isAuthorized");
            }
            return new AuthorizerAnswer(ok.booleanValue(), null, List.of(), context, null);
        }
        JsonNode principal = root.get("principalId");
        JsonNode document = root.get("policyDocument");
        if (principal == null || !principal.isValueNode()) {
            throw new IllegalArgumentException("the answer has no principalId");
        }
        if (document == null || !document.isObject() || document.get("Statement") == null) {
            throw new IllegalArgumentException("the answer has no policyDocument with a Statement");
        }
        List<Statement> statements = new ArrayList<>();
        for (JsonNode s : list(document.get("Statement"))) {
            String effect = s.path("Effect").asText("");
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                throw new IllegalArgumentException("a statement's Effect must be Allow or Deny, not '" + effect + "'");
            }
            boolean invokes = list(s.get("Action")).stream().map(JsonNode::asText)
                    .anyMatch(a -> glob(a).matcher("execute-api:Invoke").matches());
            if (!invokes) {
                continue;
            }
            statements.add(new Statement(effect.equals("Allow"),
                    list(s.get("Resource")).stream().map(r -> glob(r.asText())).toList()));
        }
        String key = root.hasNonNull("usageIdentifierKey") ? root.get("usageIdentifierKey").asText() : null;
        return new AuthorizerAnswer(null, principal.asText(), statements, context, key);
    }

    /** An explicit Deny wins over any Allow; no matching statement is an implicit deny. */
    Verdict judge(String arn) {
        if (simple != null) {
            return simple ? Verdict.ALLOW : Verdict.IMPLICIT_DENY;
        }
        boolean allowed = false;
        for (Statement s : statements) {
            boolean matches = s.resources().stream().anyMatch(p -> p.matcher(arn).matches());
            if (matches && !s.allow()) {
                return Verdict.EXPLICIT_DENY;
            }
            allowed |= matches;
        }
        return allowed ? Verdict.ALLOW : Verdict.IMPLICIT_DENY;
    }

    /** IAM's wildcards: {@code *} any run of characters (slashes included), {@code ?} one character. */
    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(out::add);
        } else if (node != null && !node.isNull()) {
            out.add(node);
        }
        return out;
    }

    /** A REST API passes only string, number and boolean context values; anything else is a configuration error. */
    private static Map<String, Object> context(JsonNode node, boolean restApi) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("context must be a JSON object");
        }
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (restApi && (v.isContainerNode())) {
                throw new IllegalArgumentException("context value " + e.getKey() + " is an object or array; a REST "
                        + "API passes only strings, numbers and booleans");
            }
            out.put(e.getKey(), JSON.convertValue(v, Object.class));
        });
        return out;
    }
}
