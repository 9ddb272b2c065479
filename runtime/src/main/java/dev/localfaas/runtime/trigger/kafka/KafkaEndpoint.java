package dev.localfaas.runtime.trigger.kafka;

import dev.localfaas.runtime.gateway.AdminEndpoint;
import dev.localfaas.runtime.gateway.AdminRequest;
import dev.localfaas.runtime.gateway.AdminResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /_faas/kafka}: every Kafka trigger, its group, the partitions this instance owns and its counters. */
public final class KafkaEndpoint implements AdminEndpoint {

    public static final String PREFIX = "/_faas/kafka";

    private final Supplier<List<KafkaTriggerInfo>> triggers;

    public KafkaEndpoint(Supplier<List<KafkaTriggerInfo>> triggers) {
        this.triggers = triggers;
    }

    @Override
    public AdminResponse handle(AdminRequest request) {
        if (!request.segments().isEmpty()) {
            return AdminResponse.notFound("Not Found: " + request.path() + " (GET " + PREFIX + ")");
        }
        if (!request.method().equals("GET")) {
            return AdminResponse.methodNotAllowed(request.method(), request.path());
        }
        return AdminResponse.ok(Map.of("triggers", triggers.get()));
    }
}
