package dev.localfaas.runtime.gateway.policy;

import java.util.Optional;
import java.util.function.Function;

/**
 * What a policy may look at in a request: the gateway hands it over without exposing its own request type.
 *
 * @param caller  the client's address, named in refusal log lines
 * @param headers a header's last value by name, case-insensitively
 */
public record PolicyRequest(String method, String path, String caller, Function<String, Optional<String>> headers) {

    public Optional<String> header(String name) {
        return headers.apply(name);
    }
}
