package dev.localfaas.runtime.metering;

import java.math.BigDecimal;

/**
 * A charge in US dollars, exact.
 *
 * @param requests the request charge
 * @param compute  the compute charge (duration, vCPU, memory or CPU time, in the provider's units)
 * @param services what the services around the functions charge: API Gateway, SQS, SNS, EventBridge
 * @param fee      a plan's fixed monthly fee; only ever in the account total after the free tier
 */
public record Cost(BigDecimal requests, BigDecimal compute, BigDecimal services, BigDecimal fee) {

    public static final Cost ZERO = new Cost(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public BigDecimal total() {
        return requests.add(compute).add(services).add(fee);
    }

    /** This cost with {@code amount} added to the part {@code unit} is charged to. */
    Cost plus(Unit unit, BigDecimal amount) {
        return switch (unit.charge()) {
            case REQUESTS -> new Cost(requests.add(amount), compute, services, fee);
            case COMPUTE -> new Cost(requests, compute.add(amount), services, fee);
            case SERVICES -> new Cost(requests, compute, services.add(amount), fee);
        };
    }

    Cost plus(Cost other) {
        return new Cost(requests.add(other.requests), compute.add(other.compute), services.add(other.services),
                fee.add(other.fee));
    }

    Cost withFee(BigDecimal amount) {
        return new Cost(requests, compute, services, amount);
    }
}
