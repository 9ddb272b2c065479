package dev.localfaas.runtime.trigger.pattern;

/**
 * The three dialects one matcher serves. SNS filter policies and EventBridge event patterns share their shape (keys
 * map to arrays of values or operator objects; keys AND, array entries OR) and most operators; where they differ the
 * difference is written here, once, and {@link PatternParser} asks.
 *
 * <table>
 *   <caption>differences</caption>
 *   <tr><th></th><th>SNS attributes</th><th>SNS body</th><th>EventBridge</th></tr>
 *   <tr><td>nested keys</td><td>no (flat attribute names)</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>{@code wildcard}, anything-but with suffix / wildcard / equals-ignore-case,
 *       prefix / suffix with equals-ignore-case</td><td>no</td><td>no</td><td>yes</td></tr>
 *   <tr><td>at most 5 keys, at most 150 value combinations</td><td>yes</td><td>yes</td><td>no</td></tr>
 *   <tr><td>numeric precision (decimal places)</td><td>5</td><td>5</td><td>6</td></tr>
 * </table>
 */
public enum PatternGrammar {
    SNS_MESSAGE_ATTRIBUTES("filter policy", false, false, true, 5),
    SNS_MESSAGE_BODY("filter policy", true, false, true, 5),
    EVENTBRIDGE("event pattern", true, true, false, 6);

    /** SNS quotas on a filter policy (subscription-filter-policy-constraints). */
    static final int SNS_MAX_KEYS = 5;
    static final int SNS_MAX_COMBINATIONS = 150;
    /** Both services take numbers between -1e9 and 1e9. */
    static final double NUMERIC_LIMIT = 1e9;

    private final String noun;
    private final boolean nested;
    private final boolean eventBridgeOperators;
    private final boolean snsQuotas;
    private final int decimals;

    PatternGrammar(String noun, boolean nested, boolean eventBridgeOperators, boolean snsQuotas, int decimals) {
        this.noun = noun;
        this.nested = nested;
        this.eventBridgeOperators = eventBridgeOperators;
        this.snsQuotas = snsQuotas;
        this.decimals = decimals;
    }

    /** "filter policy" or "event pattern", for messages. */
    public String noun() {
        return noun;
    }

    boolean allowsNestedKeys() {
        return nested;
    }

    /** wildcard; anything-but with suffix, wildcard or equals-ignore-case; prefix and suffix ignoring case. */
    boolean allowsEventBridgeOperators() {
        return eventBridgeOperators;
    }

    boolean hasSnsQuotas() {
        return snsQuotas;
    }

    int decimals() {
        return decimals;
    }
}
