package dev.localfaas.runtime.gateway.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Lambda authorizer's identity sources: the request headers and query parameters whose values it is given and its
 * cached answers are keyed by. Written as API Gateway writes them: {@code $request.header.Authorization},
 * {@code $request.querystring.token} (HTTP API), {@code method.request.header.Authorization} (REST API).
 */
public record IdentitySources(List<String> sources) {

    public IdentitySources {
        sources = List.copyOf(sources);
        for (String s : sources) {
            if (parse(s).isEmpty()) {
                throw new IllegalArgumentException("identity source " + s + " is not a header or query string; write "
                        + "$request.header.NAME or $request.querystring.NAME");
            }
        }
    }

    public static IdentitySources of(String... sources) {
        return new IdentitySources(List.of(sources));
    }

    public boolean isEmpty() {
        return sources.isEmpty();
    }

    /** The value of each source in order; empty when one is missing or blank (API Gateway then answers 401). */
    public Optional<List<String>> values(PolicyRequest request) {
        List<String> values = new ArrayList<>();
        for (String s : sources) {
            Source source = parse(s).orElseThrow();
            Optional<String> value = source.header() ? request.header(source.name()) : request.queryParameter(source.name());
            if (value.isEmpty() || value.get().isBlank()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of(values);
    }

    private record Source(boolean header, String name) {
    }

    private static Optional<Source> parse(String source) {
        String s = source.trim();
        for (String prefix : List.of("$request.", "method.request.")) {
            if (s.startsWith(prefix)) {
                String rest = s.substring(prefix.length());
                String lower = rest.toLowerCase(Locale.ROOT);
                if (lower.startsWith("header.")) {
                    return Optional.of(new Source(true, rest.substring(7)));
                }
                if (lower.startsWith("querystring.")) {
                    return Optional.of(new Source(false, rest.substring(12)));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return String.join(", ", sources);
    }
}
