package dev.localfaas.runtime.trigger.queue;

import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.QueueSpec;
import dev.localfaas.runtime.trigger.delivery.Workers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every queue trigger of the loaded functions, each running as a {@link QueueConsumer}. {@link #start} refuses a bad
 * trigger, as creating an event source mapping does; {@link #update} is for hot reload: it keeps consumers whose
 * function and trigger did not change, stops the others cleanly (in-flight batches finish) and starts the new ones.
 */
public final class QueueConsumers implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    /** What makes a consumer the same across a reload: changing any of it restarts the consumer. */
    private record Key(String function, QueueSpec spec, int timeoutSeconds, int concurrency) {
        static Key of(FunctionSpec f, QueueSpec q) {
            return new Key(f.name(), q, f.timeoutSeconds(), f.concurrency());
        }
    }

    private final QueueBackend backend;
    private final FunctionInvoker invoker;
    private final QueueSettings settings;
    private final Consumer<String> notices;
    private final Workers<Key, QueueConsumer> running;
    private boolean closed;

    /**
     * @param notices receives one-line reports worth showing the user: dead-lettered messages, unusable batch
     *                responses, store failures
     */
    public QueueConsumers(QueueBackend backend, FunctionInvoker invoker, QueueSettings settings, Consumer<String> notices) {
        this.backend = backend;
        this.invoker = invoker;
        this.settings = settings;
        this.notices = notices;
        this.running = new Workers<>(STOP_GRACE, c -> notices.accept(
                c.info().function() + ": a batch of queue " + c.info().queue() + " was still running at stop;"
                        + " its messages reappear after the visibility timeout"));
    }

    /**
     * Starts a consumer for every queue trigger, or none when any trigger is invalid.
     *
     * @throws QueueTriggerException listing every problem, one line each
     */
    public synchronized void start(Collection<FunctionSpec> functions) {
        List<String> problems = QueueTriggerRules.check(functions);
        if (!problems.isEmpty()) {
            throw new QueueTriggerException(problems);
        }
        update(functions);
    }

    /**
     * Makes the running consumers match these functions. Invalid triggers are skipped and returned as problems; the
     * rest run.
     */
    public synchronized List<String> update(Collection<FunctionSpec> functions) {
        if (closed) {
            throw new IllegalStateException("queue consumers are closed");
        }
        List<String> problems = new ArrayList<>();
        Map<Key, FunctionSpec> wanted = new LinkedHashMap<>();
        Set<String> badFunctions = new HashSet<>();
        for (String problem : QueueTriggerRules.check(functions)) {
            problems.add(problem);
            badFunctions.add(problem.substring(0, problem.indexOf(':')));
        }
        for (FunctionSpec f : functions) {
            for (QueueSpec q : f.queues()) {
                if (!badFunctions.contains(f.name())) {
                    wanted.put(Key.of(f, q), f);
                }
            }
        }
        running.match(wanted, (f, k) -> new QueueConsumer(f, k.spec(), backend, invoker, settings, notices));
        return problems;
    }

    /** The consumers running now, with their counters. */
    public synchronized List<ConsumerInfo> consumers() {
        return running.all().stream().map(QueueConsumer::info).toList();
    }

    /** Stops every consumer, letting batches in flight finish. Close this before the backend. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running.stopAll();
    }
}
