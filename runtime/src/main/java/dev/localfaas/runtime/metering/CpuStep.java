package dev.localfaas.runtime.metering;

import java.math.BigDecimal;

/** A memory size and the vCPU a provider allocates with it (Google allocates CPU by memory size). */
public record CpuStep(int memoryMb, BigDecimal vcpu) {
}
