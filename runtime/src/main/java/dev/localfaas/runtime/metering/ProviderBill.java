package dev.localfaas.runtime.metering;

import java.util.List;
import java.util.Map;

/**
 * What one provider charges for a report's functions, before and after the monthly free tier, with the arithmetic.
 *
 * @param before          per function, no free tier
 * @param after           per function, its share of the account's bill after the free tier (see docs/metering.md)
 * @param lines           per function, the arithmetic of {@code before}
 * @param totalLines      the arithmetic of {@code totalBefore}
 * @param freeTierLines   how the free tier turns {@code totalBefore} into {@code totalAfter}
 * @param ran             the invocations billed (throttled requests are not)
 * @param measuredMemory  of those, how many were billed on the memory they were measured to use (a provider that
 *                        bills observed memory, records from process isolation); 0 everywhere else
 */
public record ProviderBill(Provider provider, Map<String, Cost> before, Map<String, Cost> after, Cost totalBefore,
        Cost totalAfter, Map<String, List<String>> lines, List<String> totalLines, List<String> freeTierLines,
        long ran, long measuredMemory) {

    /** A bill that is not per invocation (an always-on container): no invocation is billed on its memory. */
    public ProviderBill(Provider provider, Map<String, Cost> before, Map<String, Cost> after, Cost totalBefore,
            Cost totalAfter, Map<String, List<String>> lines, List<String> totalLines, List<String> freeTierLines) {
        this(provider, before, after, totalBefore, totalAfter, lines, totalLines, freeTierLines, 0, 0);
    }
}
