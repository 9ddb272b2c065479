package dev.localfaas.runtime.execution;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * An environment's variables plus {@code _X_AMZN_TRACE_ID} for one invocation, without copying the map: the lookups
 * a handler makes ({@code System.getenv(name)}) answer from the one extra entry or the shared map.
 */
final class TraceVariables extends AbstractMap<String, String> {

    static final String NAME = "_X_AMZN_TRACE_ID";

    private final Map<String, String> variables;
    private final String header;

    TraceVariables(Map<String, String> variables, String header) {
        this.variables = variables;
        this.header = header;
    }

    @Override
    public String get(Object key) {
        return NAME.equals(key) ? header : variables.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return NAME.equals(key) || variables.containsKey(key);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        Map<String, String> all = new HashMap<>(variables);
        all.put(NAME, header);
        return all.entrySet();
    }
}
