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
 */
public record ProviderBill(Provider provider, Map<String, Cost> before, Map<String, Cost> after, Cost totalBefore,
        Cost totalAfter, Map<String, List<String>> lines, List<String> totalLines, List<String> freeTierLines) {
}
