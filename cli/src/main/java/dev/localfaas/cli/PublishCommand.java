package dev.localfaas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localfaas.runtime.trigger.topic.TopicAttribute;
import dev.localfaas.runtime.trigger.topic.TopicRequestException;
import dev.localfaas.runtime.trigger.topic.TopicsEndpoint;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faas publish}: publishes a message to a topic of a running {@code faas run}. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish a message to a topic (SNS semantics) of the gateway at --url: every subscription whose"
                + " filter policy matches gets its own copy.",
            "Prints the message id, and how many subscriptions matched and filtered it out."},
        footer = {"", "Examples:",
            "  faas publish orders --message '{\"orderId\": 7}' --attr amount=Number:150",
            "  faas publish alerts --message 'disk full' --subject Ops --attr severity=high",
            "  faas publish orders.fifo --message m1 --group-id customer-7 --dedup-id m1"})
final class PublishCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TOPIC", description = "The topic (created if it does not exist).")
    String topic;

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "TEXT", description = "The message.")
    String message;

    @Option(names = "--subject", paramLabel = "TEXT", description = "The subject (up to 100 characters).")
    String subject;

    @Option(names = "--attr", paramLabel = "NAME=[TYPE:]VALUE",
            description = "A message attribute, e.g. amount=Number:150 or tags=String.Array:[\"a\"]; String when no"
                    + " type is given (repeatable).")
    List<String> attributes = new ArrayList<>();

    @Option(names = "--group-id", paramLabel = "ID", description = "MessageGroupId (FIFO topics).")
    String groupId;

    @Option(names = "--dedup-id", paramLabel = "ID", description = "MessageDeduplicationId (FIFO topics).")
    String dedupId;

    @Mixin
    GatewayOptions gatewayOptions;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;


    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder path = new StringBuilder(TopicsEndpoint.PREFIX).append('/')
                .append(URLEncoder.encode(topic, StandardCharsets.UTF_8)).append("/messages?");
        for (String a : attributes) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw CliException.usage("--attr " + a + " is not NAME=[TYPE:]VALUE; write it like --attr amount=Number:150");
            }
            try {
                TopicAttribute.parse(a.substring(eq + 1));
            } catch (TopicRequestException e) {
                throw CliException.usage("--attr " + a + ": " + e.getMessage());
            }
            param(path, "attribute", a);
        }
        param(path, "subject", subject);
        param(path, "groupId", groupId);
        param(path, "deduplicationId", dedupId);
        GatewayClient gateway = gatewayOptions.client();
        JsonNode answer = gateway.call("POST", path.toString(), message).orElseThrow(() -> CliException.usage(
                "no gateway at " + gateway.url() + "; topics live in a running faas run: start one, or pass --url"));
        out.println(answer.path("messageId").asText() + "  matched " + answer.path("matched").asInt() + ", filtered "
                + answer.path("filtered").asInt() + (answer.path("duplicate").asBoolean() ? "  (duplicate: not delivered again)" : ""));
        return ExitCodes.OK;
    }

    private static void param(StringBuilder path, String name, String value) {
        if (value != null) {
            path.append(path.charAt(path.length() - 1) == '?' ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
