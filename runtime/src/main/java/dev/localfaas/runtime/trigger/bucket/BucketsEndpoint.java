package dev.localfaas.runtime.trigger.bucket;

import dev.localfaas.runtime.gateway.AdminEndpoint;
import dev.localfaas.runtime.gateway.AdminRequest;
import dev.localfaas.runtime.gateway.AdminResponse;
import java.util.Map;

/** {@code GET /_faas/buckets}: every watched bucket, its folder, its notifications and their counts. */
public final class BucketsEndpoint implements AdminEndpoint {

    public static final String PREFIX = "/_faas/buckets";

    private final Buckets buckets;

    public BucketsEndpoint(Buckets buckets) {
        this.buckets = buckets;
    }

    @Override
    public AdminResponse handle(AdminRequest request) {
        if (request.segments().isEmpty() && request.method().equals("GET")) {
            return AdminResponse.ok(Map.of("buckets", buckets.list()));
        }
        return AdminResponse.notFound("Not Found: " + request.method() + " " + request.path() + " (GET " + PREFIX + ")");
    }
}
