package dev.localfaas.runtime.trigger.kafka;

import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.KafkaTriggerSpec;
import dev.localfaas.runtime.trigger.delivery.Workers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every Kafka trigger of the loaded functions, each a {@link KafkaPoller}. {@link #start} refuses bad triggers as
 * CreateEventSourceMapping does; {@link #update} (hot reload) keeps pollers whose function and trigger did not change.
 *
 * <pre>{@code
 * KafkaTriggers kafka = new KafkaTriggers(faas, FailureSink.of(queues, topics),
 *         KafkaSettings.defaults("127.0.0.1:9092", region, account), System.err::println);
 * kafka.start(faas.functions());        // KafkaTriggerException: one line per problem
 * gateway.mount(KafkaEndpoint.PREFIX, new KafkaEndpoint(kafka::triggers));
 * kafka.close();
 * }</pre>
 */
public final class KafkaTriggers implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    /** What makes a poller the same across a reload. */
    private record Key(String function, KafkaTriggerSpec spec, int timeoutSeconds) {
    }

    private final FunctionInvoker invoker;
    private final FailureSink failures;
    private final KafkaSettings settings;
    private final Consumer<String> notices;
    private final Workers<Key, KafkaPoller> running;
    private boolean closed;

    public KafkaTriggers(FunctionInvoker invoker, FailureSink failures, KafkaSettings settings, Consumer<String> notices) {
        this.invoker = invoker;
        this.failures = failures;
        this.settings = settings;
        this.notices = notices;
        this.running = new Workers<>(STOP_GRACE, p -> notices.accept(p.info().function()
                + ": a Kafka batch was still running at stop; its offsets are not committed, so it is delivered again"));
    }

    /** Every problem of every enabled Kafka trigger of these functions. */
    public List<String> check(Collection<FunctionSpec> functions) {
        List<String> problems = new ArrayList<>();
        for (FunctionSpec f : functions) {
            for (KafkaTriggerSpec k : f.events().kafka()) {
                if (k.enabled()) {
                    problems.addAll(KafkaTriggerRules.check(f, k, settings.defaultServers()));
                }
            }
        }
        return problems;
    }

    /**
     * Starts a poller per enabled Kafka trigger, or none when one is bad.
     *
     * @throws KafkaTriggerException one line per problem
     */
    public synchronized void start(Collection<FunctionSpec> functions) {
        List<String> problems = check(functions);
        if (!problems.isEmpty()) {
            throw new KafkaTriggerException(problems);
        }
        update(functions);
    }

    /** Makes the running pollers match these functions; bad triggers are skipped and returned as problems. */
    public synchronized List<String> update(Collection<FunctionSpec> functions) {
        if (closed) {
            throw new IllegalStateException("Kafka triggers are closed");
        }
        List<String> problems = new ArrayList<>();
        Map<Key, FunctionSpec> wanted = new LinkedHashMap<>();
        for (FunctionSpec f : functions) {
            for (KafkaTriggerSpec k : f.events().kafka()) {
                List<String> own = k.enabled() ? KafkaTriggerRules.check(f, k, settings.defaultServers()) : List.of();
                problems.addAll(own);
                if (k.enabled() && own.isEmpty()) {
                    wanted.put(new Key(f.name(), k, f.timeoutSeconds()), f);
                }
            }
        }
        running.match(wanted, (f, k) -> new KafkaPoller(f, k.spec(), invoker, failures, settings, notices));
        return problems;
    }

    /** The triggers running now, with the partitions this instance owns. */
    public synchronized List<KafkaTriggerInfo> triggers() {
        return running.all().stream().map(KafkaPoller::info).toList();
    }

    /** Stops every poller; batches in flight finish and are committed. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running.stopAll();
    }
}
