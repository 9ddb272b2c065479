package dev.localfaas.cli;

import dev.localfaas.cli.event.EventCatalog;
import dev.localfaas.cli.event.EventException;
import dev.localfaas.cli.event.EventOption;
import dev.localfaas.cli.event.EventRenderer;
import dev.localfaas.cli.event.EventType;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;

/** {@code faas event}: sample events as AWS sends them, to invoke a function with or to keep in {@code events/}. */
@Command(name = "event",
        mixinStandardHelpOptions = true,
        description = "Sample events as AWS sends them to a function.",
        subcommands = {EventCommand.Generate.class, EventCommand.ListEvents.class},
        footer = {"", "Examples:", "  faas event list",
            "  faas event generate apigateway http-api --method POST --path /orders --body '{\"item\":\"coffee\"}'",
            "  faas event generate sqs receive-message --body hello > events/sqs.json",
            "  faas event generate s3 put --bucket photos --key cat.jpg | faas invoke resize --event -"})
final class EventCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw CliException.usage("faas event needs a command: generate SERVICE EVENT [--option value ...], or list");
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Print the JSON of one event on stdout; --option value pairs change its fields "
                    + "(faas event list shows each event's options).")
    static final class Generate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SERVICE", description = "apigateway, sqs, sns, eventbridge, s3, ...")
        String service;

        @Parameters(index = "1", paramLabel = "EVENT", description = "aws-proxy, http-api, receive-message, put, ...")
        String event;

        @Unmatched
        List<String> fields = new ArrayList<>();

        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            EventType type = EventCatalog.find(service, event).orElseThrow(this::unknown);
            try {
                spec.commandLine().getOut().print(EventRenderer.render(type, pairs(fields), Instant.now()) + "\n");
            } catch (EventException e) {
                throw CliException.usage(e.getMessage());
            }
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }

        private CliException unknown() {
            List<String> events = EventCatalog.events(service);
            return CliException.usage(events.isEmpty()
                    ? "no events for service " + service + "; services: " + String.join(", ", EventCatalog.services())
                    : "no " + service + " event named " + event + "; " + service + " events: " + String.join(", ", events));
        }

        /** {@code --name value} and {@code --name=value} pairs, in order; a later one wins. */
        static Map<String, String> pairs(List<String> args) {
            Map<String, String> pairs = new LinkedHashMap<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (!arg.startsWith("--") || arg.length() == 2) {
                    throw CliException.usage("unexpected argument " + arg + "; set fields as --name value");
                }
                int equals = arg.indexOf('=');
                if (equals > 0) {
                    pairs.put(arg.substring(2, equals), arg.substring(equals + 1));
                } else if (i + 1 < args.size()) {
                    pairs.put(arg.substring(2), args.get(++i));
                } else {
                    throw CliException.usage(arg + " needs a value, e.g. " + arg + " value");
                }
            }
            return pairs;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The events faas event generate makes, "
            + "with their options and defaults.")
    static final class ListEvents implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (EventType type : EventCatalog.all()) {
                out.printf("%-11s %-16s %s (%s)%n", type.service(), type.event(), type.description(),
                        type.eventsClass().substring(type.eventsClass().lastIndexOf('.') + 1));
                for (EventOption option : type.options()) {
                    out.printf("    --%-18s %s (default: %s)%n", option.name(), option.help(),
                            option.defaultValue().isEmpty() ? "none" : option.defaultValue());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
