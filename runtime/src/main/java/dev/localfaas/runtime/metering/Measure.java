package dev.localfaas.runtime.metering;

/**
 * What a meter counts for one provider, invocation by invocation, before prices. Every value is a whole number, so
 * that millions of records add up in {@code long}s; time already rounded the provider's way.
 */
enum Measure {
    /** Invocations that ran. */
    COUNT,
    /** Wall-clock milliseconds billed: the provider's rounding and minimum applied to each invocation. */
    BILLABLE_MS,
    /** Wall-clock microseconds as measured, before rounding: what the minimums and rounding are compared with. */
    MEASURED_US,
    /**
     * CPU milliseconds billed, each measured invocation rounded up to 1 ms; for the others, their handler time times
     * the CPU share of the measured ones (warm invocations are sampled), or their wall time when none was measured.
     */
    CPU_MS,
    /** Invocations whose CPU time was not measured and was estimated (or stood in for by wall time). */
    CPU_STAND_INS,
    /** API Gateway HTTP API requests: HTTP calls in payload format 2.0, metered per 512 KB. */
    HTTP_API_REQUESTS,
    /** API Gateway REST API requests: HTTP calls in payload format 1.0. */
    REST_API_REQUESTS,
    /** SQS requests: per queue delivery, one ReceiveMessage per 64 KB of the batch and one DeleteMessageBatch. */
    SQS_REQUESTS,
    /** SNS publishes, per 64 KB, for topic-triggered calls. */
    SNS_REQUESTS,
    /** EventBridge custom events, per 64 KB, for bus-triggered calls. */
    EVENTBRIDGE_EVENTS,
    /** EventBridge Scheduler invocations, for schedule-triggered calls. */
    SCHEDULER_INVOCATIONS,
    /**
     * Invocations billed on the memory they were measured to use (a provider that bills observed memory, a record with
     * {@code maxMemoryUsedMb} from process isolation) rather than on the configured memory.
     */
    MEASURED_MEMORY,
    /** Bytes of the Kafka events of Kafka-triggered calls (what the event source mapping read, base64 and all). */
    KAFKA_EVENT_BYTES
}
