package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.util.List;

/**
 * How an always-on container is priced: billed every hour of the month whatever the traffic, in one of the sizes
 * the provider offers, from smallest to largest.
 */
public record ContainerSpec(BigDecimal hoursPerMonth, List<ContainerSize> sizes) {
    public ContainerSpec {
        sizes = List.copyOf(sizes);
    }
}
