package dev.localfaas.runtime.trigger.queue;

import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.function.FunctionSpec;
import io.undertow.server.HttpHandler;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Queues as {@code faas run} uses them: the store in {@code <stateDir>/queues.db}, a consumer per queue trigger, and the
 * admin API. Start it after the functions are loaded, update it after each reload, close it before the engine.
 *
 * <pre>{@code
 * QueueService queues = QueueService.open(config, faas, System.err::println);
 * queues.start(faas.functions());                         // QueueTriggerException: print problems(), exit 2
 * paths.addPrefixPath(QueueAdminHandler.PREFIX, queues.adminHandler());
 * ...  faas.reload(); queues.update(faas.functions()).forEach(System.err::println);
 * queues.close(); faas.close();
 * }</pre>
 */
public final class QueueService implements AutoCloseable {
    private final QueueBackend backend;
    private final QueueConsumers consumers;

    private QueueService(QueueBackend backend, QueueConsumers consumers) {
        this.backend = backend;
        this.consumers = consumers;
    }

    /**
     * Opens the store (a damaged or foreign file is moved aside and reported through {@code notices}) and prepares
     * consumers that invoke through {@code invoker}. {@code notices} also receives the consumers' one-line reports.
     */
    public static QueueService open(RuntimeConfig config, FunctionInvoker invoker, Consumer<String> notices) {
        SqliteQueueBackend backend = SqliteQueueBackend.open(config.stateDir().resolve("queues.db"), notices);
        return new QueueService(backend, new QueueConsumers(backend, invoker, QueueSettings.from(config), notices));
    }

    /**
     * Queues kept in another store ({@code faas run --broker}: Kafka); the service takes it over and closes it.
     */
    public static QueueService on(QueueBackend backend, RuntimeConfig config, FunctionInvoker invoker,
                                  Consumer<String> notices) {
        return new QueueService(backend, new QueueConsumers(backend, invoker, QueueSettings.from(config), notices));
    }

    /** Starts a consumer per queue trigger; throws {@link QueueTriggerException} (one line per problem) if any is bad. */
    public void start(Collection<FunctionSpec> functions) {
        consumers.start(functions);
    }

    /** After a reload: keeps unchanged consumers, restarts changed ones, stops removed ones; returns skipped problems. */
    public List<String> update(Collection<FunctionSpec> functions) {
        return consumers.update(functions);
    }

    /** The handler to mount at {@link QueueAdminHandler#PREFIX}. */
    public HttpHandler adminHandler() {
        return new QueueAdminHandler(backend, consumers::consumers);
    }

    public QueueBackend backend() {
        return backend;
    }

    public List<ConsumerInfo> consumers() {
        return consumers.consumers();
    }

    /** Stops the consumers (batches in flight finish), then closes the store. */
    @Override
    public void close() {
        try {
            consumers.close();
        } finally {
            backend.close();
        }
    }
}
