package dev.localfaas.runtime.metering;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a rate is charged per. {@link #id()} is the spelling in the price book; {@link #charge()} says which part of
 * the bill it belongs to, {@link #label()} how the bill names a service line.
 */
public enum Unit {
    REQUESTS("requests", "", Charge.REQUESTS, "requests"),
    GB_SECONDS("GB-s", "GB", Charge.COMPUTE, "compute"),
    GIB_SECONDS("GiB-s", "GiB", Charge.COMPUTE, "compute"),
    VCPU_SECONDS("vCPU-s", "vCPU", Charge.COMPUTE, "compute"),
    CPU_MS("CPU-ms", "", Charge.COMPUTE, "CPU time"),
    /** CPU time in hours (Vercel's Active CPU). */
    CPU_HOURS("CPU-h", "", Charge.COMPUTE, "active CPU"),
    /** Memory held while invocations run, in GB-hours (Vercel's provisioned memory), or a container's memory. */
    GB_HOURS("GB-h", "GB", Charge.COMPUTE, "memory"),
    /** An always-on container's vCPU for the month. */
    VCPU_HOURS("vCPU-h", "vCPU", Charge.COMPUTE, "vCPU"),
    HTTP_API_REQUESTS("http-api-requests", "", Charge.SERVICES, "API Gateway HTTP API"),
    REST_API_REQUESTS("rest-api-requests", "", Charge.SERVICES, "API Gateway REST API"),
    SQS_REQUESTS("sqs-requests", "", Charge.SERVICES, "SQS requests"),
    SNS_REQUESTS("sns-requests", "", Charge.SERVICES, "SNS publishes"),
    EVENTBRIDGE_EVENTS("eventbridge-events", "", Charge.SERVICES, "EventBridge events"),
    SCHEDULER_INVOCATIONS("scheduler-invocations", "", Charge.SERVICES, "EventBridge Scheduler"),
    /** Gigabytes (of 1,024^3 bytes) of Kafka events delivered to functions, as an MSK Serverless cluster bills reads. */
    MSK_DATA_OUT_GB("msk-data-out-GB", "", Charge.SERVICES, "MSK Serverless data out");

    /** The part of a bill a unit's charge is added to. */
    public enum Charge { REQUESTS, COMPUTE, SERVICES }

    private final String id;
    private final String sizeUnit;
    private final Charge charge;
    private final String label;

    Unit(String id, String sizeUnit, Charge charge, String label) {
        this.id = id;
        this.sizeUnit = sizeUnit;
        this.charge = charge;
        this.label = label;
    }

    public String id() {
        return id;
    }

    /** The unit of the size that multiplies time ({@code GB} in GB-s), or "" when time alone is billed. */
    String sizeUnit() {
        return sizeUnit;
    }

    public Charge charge() {
        return charge;
    }

    /** What a bill calls this line: "API Gateway HTTP API", "compute". */
    public String label() {
        return label;
    }

    public boolean isRequests() {
        return this == REQUESTS;
    }

    /** Whether the charge is for time the provider measures in CPU rather than wall-clock time. */
    public boolean isCpuTime() {
        return this == CPU_MS || this == CPU_HOURS;
    }

    public static Optional<Unit> byId(String id) {
        return Arrays.stream(values()).filter(u -> u.id.equals(id)).findFirst();
    }

    static String ids() {
        return Arrays.stream(values()).map(Unit::id).collect(Collectors.joining(", "));
    }
}
