package dev.localfaas.runtime.trigger.topic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.gateway.AdminEndpoint;
import dev.localfaas.runtime.gateway.AdminRequest;
import dev.localfaas.runtime.gateway.AdminResponse;
import dev.localfaas.runtime.trigger.delivery.Target;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The topics admin API, mounted at {@link #PREFIX}:
 * <pre>
 * GET    /_faas/topics                              every topic, its subscriptions and their counts
 * POST   /_faas/topics/{topic}                      create; body {"contentBasedDeduplication": true} optional
 * POST   /_faas/topics/{topic}/messages             publish; body = the message;
 *                                                   ?subject=S&amp;attribute=name=Type:value&amp;groupId=G&amp;deduplicationId=D
 * POST   /_faas/topics/{topic}/subscriptions        subscribe; body {"queue": "q"} or {"function": "f"},
 *                                                   "rawMessageDelivery", "filterPolicy", "filterPolicyScope"
 * DELETE /_faas/topics/{topic}/subscriptions?arn=A  unsubscribe
 * </pre>
 */
public final class TopicsEndpoint implements AdminEndpoint {

    public static final String PREFIX = "/_faas/topics";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Topics topics;

    public TopicsEndpoint(Topics topics) {
        this.topics = topics;
    }

    @Override
    public AdminResponse handle(AdminRequest request) {
        List<String> segments = request.segments();
        try {
            if (segments.isEmpty()) {
                return request.method().equals("GET") ? AdminResponse.ok(Map.of("topics", topics.list()))
                        : AdminResponse.methodNotAllowed(request.method(), request.path());
            }
            String topic = segments.get(0);
            if (segments.size() == 1) {
                return request.method().equals("POST") ? AdminResponse.ok(create(topic, request))
                        : request.method().equals("GET") ? topics.find(topic).<AdminResponse>map(AdminResponse::ok)
                                .orElse(AdminResponse.notFound("no topic " + topic + "; publish to it or declare it first"))
                        : AdminResponse.methodNotAllowed(request.method(), request.path());
            }
            if (segments.size() == 2 && segments.get(1).equals("messages")) {
                return request.method().equals("POST") ? AdminResponse.ok(publish(topic, request))
                        : AdminResponse.methodNotAllowed(request.method(), request.path());
            }
            if (segments.size() == 2 && segments.get(1).equals("subscriptions")) {
                return switch (request.method()) {
                    case "POST" -> AdminResponse.of(201, topics.subscribe(subscription(topic, request)));
                    case "DELETE" -> {
                        String arn = request.queryParam("arn").orElseThrow(() ->
                                new TopicRequestException("give the subscription to remove as ?arn=..."));
                        yield topics.unsubscribe(arn) ? AdminResponse.ok(Map.of("removed", arn))
                                : AdminResponse.notFound("no subscription " + arn);
                    }
                    default -> AdminResponse.methodNotAllowed(request.method(), request.path());
                };
            }
        } catch (TopicRequestException e) {
            return AdminResponse.badRequest(e.getMessage());
        }
        return AdminResponse.notFound("Not Found: " + request.path() + " (GET " + PREFIX + ", POST " + PREFIX
                + "/{topic}/messages, POST " + PREFIX + "/{topic}/subscriptions)");
    }

    private TopicInfo create(String topic, AdminRequest request) {
        JsonNode body = body(request);
        return topics.create(new TopicSpec(topic, body.path("contentBasedDeduplication").asBoolean(false)));
    }

    private Map<String, Object> publish(String topic, AdminRequest request) {
        Map<String, TopicAttribute> attributes = new LinkedHashMap<>();
        for (String a : request.query().getOrDefault("attribute", List.of())) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new TopicRequestException("attribute " + a + " is not NAME=VALUE or NAME=Type:VALUE;"
                        + " write it as amount=Number:150");
            }
            attributes.put(a.substring(0, eq), TopicAttribute.parse(a.substring(eq + 1)));
        }
        PublishRequest publish = new PublishRequest(request.bodyText(), request.queryParam("subject").orElse(null),
                attributes, request.queryParam("groupId").orElse(null), request.queryParam("deduplicationId").orElse(null),
                request.traceHeader());
        PublishResult result = topics.publish(topic, publish);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("messageId", result.messageId());
        if (result.sequenceNumber() != null) {
            answer.put("sequenceNumber", result.sequenceNumber());
        }
        answer.put("matched", result.matched());
        answer.put("filtered", result.filtered());
        if (result.duplicate()) {
            answer.put("duplicate", true);
        }
        return answer;
    }

    private static SubscriptionSpec subscription(String topic, AdminRequest request) {
        JsonNode body = body(request);
        Target target;
        if (body.hasNonNull("queue") == body.hasNonNull("function")) {
            throw new TopicRequestException("give exactly one target: {\"queue\": \"name\"} or {\"function\": \"name\"}");
        }
        target = body.hasNonNull("queue") ? Target.queue(body.get("queue").asText()) : Target.function(body.get("function").asText());
        JsonNode policy = body.path("filterPolicy");
        String filterPolicy = policy.isMissingNode() || policy.isNull() ? "" : policy.isTextual() ? policy.asText() : policy.toString();
        return new SubscriptionSpec(topic, target, filterPolicy, FilterPolicyScope.parse(body.path("filterPolicyScope").asText("")),
                body.path("rawMessageDelivery").asBoolean(false), "POST " + PREFIX);
    }

    private static JsonNode body(AdminRequest request) {
        if (request.body().length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode tree = JSON.readTree(request.body());
            if (tree == null || !tree.isObject()) {
                throw new TopicRequestException("the request body must be a JSON object");
            }
            return tree;
        } catch (IOException e) {
            throw new TopicRequestException("the request body is not JSON; send an object such as {\"queue\": \"orders\"}");
        }
    }
}
