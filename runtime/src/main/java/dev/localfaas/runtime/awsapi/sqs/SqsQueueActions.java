package dev.localfaas.runtime.awsapi.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.awsapi.AwsCall;
import dev.localfaas.runtime.awsapi.Numbers;
import dev.localfaas.runtime.trigger.queue.QueueBackend;
import dev.localfaas.runtime.trigger.queue.QueueNames;
import dev.localfaas.runtime.trigger.queue.QueueStats;
import dev.localfaas.runtime.trigger.queue.RedrivePolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** SQS's queue actions over the queue store: create, find, list, attributes, delete, purge. */
final class SqsQueueActions {
    static final long PURGE_INTERVAL_MILLIS = 60_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final QueueBackend backend;
    private final QueueAddress address;
    private final Clock clock;
    private final Map<String, Long> lastPurge = new ConcurrentHashMap<>();

    SqsQueueActions(QueueBackend backend, QueueAddress address, Clock clock) {
        this.backend = backend;
        this.address = address;
        this.clock = clock;
    }

    /** A queue's stored attributes; QueueDoesNotExist when there is no such queue. */
    Map<String, String> existing(String queue) {
        return backend.attributes(queue).orElseThrow(SqsErrors::noQueue);
    }

    /** The attributes in force: the defaults under what was set. */
    static Map<String, String> effective(String queue, Map<String, String> stored) {
        Map<String, String> all = QueueAttributes.defaults(QueueNames.isFifo(queue));
        all.putAll(stored);
        return all;
    }

    ObjectNode create(AwsCall call) {
        String name = call.required("QueueName");
        Map<String, String> requested = strings(call.input().get("Attributes"));
        boolean fifo = QueueNames.isFifo(name);
        if (QueueNames.problem(name) != null || ("true".equals(requested.get("FifoQueue")) && !fifo)) {
            throw SqsErrors.invalidParameter("Can only include alphanumeric characters, hyphens, or underscores. 1 to"
                    + " 80 in length; the name of a FIFO queue must end with the .fifo suffix.");
        }
        QueueAttributes.check(name, requested);
        Optional<RedrivePolicy> redrive = checkedRedrive(name, requested);
        Optional<Map<String, String>> existing = backend.attributes(name);
        if (existing.isPresent() && existing.get().containsKey("CreatedTimestamp")) {
            Map<String, String> current = effective(name, existing.get());
            for (Map.Entry<String, String> r : requested.entrySet()) {
                if (!r.getValue().equals(current.get(r.getKey()))) {
                    throw SqsErrors.queueExists(r.getKey());
                }
            }
        } else {
            String now = Long.toString(clock.millis() / 1000);
            Map<String, String> stored = new LinkedHashMap<>(requested);
            stored.put("CreatedTimestamp", now);
            stored.put("LastModifiedTimestamp", now);
            backend.setAttributes(name, stored);
            applyRedrive(name, requested, redrive);
        }
        ObjectNode out = NODES.objectNode();
        out.put("QueueUrl", address.url(call.baseUrl(), name));
        return out;
    }

    ObjectNode getUrl(AwsCall call) {
        String name = call.required("QueueName");
        if (QueueNames.problem(name) != null || backend.attributes(name).isEmpty()) {
            throw SqsErrors.noQueue();
        }
        ObjectNode out = NODES.objectNode();
        out.put("QueueUrl", address.url(call.baseUrl(), name));
        return out;
    }

    ObjectNode list(AwsCall call) {
        String prefix = call.text("QueueNamePrefix");
        List<String> names = backend.stats().stream().map(QueueStats::name)
                .filter(n -> prefix == null || n.startsWith(prefix)).toList();
        return page(call, names, "QueueUrls");
    }

    ObjectNode getAttributes(AwsCall call) {
        String queue = address.queueOf(call);
        Map<String, String> stored = existing(queue);
        List<String> wanted = texts(call.input().get("AttributeNames"));
        for (String w : wanted) {
            if (!w.equals("All") && !QueueAttributes.readable(w)) {
                throw SqsErrors.invalidAttributeName(w);
            }
        }
        Map<String, String> all = effective(queue, stored);
        all.put("QueueArn", address.arn(queue));
        QueueStats stats = backend.stats().stream().filter(s -> s.name().equals(queue)).findFirst()
                .orElse(new QueueStats(queue, 0, 0, 0, null));
        all.put("ApproximateNumberOfMessages", Long.toString(stats.visible()));
        all.put("ApproximateNumberOfMessagesNotVisible", Long.toString(stats.inFlight()));
        all.put("ApproximateNumberOfMessagesDelayed", Long.toString(stats.delayed()));
        ObjectNode out = NODES.objectNode();
        ObjectNode attributes = NODES.objectNode();
        all.forEach((k, v) -> {
            if (wanted.contains("All") || wanted.contains(k)) {
                attributes.put(k, v);
            }
        });
        if (!attributes.isEmpty()) {
            out.set("Attributes", attributes);
        }
        return out;
    }

    ObjectNode setAttributes(AwsCall call) {
        String queue = address.queueOf(call);
        Map<String, String> current = effective(queue, existing(queue));
        Map<String, String> requested = strings(call.input().get("Attributes"));
        QueueAttributes.check(queue, requested);
        if (requested.containsKey("FifoQueue") && !requested.get("FifoQueue").equals(current.get("FifoQueue"))) {
            throw SqsErrors.invalidAttributeValue("FifoQueue", "A queue's type cannot be changed after it is created.");
        }
        Optional<RedrivePolicy> redrive = checkedRedrive(queue, requested);
        Map<String, String> stored = new LinkedHashMap<>(requested);
        stored.put("LastModifiedTimestamp", Long.toString(clock.millis() / 1000));
        backend.setAttributes(queue, stored);
        applyRedrive(queue, requested, redrive);
        return null;
    }

    ObjectNode delete(AwsCall call) {
        String queue = address.queueOf(call);
        if (!backend.deleteQueue(queue)) {
            throw SqsErrors.noQueue();
        }
        lastPurge.remove(queue);
        return null;
    }

    ObjectNode purge(AwsCall call) {
        String queue = address.queueOf(call);
        existing(queue);
        long now = clock.millis();
        Long before = lastPurge.get(queue);
        if (before != null && now - before < PURGE_INTERVAL_MILLIS) {
            throw SqsErrors.purgeInProgress(address.arn(queue));
        }
        lastPurge.put(queue, now);
        backend.purge(queue);
        return null;
    }

    ObjectNode deadLetterSources(AwsCall call) {
        String queue = address.queueOf(call);
        existing(queue);
        return page(call, sourcesOf(queue), "queueUrls");
    }

    /** The queues whose redrive policy (set through the API, or a trigger's dead-letter queue) names {@code dlq}. */
    List<String> sourcesOf(String dlq) {
        List<String> sources = new ArrayList<>();
        for (QueueStats s : backend.stats()) {
            Optional<RedrivePolicy> policy = backend.attributes(s.name())
                    .map(a -> a.get("RedrivePolicy")).flatMap(QueueAttributes::redrive);
            if (dlq.equals(s.deadLetterQueue()) || policy.map(p -> p.deadLetterQueue().equals(dlq)).orElse(false)) {
                sources.add(s.name());
            }
        }
        return sources;
    }

    private ObjectNode page(AwsCall call, List<String> names, String member) {
        int max = call.input().has("MaxResults") ? Numbers.inRange(call.integer("MaxResults", 1000), 1, 1000, "MaxResults")
                : 1000;
        int from = call.text("NextToken") == null ? 0 : Math.max(0, Numbers.integer(call.text("NextToken"), "NextToken"));
        int to = Math.min(names.size(), from + max);
        ObjectNode out = NODES.objectNode();
        if (from < to) {
            ArrayNode urls = out.putArray(member);
            names.subList(from, to).forEach(n -> urls.add(address.url(call.baseUrl(), n)));
        }
        if (to < names.size() && call.input().has("MaxResults")) {
            out.put("NextToken", Integer.toString(to));
        }
        return out;
    }

    private Optional<RedrivePolicy> checkedRedrive(String queue, Map<String, String> requested) {
        Optional<RedrivePolicy> redrive = QueueAttributes.redrive(requested.get("RedrivePolicy"));
        if (redrive.isPresent()) {
            String dlq = redrive.get().deadLetterQueue();
            String value = requested.get("RedrivePolicy");
            if (backend.attributes(dlq).isEmpty()) {
                throw SqsErrors.invalidParameter("Value " + value + " for parameter RedrivePolicy is invalid. Reason:"
                        + " Dead letter target does not exist.");
            }
            if (QueueNames.isFifo(dlq) != QueueNames.isFifo(queue) || dlq.equals(queue)) {
                throw SqsErrors.invalidParameter("Value " + value + " for parameter RedrivePolicy is invalid. Reason:"
                        + " Dead-letter target must be a different queue of the same type (standard or FIFO).");
            }
        }
        return redrive;
    }

    /** Keeps the store's dead-letter column (what the admin API and faas queues show) in step with RedrivePolicy. */
    private void applyRedrive(String queue, Map<String, String> requested, Optional<RedrivePolicy> redrive) {
        if (requested.containsKey("RedrivePolicy")) {
            backend.declare(queue, redrive.map(RedrivePolicy::deadLetterQueue));
        }
    }

    static Map<String, String> strings(JsonNode map) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map != null && map.isObject()) {
            map.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(n -> out.add(n.asText()));
        } else if (list != null && !list.isNull()) {
            out.add(list.asText());
        }
        return out;
    }
}
