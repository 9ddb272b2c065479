package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The observed mix of functions, durations, memory sizes and cold starts, scaled to a month of
 * {@code monthlyRequests} requests.
 *
 * @param factor how many times the observed invocations the month holds
 */
public record Projection(long monthlyRequests, BigDecimal factor, List<Row> functions, Row total,
        Map<String, ProviderBill> bills) {

    /** One function's (or the total's) projected month. */
    public record Row(String name, BigDecimal requests, BigDecimal gbSeconds, Map<String, Cost> cost,
            Map<String, Cost> costAfterFreeTier) {
    }

    public Projection {
        functions = List.copyOf(functions);
        bills = Collections.unmodifiableMap(new LinkedHashMap<>(bills));
    }
}
