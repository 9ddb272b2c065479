package dev.localfaas.runtime.metering;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One cloud offering in the price book: its rates in its own units, how it rounds, where the figures come from.
 *
 * @param isDefault     shown when the user names no provider
 * @param read          when the figures were read from the source
 * @param monthlyFee    a plan's fixed monthly charge (Cloudflare Workers Paid), billed on top of usage
 * @param vcpuPerMemory the vCPU allocated with each memory size, for providers that bill vCPU-seconds
 * @param group         what {@code --provider} groups it under: aws, azure, google, cloudflare, vercel, container
 * @param container     for an always-on container, its hours and sizes; null for a FaaS offering
 * @param definition    the provider's entry as it was read, echoed into JSON reports
 */
public record Provider(String id, String name, boolean isDefault, String region, String source, String read,
        String notes, BillingRules billing, BigDecimal monthlyFee, List<Rate> rates, List<CpuStep> vcpuPerMemory,
        String group, ContainerSpec container, JsonNode definition) {

    public Provider {
        rates = List.copyOf(rates);
        vcpuPerMemory = List.copyOf(vcpuPerMemory);
    }

    public Optional<Rate> rate(Unit unit) {
        return rates.stream().filter(r -> r.unit() == unit).findFirst();
    }

    /** Whether this is an always-on container rather than a FaaS offering billed per invocation. */
    public boolean isContainer() {
        return container != null;
    }

    /** The request rate; the price book guarantees one for every FaaS provider. */
    public Rate requestRate() {
        return rate(Unit.REQUESTS).orElseThrow();
    }

    /** The rates that make up the compute charge, in price book order. */
    public List<Rate> computeRates() {
        return rates.stream().filter(r -> r.unit().charge() == Unit.Charge.COMPUTE).toList();
    }

    /**
     * The vCPU step a function with this memory is billed at: the smallest size that holds it, else the largest
     * (a provider only offers these sizes, so a function between two of them would be configured with the next).
     */
    public CpuStep cpuStepFor(int memoryMb) {
        return vcpuPerMemory.stream().filter(s -> s.memoryMb() >= memoryMb).findFirst()
                .orElse(vcpuPerMemory.get(vcpuPerMemory.size() - 1));
    }
}
