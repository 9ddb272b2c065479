package dev.localfaas.cli;

import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.Isolation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --isolation} of {@code faas run}, {@code faas invoke} and {@code faas dev}: {@code classloader} or
 * {@code process} for every Java function, or {@code NAME=process} for one (repeatable; a named choice beats the
 * global one, and both beat the template's {@code Metadata: localfaas: isolation}). Functions in other languages
 * always run in a process.
 */
record IsolationChoice(Optional<Isolation> all, Map<String, Isolation> perFunction) {

    static final IsolationChoice NONE = new IsolationChoice(Optional.empty(), Map.of());

    static IsolationChoice parse(List<String> values) {
        if (values == null || values.isEmpty()) {
            return NONE;
        }
        Isolation all = null;
        Map<String, Isolation> perFunction = new HashMap<>();
        for (String value : values) {
            int eq = value.lastIndexOf('=');
            Optional<Isolation> isolation = Isolation.parse(value.substring(eq + 1));
            if (isolation.isEmpty() || eq == 0) {
                throw CliException.usage("--isolation " + value + " is not an isolation; use classloader or process,"
                        + " for one function as NAME=process");
            }
            if (eq < 0) {
                all = isolation.get();
            } else {
                perFunction.put(value.substring(0, eq).trim(), isolation.get());
            }
        }
        return new IsolationChoice(Optional.ofNullable(all), Map.copyOf(perFunction));
    }

    /** {@code f} with the chosen isolation; unchanged when none is chosen for it. */
    FunctionSpec apply(FunctionSpec f) {
        Isolation chosen = perFunction.getOrDefault(f.name(), all.orElse(null));
        return chosen == null ? f : f.withRuntime(f.runtime().withIsolation(chosen));
    }
}
