package dev.localfaas.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Consumes Kafka topics as a Lambda Kafka event source mapping does: batches of records, per partition in order,
 * delivered as Lambda's Kafka event ({@code KafkaEvent} of aws-lambda-java-events), offsets committed after the batch
 * succeeded.
 *
 * <p><b>On AWS</b> this is an event source mapping for self-managed Kafka or MSK (SAM: a {@code SelfManagedKafka} or
 * {@code MSK} event). <b>Here</b> {@code faas run} polls the brokers itself with Apache's Kafka client; see
 * docs/kafka.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(KafkaTriggers.class)
public @interface KafkaTrigger {

    /** Topics to consume (Lambda takes one per mapping). */
    String[] topics();

    /** {@code host:port,...}; empty for the brokers given by {@code faas run --kafka}. */
    String bootstrapServers() default "";

    /** {@code TRIM_HORIZON} (from the oldest record, the default), {@code LATEST} or {@code AT_TIMESTAMP}. */
    String startingPosition() default "TRIM_HORIZON";

    /** Epoch seconds for {@code AT_TIMESTAMP}. */
    long startingPositionTimestamp() default 0;

    /** Records per invocation at most: 1 to 10000. */
    int batchSize() default 100;

    /** Seconds to gather records before a batch that is not full is sent: 0 to 300 (default 0.5 s, as Lambda). */
    int maximumBatchingWindowInSeconds() default -1;

    /** Consumer group; empty for {@code localfaas-<function>}. */
    String consumerGroupId() default "";

    /** Filter criteria patterns, e.g. {@code {"value": {"type": ["order"]}}}; a record passes when one matches. */
    String[] filters() default {};

    /** Where a batch goes after its retries: {@code queue:NAME} or {@code topic:NAME}; empty for none. */
    String onFailure() default "";

    /** Retries of a failed batch, 0 to 10000; -1 (the default, as Lambda) retries until the batch succeeds. */
    int maximumRetryAttempts() default -1;

    /** Records older than this many seconds are not retried: 60 to 604800; -1 for no limit. */
    int maximumRecordAgeInSeconds() default -1;

    /** Split a failed batch in two and retry each half (finds the poison record). */
    boolean bisectBatchOnFunctionError() default false;
}
