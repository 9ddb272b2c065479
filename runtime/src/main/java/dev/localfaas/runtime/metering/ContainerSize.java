package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.util.Optional;

/** A container's vCPU and memory, as a task definition gives them (Fargate: 1 vCPU with 2 GB). */
public record ContainerSize(BigDecimal vcpu, BigDecimal memoryGb) {

    /** Reads {@code VCPU:GB}, e.g. {@code 1:2} or {@code 0.25:0.5}; empty when it is not that. */
    public static Optional<ContainerSize> parse(String text) {
        String[] parts = text.trim().split(":");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            BigDecimal vcpu = new BigDecimal(parts[0].trim());
            BigDecimal gb = new BigDecimal(parts[1].trim());
            return vcpu.signum() > 0 && gb.signum() > 0 ? Optional.of(new ContainerSize(vcpu, gb)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return Amounts.quantity(vcpu) + " vCPU, " + Amounts.quantity(memoryGb) + " GB";
    }
}
