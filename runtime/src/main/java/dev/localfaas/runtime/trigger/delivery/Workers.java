package dev.localfaas.runtime.trigger.delivery;

import dev.localfaas.runtime.function.FunctionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The running workers of one trigger source (queue consumers, Kafka pollers), keyed by what each serves, made to
 * match what the loaded functions want. The order is the point: workers no longer wanted are stopped and their
 * batches awaited before new ones start, so a trigger whose settings changed never has its old and its new worker
 * consuming at once. Not thread-safe: its owner guards it.
 *
 * @param <K> what a worker serves (function, trigger settings): a changed key is a new worker
 * @param <W> the worker
 */
public final class Workers<K, W extends Workers.Worker> {

    /** One running worker. */
    public interface Worker {
        void start();

        /** Stops taking new work; what runs now finishes. */
        void stop();

        /** Waits for the work running at {@link #stop()}, up to its function's timeout and {@code grace}. */
        boolean awaitStopped(Duration grace);
    }

    private final Map<K, W> running = new LinkedHashMap<>();
    private final Duration grace;
    private final Consumer<W> stillRunning;

    /**
     * @param grace        how long past its function's timeout a stopping worker's batch may take
     * @param stillRunning told of a worker whose batch outlived the grace (to say what happens to that batch)
     */
    public Workers(Duration grace, Consumer<W> stillRunning) {
        this.grace = grace;
        this.stillRunning = stillRunning;
    }

    /** Stops (and awaits) the workers {@code wanted} lacks, then starts one made by {@code make} for each new key. */
    public void match(Map<K, FunctionSpec> wanted, BiFunction<FunctionSpec, K, W> make) {
        List<W> stopping = new ArrayList<>();
        running.entrySet().removeIf(e -> {
            if (wanted.containsKey(e.getKey())) {
                return false;
            }
            e.getValue().stop();
            stopping.add(e.getValue());
            return true;
        });
        await(stopping);
        wanted.forEach((key, f) -> running.computeIfAbsent(key, k -> {
            W w = make.apply(f, k);
            w.start();
            return w;
        }));
    }

    /** The workers running now, in the order they started. */
    public Collection<W> all() {
        return Collections.unmodifiableCollection(running.values());
    }

    /** Stops every worker and awaits their batches. */
    public void stopAll() {
        List<W> all = new ArrayList<>(running.values());
        all.forEach(Worker::stop);
        await(all);
        running.clear();
    }

    private void await(List<W> stopping) {
        for (W w : stopping) {
            if (!w.awaitStopped(grace)) {
                stillRunning.accept(w);
            }
        }
    }
}
