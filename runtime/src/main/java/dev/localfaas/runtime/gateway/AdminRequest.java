package dev.localfaas.runtime.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request to an {@link AdminEndpoint}.
 *
 * @param method  {@code GET}, {@code POST}, ...
 * @param path    the full decoded path, e.g. {@code /_faas/schedules/nightly/fire}
 * @param subPath the part after the mount prefix, e.g. {@code /nightly/fire}; "" for the prefix itself
 * @param query   decoded query parameters, every value of each in order
 * @param body    the request body, empty when none
 * @param traceHeader the caller's {@code X-Amzn-Trace-Id}, or null: a message sent or published through the admin API
 *                    carries it on, so a function that sends one stays in its trace
 */
public record AdminRequest(String method, String path, String subPath, Map<String, List<String>> query, byte[] body,
                           String traceHeader) {

    public AdminRequest(String method, String path, String subPath, Map<String, List<String>> query, byte[] body) {
        this(method, path, subPath, query, body, null);
    }

    public AdminRequest {
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The sub-path's segments: {@code /nightly/fire} gives {@code [nightly, fire]}. */
    public List<String> segments() {
        return Router.split(subPath);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
