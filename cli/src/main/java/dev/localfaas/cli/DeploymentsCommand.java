package dev.localfaas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localfaas.runtime.traffic.DeploymentsEndpoint;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code faas deployments}: the alias deployments of a running {@code faas run}, and each version's health. */
@Command(name = "deployments", mixinStandardHelpOptions = true,
        description = {"Show the deployments of the gateway at --url (AutoPublishAlias with its DeploymentPreference,"
                + " and aliases set by hand) with their outcome and reason, then the health of every version that ran."})
final class DeploymentsCommand implements Callable<Integer> {

    @Option(names = "--events", description = "Also print each deployment's steps.")
    boolean events;

    @Mixin
    GatewayOptions gatewayOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        GatewayClient gateway = gatewayOptions.client();
        JsonNode answer = gateway.call("GET", DeploymentsEndpoint.PREFIX, null).orElseThrow(() -> CliException.usage(
                "no gateway at " + gateway.url() + "; deployments live in a running faas run: start one, or pass --url"));
        if (answer.path("deployments").isEmpty()) {
            out.println("no deployments yet: they start when a function with AutoPublishAlias changes, or with faas"
                    + " alias set");
        } else {
            String format = "%-6s %-22s %-6s %-22s %-26s %-12s %s%n";
            out.printf(format, "ID", "FUNCTION:ALIAS", "FROM", "TO", "TYPE", "STATUS", "REASON");
            for (JsonNode d : answer.path("deployments")) {
                out.printf(format, d.path("id").asText(), d.path("function").asText() + ":" + d.path("alias").asText(),
                        d.path("from").asText().isEmpty() ? "-" : d.path("from").asText(), d.path("to").asText(),
                        d.path("type").asText(), d.path("status").asText(), d.path("reason").asText());
                if (events) {
                    d.path("events").forEach(e -> out.println("         " + e.asText()));
                }
            }
        }
        if (!answer.path("health").isEmpty()) {
            out.println();
            String format = "%-28s %-9s %8s %7s %8s %9s  %s%n";
            out.printf(format, "VERSION", "HEALTH", "REQUESTS", "ERRORS", "TIMEOUTS", "P99 MS", "REASON");
            for (JsonNode h : answer.path("health")) {
                out.printf(format, h.path("function").asText() + ":" + h.path("version").asText(),
                        h.path("status").asText(), h.path("requests").asLong(), h.path("errors").asLong(),
                        h.path("timeouts").asLong(), String.format(java.util.Locale.ROOT, "%.1f",
                                h.path("p99Ms").asDouble()), h.path("reason").asText());
            }
        }
        return ExitCodes.OK;
    }
}
