package dev.localfaas.runtime.gateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An AWS API request as the gateway received it.
 *
 * @param baseUrl {@code http://host:port} as the client addressed the gateway (queue URLs are built from it)
 * @param headers header values by lower-case name
 * @param query   query-string parameters, decoded
 */
public record AwsApiRequest(String method, String path, String baseUrl, Map<String, List<String>> headers,
                            Map<String, List<String>> query, byte[] body) {

    public AwsApiRequest {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
    }

    /** The first value of a header (any case), if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
