package dev.localfaas.runtime.trigger.kafka;

import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.KafkaTriggerSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Runs one batch to its end as Lambda's Kafka poller does: invoke; on an error retry with a growing wait, splitting
 * the batch in two first when {@code BisectBatchOnFunctionError} is on (a split is not a retry); when the retries or
 * the record age are used up, send the batch's record to the on-failure destination and skip it. With neither limit
 * set a batch is retried until it succeeds, as on Lambda.
 */
final class BatchDelivery {

    /** How a batch ended: delivered (or skipped after its retries), or abandoned because the trigger stopped. */
    enum Result { DONE, STOPPED }

    private final FunctionSpec function;
    private final KafkaTriggerSpec spec;
    private final FunctionInvoker invoker;
    private final KafkaEventEncoder encoder;
    private final FailureRecord failureRecord;
    private final FailureSink failures;
    private final KafkaSettings settings;
    private final KafkaCounters counters;
    private final Consumer<String> notices;
    private final CountDownLatch stopped;

    BatchDelivery(FunctionSpec function, KafkaTriggerSpec spec, FunctionInvoker invoker, KafkaEventEncoder encoder,
                  FailureRecord failureRecord, FailureSink failures, KafkaSettings settings, KafkaCounters counters,
                  Consumer<String> notices, CountDownLatch stopped) {
        this.function = function;
        this.spec = spec;
        this.invoker = invoker;
        this.encoder = encoder;
        this.failureRecord = failureRecord;
        this.failures = failures;
        this.settings = settings;
        this.counters = counters;
        this.notices = notices;
        this.stopped = stopped;
    }

    Result deliver(List<ConsumerRecord<byte[], byte[]>> batch) {
        int failed = 0;
        while (true) {
            InvocationResult result = invoke(batch);
            if (result != null && !result.failed()) {
                counters.delivered(batch.size());
                return Result.DONE;
            }
            failed++;
            counters.failedInvocation();
            if (spec.bisectBatchOnFunctionError() && batch.size() > 1) {
                int half = batch.size() / 2;
                return deliver(batch.subList(0, half)) == Result.STOPPED ? Result.STOPPED
                        : deliver(batch.subList(half, batch.size()));
            }
            String condition = exhausted(failed, batch);
            if (condition != null) {
                skip(batch, failed, condition, result);
                return Result.DONE;
            }
            if (waitBeforeRetry(failed)) {
                return Result.STOPPED;
            }
        }
    }

    private InvocationResult invoke(List<ConsumerRecord<byte[], byte[]>> batch) {
        try {
            return invoker.invoke(function.name(), Invocation.of(encoder.encode(batch),
                    Trigger.KAFKA, String.join(",", spec.topics())));
        } catch (RuntimeException e) {
            notices.accept(function.name() + ": cannot invoke for Kafka topics " + spec.topics() + ": " + e.getMessage());
            return null;
        }
    }

    /** Lambda's condition for giving up, or null to retry. */
    private String exhausted(int failed, List<ConsumerRecord<byte[], byte[]>> batch) {
        if (spec.maximumRetryAttempts() >= 0 && failed > spec.maximumRetryAttempts()) {
            return "RetryAttemptsExhausted";
        }
        if (spec.maximumRecordAgeSeconds() >= 0) {
            long oldest = batch.stream().mapToLong(r -> r.timestamp()).min().orElse(Long.MAX_VALUE);
            if (oldest < Instant.now().minusSeconds(spec.maximumRecordAgeSeconds()).toEpochMilli()) {
                return "RecordAgeExceeded";
            }
        }
        return null;
    }

    private void skip(List<ConsumerRecord<byte[], byte[]>> batch, int invokes, String condition, InvocationResult result) {
        counters.skipped(batch.size());
        String what = batch.size() + " record(s) of " + KafkaPoller.describeBatch(batch) + " after " + invokes
                + " invocation(s) (" + condition + ")";
        if (spec.onFailure().isBlank()) {
            notices.accept(function.name() + ": skipped " + what + "; no on-failure destination is set");
            return;
        }
        try {
            failures.send(spec.onFailure(), failureRecord.json(batch, invokes, condition, result));
            counters.sentToDestination(batch.size());
            notices.accept(function.name() + ": sent " + what + " to " + spec.onFailure());
        } catch (RuntimeException e) {
            notices.accept(function.name() + ": skipped " + what + "; the on-failure destination " + spec.onFailure()
                    + " refused it: " + e.getMessage());
        }
    }

    /** Waits before the next retry; true when the trigger stopped meanwhile. */
    private boolean waitBeforeRetry(int failed) {
        long wait = Math.min(settings.maxRetryWait().toMillis(),
                settings.firstRetry().toMillis() << Math.min(failed - 1, 20));
        try {
            return stopped.await(Duration.ofMillis(wait).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
