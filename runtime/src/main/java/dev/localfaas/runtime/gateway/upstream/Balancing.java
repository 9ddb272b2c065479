package dev.localfaas.runtime.gateway.upstream;

import java.util.Arrays;
import java.util.Locale;

/** How an upstream spreads requests over its healthy targets. */
public enum Balancing {
    /** Smooth weighted round robin (nginx's): each target in turn, as often as its weight says. */
    ROUND_ROBIN("round-robin"),
    /** The target with the fewest requests in flight relative to its weight; ties go round robin. */
    LEAST_REQUESTS("least-requests");

    private final String id;

    Balancing(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Balancing parse(String text) {
        return Arrays.stream(values()).filter(b -> b.id.equals(text.trim().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("balance '" + text
                        + "' is not known; use round-robin or least-requests"));
    }
}
