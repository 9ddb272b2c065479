package dev.localfaas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faas versions publish|list FN}: immutable numbered versions of a function of a running {@code faas run},
 * through the same Lambda API paths the AWS CLI calls.
 */
@Command(name = "versions", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Publish and list a function's immutable versions (the exact JAR and configuration at that moment).",
        subcommands = {VersionsCommand.Publish.class, VersionsCommand.ListVersions.class})
final class VersionsCommand implements Runnable {

    static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: publish or list");
    }

    static String functionPath(String function) {
        return "/2015-03-31/functions/" + URLEncoder.encode(function, StandardCharsets.UTF_8);
    }

    static JsonNode call(GatewayClient gateway, String method, String path, String body) {
        return gateway.call(method, path, body).orElseThrow(() -> CliException.usage("no gateway at " + gateway.url()
                + "; versions and aliases live in a running faas run: start one, or pass --url"));
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Publish FN's current JAR and configuration as its next version (nothing new when neither"
                    + " changed since the last one).",
            footer = {"", "Example:", "  faas versions publish hello --description 'adds greetings in French'"})
    static final class Publish implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FN", description = "The function.")
        String function;

        @Option(names = "--description", paramLabel = "TEXT", description = "What this version is.")
        String description = "";

        @Mixin
        GatewayOptions gatewayOptions;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode v = VersionsCommand.call(gatewayOptions.client(), "POST", functionPath(function) + "/versions",
                    JSON.createObjectNode().put("Description", description).toString());
            spec.commandLine().getOut().println(function + ": version " + v.path("Version").asText() + " ("
                    + v.path("CodeSize").asLong() + " bytes, sha256 " + v.path("CodeSha256").asText() + ")"
                    + (v.path("Description").asText().isEmpty() ? "" : ": " + v.path("Description").asText()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List FN's versions.")
    static final class ListVersions implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FN", description = "The function.")
        String function;

        @Mixin
        GatewayOptions gatewayOptions;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            JsonNode answer = VersionsCommand.call(gatewayOptions.client(), "GET",
                    functionPath(function) + "/versions", null);
            String format = "%-9s %-29s %-46s %s%n";
            out.printf(format, "VERSION", "PUBLISHED", "CODE SHA256", "DESCRIPTION");
            for (JsonNode v : answer.path("Versions")) {
                out.printf(format, v.path("Version").asText(), v.path("LastModified").asText(),
                        v.path("CodeSha256").asText(), v.path("Description").asText());
            }
            return ExitCodes.OK;
        }
    }
}
