package dev.localfaas.runtime.gateway;

import java.util.function.Consumer;

/**
 * Something that pushes updates to subscribers, served as server-sent events by {@link Gateway#serveStream}. The
 * gateway subscribes one sink per connected client; the source calls it from its own thread and the sink never
 * blocks (a client that cannot keep up misses updates).
 */
@FunctionalInterface
public interface EventSource {

    /** Subscribes {@code sink} (each call one JSON document); returns what unsubscribes it. */
    Runnable subscribe(Consumer<String> sink);
}
