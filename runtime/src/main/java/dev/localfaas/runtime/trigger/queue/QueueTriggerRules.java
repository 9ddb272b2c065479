package dev.localfaas.runtime.trigger.queue;

import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.QueueSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The checks CreateEventSourceMapping and SQS make on a queue trigger, as one-line problems. */
public final class QueueTriggerRules {
    private QueueTriggerRules() {
    }

    /** The dead-letter queue a trigger names, if any ("" and null mean none). */
    public static Optional<String> deadLetterQueue(QueueSpec spec) {
        return spec.deadLetterQueue() == null || spec.deadLetterQueue().isBlank()
                ? Optional.empty() : Optional.of(spec.deadLetterQueue());
    }

    /** Every problem with every queue trigger of these functions, including two triggers that disagree on a queue. */
    public static List<String> check(Collection<FunctionSpec> functions) {
        List<String> problems = new ArrayList<>();
        Map<String, String> redriveByQueue = new HashMap<>();
        Map<String, String> declaredBy = new HashMap<>();
        for (FunctionSpec f : functions) {
            for (QueueSpec q : f.queues()) {
                List<String> own = check(f, q);
                problems.addAll(own);
                if (!own.isEmpty()) {
                    continue;
                }
                String redrive = deadLetterQueue(q).map(d -> d + " after " + q.maxReceiveCount() + " receives")
                        .orElse("no dead-letter queue");
                String earlier = redriveByQueue.putIfAbsent(q.queue(), redrive);
                if (earlier != null && !earlier.equals(redrive)) {
                    problems.add(prefix(f, q) + "declares " + redrive + " but " + declaredBy.get(q.queue())
                            + " declares " + earlier + "; a queue has one redrive policy, so make them agree");
                }
                declaredBy.putIfAbsent(q.queue(), f.name());
            }
        }
        return problems;
    }

    /** The problems with one trigger of one function. */
    public static List<String> check(FunctionSpec f, QueueSpec q) {
        List<String> p = new ArrayList<>();
        String at = prefix(f, q);
        String name = QueueNames.problem(q.queue());
        if (name != null) {
            p.add(f.name() + ": " + name);
            return p;
        }
        if (q.batchSize() < 1 || q.batchSize() > 10_000) {
            p.add(at + "batchSize " + q.batchSize() + " is out of range; use 1 to 10000");
        }
        if (q.maxBatchingWindowSeconds() < 0 || q.maxBatchingWindowSeconds() > 300) {
            p.add(at + "maxBatchingWindowSeconds " + q.maxBatchingWindowSeconds() + " is out of range; use 0 to 300");
        } else if (q.batchSize() > 10 && q.maxBatchingWindowSeconds() < 1) {
            p.add(at + "batchSize " + q.batchSize() + " needs maxBatchingWindowSeconds of at least 1, as on AWS;"
                    + " set a batching window or use a batchSize of 10 or less");
        }
        if (q.visibilityTimeoutSeconds() < 0 || q.visibilityTimeoutSeconds() > 43_200) {
            p.add(at + "visibilityTimeoutSeconds " + q.visibilityTimeoutSeconds() + " is out of range; use 0 to 43200");
        } else if (q.visibilityTimeoutSeconds() < f.timeoutSeconds()) {
            p.add(at + "Queue visibility timeout: " + q.visibilityTimeoutSeconds() + " seconds is less than Function timeout: "
                    + f.timeoutSeconds() + " seconds; set visibilityTimeoutSeconds to at least " + f.timeoutSeconds()
                    + " (AWS recommends 6 times the timeout, " + 6 * f.timeoutSeconds() + ")");
        }
        Optional<String> dlq = deadLetterQueue(q);
        if (q.maxReceiveCount() < 0 || q.maxReceiveCount() > 1000) {
            p.add(at + "maxReceiveCount " + q.maxReceiveCount() + " is out of range; use 1 to 1000, or 0 for no dead-letter queue");
        } else if (dlq.isPresent() && q.maxReceiveCount() == 0) {
            p.add(at + "deadLetterQueue " + dlq.get() + " needs a maxReceiveCount of 1 to 1000 (AWS recommends at least 5)");
        } else if (dlq.isEmpty() && q.maxReceiveCount() > 0) {
            p.add(at + "maxReceiveCount " + q.maxReceiveCount() + " needs a deadLetterQueue to move messages to;"
                    + " name one, or set maxReceiveCount = 0 to retry until a message succeeds");
        }
        if (dlq.isPresent()) {
            String dlqName = QueueNames.problem(dlq.get());
            if (dlqName != null) {
                p.add(at + "deadLetterQueue: " + dlqName);
            } else if (dlq.get().equals(q.queue())) {
                p.add(at + "deadLetterQueue is the queue itself; name a different queue, such as " + q.queue() + "-dlq");
            }
        }
        return p;
    }

    private static String prefix(FunctionSpec f, QueueSpec q) {
        return f.name() + ": @QueueTrigger(queue = \"" + q.queue() + "\"): ";
    }
}
