package dev.localfaas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.trigger.bus.EventsEndpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code faas events put}: puts an event on an event bus of a running {@code faas run}. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Put events on the event buses (EventBridge semantics) of a running faas run.",
        subcommands = EventsCommand.Put.class)
final class EventsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw CliException.usage("a subcommand is required: faas events put --source S --detail-type T --detail JSON");
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = {"Put one event on a bus: every rule whose pattern matches delivers it to its targets.",
                "Prints the event id and how many rules matched."},
            footer = {"", "Examples:",
                "  faas events put --source orders --detail-type OrderPlaced --detail '{\"amount\": 150}'",
                "  faas events put --bus audit --source billing --detail-type InvoicePaid --detail '{}'"})
    static final class Put implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Option(names = "--source", required = true, paramLabel = "SOURCE", description = "The event's source.")
        String source;

        @Option(names = "--detail-type", required = true, paramLabel = "TYPE", description = "The event's detail-type.")
        String detailType;

        @Option(names = "--detail", paramLabel = "JSON", defaultValue = "{}", description = "The detail, a JSON object (default: {}).")
        String detail;

        @Option(names = "--resource", paramLabel = "ARN", description = "A resource ARN (repeatable).")
        List<String> resources = new ArrayList<>();

        @Option(names = "--bus", paramLabel = "BUS", defaultValue = "default", description = "The event bus (default: ${DEFAULT-VALUE}).")
        String bus;

        @Mixin
        GatewayOptions gatewayOptions;

        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;


        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ObjectNode entry = JSON.createObjectNode();
            entry.put("source", source);
            entry.put("detail-type", detailType);
            try {
                JsonNode parsed = JSON.readTree(detail);
                if (parsed == null || !parsed.isObject()) {
                    throw new IOException("not an object");
                }
                entry.set("detail", parsed);
            } catch (IOException e) {
                throw CliException.usage("--detail is not a JSON object; write it like --detail '{\"orderId\": 7}'");
            }
            resources.forEach(entry.putArray("resources")::add);
            GatewayClient gateway = gatewayOptions.client();
            JsonNode answer = gateway.call("POST", EventsEndpoint.BUSES + "/" + bus + "/events", entry.toString())
                    .orElseThrow(() -> CliException.usage("no gateway at " + gateway.url()
                            + "; event buses live in a running faas run: start one, or pass --url"));
            JsonNode result = answer.path("entries").path(0);
            out.println(result.path("eventId").asText() + "  matched " + result.path("matchedRules").asInt() + " rule"
                    + (result.path("matchedRules").asInt() == 1 ? "" : "s"));
            return ExitCodes.OK;
        }
    }
}
