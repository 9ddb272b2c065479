package dev.localfaas.runtime.trigger.queue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A process for the kill -9 test: opens the store, sends from four threads and receives without ever deleting, and
 * prints a line for each send and receive once the call has returned (so after its commit), until it is killed.
 */
public final class QueueChildProcess {

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        SqliteQueueBackend queues = SqliteQueueBackend.open(Path.of(args[0]), out::println);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            Thread sender = new Thread(() -> {
                for (int i = 0; ; i++) {
                    String body = "m-" + thread + "-" + i;
                    queues.send("orders", OutgoingMessage.of(body));
                    synchronized (out) {
                        out.println("SENT " + body);
                        out.flush();
                    }
                }
            });
            sender.start();
        }
        while (true) {
            List<ReceivedMessage> got = queues.receive(ReceiveRequest.of("orders", 5, Duration.ofSeconds(1)),
                    Duration.ofSeconds(1));
            synchronized (out) {
                got.forEach(m -> out.println("INFLIGHT " + m.body()));
                out.flush();
            }
        }
    }
}
