package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.gateway.upstream.Upstreams;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /_faas/upstreams}: every HTTP upstream with its targets, their health and counters;
 * {@code GET /_faas/upstreams?name=/orders/*} one of them.
 */
final class UpstreamsEndpoint implements AdminEndpoint {

    private final Supplier<Upstreams> upstreams;

    UpstreamsEndpoint(Supplier<Upstreams> upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public AdminResponse handle(AdminRequest request) {
        if (!request.method().equals("GET")) {
            return AdminResponse.methodNotAllowed(request.method(), request.path());
        }
        String name = request.queryParam("name").orElse(null);
        if (name == null) {
            return AdminResponse.ok(Map.of("upstreams", upstreams.get().status()));
        }
        return upstreams.get().status(name).<AdminResponse>map(AdminResponse::ok).orElseGet(() -> AdminResponse.notFound(
                "no upstream named " + name + "; GET /_faas/upstreams lists them"));
    }

}
