package dev.localfaas.runtime.metering;

import java.math.BigDecimal;

/**
 * A charge in US dollars, exact.
 *
 * @param requests the request charge
 * @param compute  the compute charge (duration, vCPU, memory or CPU time, in the provider's units)
 * @param fee      a plan's fixed monthly fee; only ever in the account total after the free tier
 */
public record Cost(BigDecimal requests, BigDecimal compute, BigDecimal fee) {

    public static final Cost ZERO = new Cost(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public BigDecimal total() {
        return requests.add(compute).add(fee);
    }

    Cost plusRequests(BigDecimal amount) {
        return new Cost(requests.add(amount), compute, fee);
    }

    Cost plusCompute(BigDecimal amount) {
        return new Cost(requests, compute.add(amount), fee);
    }

    Cost withFee(BigDecimal amount) {
        return new Cost(requests, compute, amount);
    }
}
