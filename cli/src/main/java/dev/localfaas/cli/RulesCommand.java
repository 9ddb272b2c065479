package dev.localfaas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localfaas.runtime.trigger.bus.EventsEndpoint;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code faas rules}: the event bus rules (schedules included) of a running {@code faas run}. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"List the rules of the gateway at --url, by bus: their pattern or schedule, targets, and how many"
                + " events matched, were filtered out, delivered and failed."})
final class RulesCommand implements Callable<Integer> {

    @Mixin
    GatewayOptions gatewayOptions;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;


    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        GatewayClient gateway = gatewayOptions.client();
        JsonNode answer = gateway.call("GET", EventsEndpoint.RULES, null).orElseThrow(() -> CliException.usage(
                "no gateway at " + gateway.url() + "; rules live in a running faas run: start one, or pass --url"));
        if (answer.path("rules").isEmpty()) {
            out.println("no rules: declare one with @EventRule or @ScheduleTrigger, or POST " + EventsEndpoint.RULES);
            return ExitCodes.OK;
        }
        String format = "%-10s %-28s %-28s %7s %8s %9s %6s  %s%n";
        out.printf(format, "BUS", "RULE", "TARGETS", "MATCHED", "FILTERED", "DELIVERED", "FAILED", "PATTERN / SCHEDULE");
        for (JsonNode r : answer.path("rules")) {
            List<String> targets = new ArrayList<>();
            r.path("targets").forEach(t -> targets.add(t.asText()));
            JsonNode c = r.path("counts");
            boolean schedule = r.hasNonNull("scheduleExpression");
            out.printf(format, r.path("bus").asText(), r.path("name").asText(), String.join(", ", targets),
                    schedule ? "-" : c.path("matched").asText(), schedule ? "-" : c.path("filtered").asText(),
                    schedule ? "-" : c.path("delivered").asText(), schedule ? "-" : c.path("failed").asText(),
                    schedule ? r.path("scheduleExpression").asText() : r.path("pattern").asText());
        }
        return ExitCodes.OK;
    }
}
