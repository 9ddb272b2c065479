package dev.localfaas.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What ends {@code faas run}. In the real command: Ctrl-C (SIGINT) or SIGTERM, taken over so that the gateway
 * drains and the process exits 0 rather than 130; a shutdown hook covers every other way the JVM may go down.
 * Tests pass their own.
 */
interface StopSignal {

    /** Blocks until a stop is asked for. */
    void await() throws InterruptedException;

    /** Called once the command has stopped cleanly, so that a shutdown hook waiting on it can let the JVM go. */
    default void stopped() {
    }

    /** Ctrl-C and SIGTERM release {@link #await()}; a shutdown hook does the same and waits for the clean stop. */
    static StopSignal fromProcessSignals() {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> asked.countDown());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // this platform or JVM will not let us take the signal over: the shutdown hook still drains
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            asked.countDown();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "faas-shutdown"));
        return new StopSignal() {
            @Override
            public void await() throws InterruptedException {
                asked.await();
            }

            @Override
            public void stopped() {
                done.countDown();
            }
        };
    }
}
