package dev.localfaas.runtime.metering;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a rate is charged per. {@link #id()} is the spelling in the price book; requests are the request charge,
 * every other unit is part of the compute charge.
 */
public enum Unit {
    REQUESTS("requests", ""),
    GB_SECONDS("GB-s", "GB"),
    GIB_SECONDS("GiB-s", "GiB"),
    VCPU_SECONDS("vCPU-s", "vCPU"),
    CPU_MS("CPU-ms", "");

    private final String id;
    private final String sizeUnit;

    Unit(String id, String sizeUnit) {
        this.id = id;
        this.sizeUnit = sizeUnit;
    }

    public String id() {
        return id;
    }

    /** The unit of the size that multiplies time ({@code GB} in GB-s), or "" when time alone is billed. */
    String sizeUnit() {
        return sizeUnit;
    }

    public boolean isRequests() {
        return this == REQUESTS;
    }

    public static Optional<Unit> byId(String id) {
        return Arrays.stream(values()).filter(u -> u.id.equals(id)).findFirst();
    }

    static String ids() {
        return Arrays.stream(values()).map(Unit::id).collect(Collectors.joining(", "));
    }
}
