package dev.localfaas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code faas alias set|list FN}: aliases of a function of a running {@code faas run}, through the Lambda API. */
@Command(name = "alias", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Point an alias at a version, optionally sending a share of its calls to one more version.",
        subcommands = {AliasCommand.Set.class, AliasCommand.ListAliases.class})
final class AliasCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: set or list");
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Create or move alias NAME of FN. The switch is atomic: every call runs the old routing or"
                    + " the new one, none fails (blue/green). A deployment in progress on the alias stops."},
            footer = {"", "Examples:", "  faas alias set hello live --version 3",
                "  faas alias set hello live --version 3 --weight 4=0.1     (10% of the calls run version 4)"})
    static final class Set implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FN", description = "The function.")
        String function;

        @Parameters(index = "1", paramLabel = "NAME", description = "The alias, e.g. live.")
        String name;

        @Option(names = "--version", required = true, paramLabel = "N", description = "The version (or $LATEST).")
        String version;

        @Option(names = "--weight", paramLabel = "N=SHARE",
                description = "One more version and its share of the calls, 0.0 to 1.0, e.g. 4=0.1.")
        String weight;

        @Option(names = "--description", paramLabel = "TEXT", description = "What the alias is for.")
        String description;

        @Mixin
        GatewayOptions gatewayOptions;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ObjectNode body = VersionsCommand.JSON.createObjectNode();
            body.put("FunctionVersion", version);
            if (description != null) {
                body.put("Description", description);
            }
            ObjectNode weights = body.putObject("RoutingConfig").putObject("AdditionalVersionWeights");
            if (weight != null) {
                String[] parts = weight.split("=", 2);
                double share;
                try {
                    share = parts.length == 2 ? Double.parseDouble(parts[1]) : Double.NaN;
                } catch (NumberFormatException e) {
                    share = Double.NaN;
                }
                if (Double.isNaN(share)) {
                    throw CliException.usage("--weight " + weight + " is not VERSION=SHARE; write it like 4=0.1");
                }
                weights.put(parts[0], share);
            }
            GatewayClient gateway = gatewayOptions.client();
            String aliases = VersionsCommand.functionPath(function) + "/aliases";
            boolean exists = false;
            for (JsonNode a : VersionsCommand.call(gateway, "GET", aliases, null).path("Aliases")) {
                exists |= a.path("Name").asText().equals(name);
            }
            JsonNode alias;
            if (exists) {
                alias = VersionsCommand.call(gateway, "PUT", aliases + "/" + name, body.toString());
            } else {
                body.put("Name", name);
                alias = VersionsCommand.call(gateway, "POST", aliases, body.toString());
            }
            spec.commandLine().getOut().println(function + ":" + name + " -> " + routing(alias));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List FN's aliases and their routing.")
    static final class ListAliases implements Callable<Integer> {
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
                    VersionsCommand.functionPath(function) + "/aliases", null);
            if (answer.path("Aliases").isEmpty()) {
                out.println(function + " has no aliases; create one with faas alias set " + function + " live --version N");
                return ExitCodes.OK;
            }
            String format = "%-16s %-28s %s%n";
            out.printf(format, "ALIAS", "ROUTING", "DESCRIPTION");
            for (JsonNode a : answer.path("Aliases")) {
                out.printf(format, a.path("Name").asText(), routing(a), a.path("Description").asText());
            }
            return ExitCodes.OK;
        }
    }

    /** {@code 3}, or {@code 3 (90%) + 4 (10%)}. */
    static String routing(JsonNode alias) {
        String version = alias.path("FunctionVersion").asText();
        List<String> extra = new ArrayList<>();
        double rest = 1;
        var it = alias.path("RoutingConfig").path("AdditionalVersionWeights").fields();
        while (it.hasNext()) {
            var e = it.next();
            rest -= e.getValue().asDouble();
            extra.add(e.getKey() + " (" + percent(e.getValue().asDouble()) + ")");
        }
        return extra.isEmpty() ? version : version + " (" + percent(rest) + ") + " + String.join(" + ", extra);
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100).replace(".0%", "%");
    }
}
