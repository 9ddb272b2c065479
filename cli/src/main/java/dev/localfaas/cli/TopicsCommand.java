package dev.localfaas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localfaas.runtime.trigger.topic.TopicsEndpoint;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code faas topics}: every topic of a running {@code faas run}, its subscriptions and what they received. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = {"List the topics of the gateway at --url: each subscription with its filter policy and how many"
                + " messages matched, were filtered out, delivered and failed."})
final class TopicsCommand implements Callable<Integer> {

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
        JsonNode answer = gateway.call("GET", TopicsEndpoint.PREFIX, null).orElseThrow(() -> CliException.usage(
                "no gateway at " + gateway.url() + "; topics live in a running faas run: start one, or pass --url"));
        if (answer.path("topics").isEmpty()) {
            out.println("no topics yet: a topic exists once a @TopicTrigger or --subscribe names it or a message is published to it");
            return ExitCodes.OK;
        }
        String format = "%-24s %-32s %7s %8s %9s %6s  %s%n";
        out.printf(format, "TOPIC", "SUBSCRIBER", "MATCHED", "FILTERED", "DELIVERED", "FAILED", "FILTER POLICY");
        for (JsonNode t : answer.path("topics")) {
            String name = t.path("name").asText() + " (" + t.path("published").asLong() + ")";
            if (t.path("subscriptions").isEmpty()) {
                out.printf(format, name, "-", "", "", "", "", "");
            }
            for (JsonNode s : t.path("subscriptions")) {
                JsonNode c = s.path("counts");
                String policy = s.path("filterPolicy").asText();
                out.printf(format, name, s.path("target").asText() + (s.path("rawMessageDelivery").asBoolean() ? " (raw)" : ""),
                        c.path("matched").asLong(), c.path("filtered").asLong(), c.path("delivered").asLong(),
                        c.path("failed").asLong(), policy.isEmpty() ? "-" : policy
                                + (s.path("filterPolicyScope").asText().equals("MessageBody") ? " (body)" : ""));
                name = "";
            }
        }
        return ExitCodes.OK;
    }
}
