package dev.localfaas.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Consumes a queue: the function is invoked with batches of messages.
 *
 * <p><b>On AWS</b> this is an SQS queue with a Lambda event source mapping, delivering the SQS event JSON
 * ({@code Records}). <b>Here</b> the queue is embedded in {@code faas run}, kept in SQLite under {@code .faas/},
 * with the same batching, visibility timeout, retries, partial batch failures and dead-letter queue.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface QueueTrigger {

    /** Queue name; created on first use. */
    String queue();

    /** Most messages per invocation (1 to 10,000; over 10 needs a batching window), as the mapping's BatchSize. */
    int batchSize() default 10;

    /** Seconds to gather a batch before invoking (MaximumBatchingWindowInSeconds, 0 to 300). */
    int maxBatchingWindowSeconds() default 0;

    /** Receives before a message moves to the dead-letter queue (the redrive policy's maxReceiveCount); 0 means never. */
    int maxReceiveCount() default 0;

    /** Dead-letter queue name; empty for none. */
    String deadLetterQueue() default "";

    /** Seconds a received message stays invisible before it is delivered again (VisibilityTimeout). */
    int visibilityTimeoutSeconds() default 30;
}
