package dev.localfaas.cli;

import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.HttpRoute;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code faas run --payload-format}: {@code 1.0} or {@code 2.0} for every function, or {@code NAME=1.0} for one
 * (repeatable; a named choice beats the global one). It overrides what the JAR declares or the gateway would infer,
 * on every HTTP route of the function, its default routes included.
 */
record PayloadFormatChoice(Optional<String> all, Map<String, String> perFunction) {

    static final PayloadFormatChoice NONE = new PayloadFormatChoice(Optional.empty(), Map.of());

    static PayloadFormatChoice parse(List<String> values) {
        if (values == null || values.isEmpty()) {
            return NONE;
        }
        String all = null;
        Map<String, String> perFunction = new HashMap<>();
        for (String value : values) {
            int eq = value.lastIndexOf('=');
            String format = value.substring(eq + 1).trim();
            if (!HttpRoute.PAYLOAD_FORMATS.contains(format) || eq == 0) {
                throw CliException.usage("--payload-format " + value + " is not a payload format; use 1.0 (REST API)"
                        + " or 2.0 (HTTP API), for one function as NAME=1.0");
            }
            if (eq < 0) {
                all = format;
            } else {
                perFunction.put(value.substring(0, eq).trim(), format);
            }
        }
        return new PayloadFormatChoice(Optional.ofNullable(all), Map.copyOf(perFunction));
    }

    /** {@code f} with the chosen format on each of its HTTP routes; unchanged when none is chosen for it. */
    FunctionSpec apply(FunctionSpec f) {
        String format = perFunction.getOrDefault(f.name(), all.orElse(null));
        if (format == null) {
            return f;
        }
        boolean noTrigger = f.httpRoutes().isEmpty() && f.schedules().isEmpty() && f.queues().isEmpty()
                && f.events().isEmpty();
        List<HttpRoute> routes = (noTrigger ? HttpRoute.defaults(f.name()) : f.httpRoutes()).stream()
                .map(r -> r.withPayloadFormat(format)).toList();
        return f.withHttpRoutes(routes);
    }
}
