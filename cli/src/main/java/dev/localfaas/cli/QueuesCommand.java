package dev.localfaas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localfaas.runtime.trigger.queue.QueueAdminHandler;
import dev.localfaas.runtime.trigger.queue.QueueStats;
import dev.localfaas.runtime.trigger.queue.QueueStoreException;
import dev.localfaas.runtime.trigger.queue.SqliteQueueBackend;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code faas queues}: every queue with its counts, from a running gateway or straight from the queue database. */
@Command(name = "queues", mixinStandardHelpOptions = true,
        description = {"List the embedded queues: messages visible, in flight and delayed, dead-letter queue, consumers.",
            "Asks the gateway at --url when one is running, else reads DIR/.faas/queues.db."})
final class QueuesCommand implements Callable<Integer> {

    /** One line of the table. */
    private record Row(String name, long visible, long inFlight, long delayed, String deadLetterQueue, String consumers) {
    }

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:3000",
            description = "The gateway to ask (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", defaultValue = "functions",
            description = "The functions directory whose .faas/queues.db to read when no gateway answers"
                    + " (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Mixin
    CommonOptions common;

    @Mixin
    AdminTokenOption admin;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Row> rows = new GatewayClient(url, admin.token).call("GET", QueueAdminHandler.PREFIX, null)
                .map(QueuesCommand::fromGateway)
                .orElseGet(this::fromDatabase);
        if (rows.isEmpty()) {
            out.println("no queues yet: a queue exists once a @QueueTrigger names it or a message is sent to it");
            return ExitCodes.OK;
        }
        String format = "%-30s %8s %9s %8s  %-30s %s%n";
        out.printf(format, "QUEUE", "VISIBLE", "IN-FLIGHT", "DELAYED", "DEAD-LETTER QUEUE", "CONSUMERS");
        for (Row r : rows) {
            out.printf(format, r.name(), r.visible(), r.inFlight(), r.delayed(),
                    r.deadLetterQueue() == null ? "-" : r.deadLetterQueue(), r.consumers());
        }
        return ExitCodes.OK;
    }

    private static List<Row> fromGateway(JsonNode answer) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode q : answer.path("queues")) {
            List<String> consumers = new ArrayList<>();
            q.path("consumers").forEach(c -> consumers.add(c.path("function").asText()));
            rows.add(new Row(q.path("name").asText(), q.path("visible").asLong(), q.path("inFlight").asLong(),
                    q.path("delayed").asLong(), q.path("deadLetterQueue").isTextual() ? q.get("deadLetterQueue").asText() : null,
                    consumers.isEmpty() ? "-" : String.join(", ", consumers)));
        }
        return rows;
    }

    private List<Row> fromDatabase() {
        Path db = SqliteQueueBackend.defaultFile(dir);
        if (!Files.exists(db)) {
            return List.of(); // reading must not create the database
        }
        PrintWriter err = spec.commandLine().getErr();
        try (SqliteQueueBackend queues = SqliteQueueBackend.open(db, notice -> err.println("faas: " + notice))) {
            List<Row> rows = new ArrayList<>();
            for (QueueStats s : queues.stats()) {
                rows.add(new Row(s.name(), s.visible(), s.inFlight(), s.delayed(), s.deadLetterQueue(),
                        "(no gateway running)"));
            }
            return rows;
        } catch (QueueStoreException e) {
            throw new CliException(ExitCodes.INTERNAL, e.getMessage(), e);
        }
    }
}
