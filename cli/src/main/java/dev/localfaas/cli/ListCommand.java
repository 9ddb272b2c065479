package dev.localfaas.cli;

import dev.localfaas.runtime.function.DiscoveryProblem;
import dev.localfaas.runtime.function.FunctionCatalog;
import dev.localfaas.runtime.function.FunctionDiscovery;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code faas list}: the functions found in a folder of JARs, their settings and triggers, and what is wrong. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = "List the functions in a folder of Lambda JARs with their handler, memory, timeout,"
                + " concurrency and triggers, then the problems that kept other handlers out.",
        footer = {"", "Examples:", "  faas list --dir sample-functions/target/functions", "  faas list --json"})
final class ListCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "./functions",
            description = "Folder holding the function JARs (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--json", description = "Print JSON for scripts instead of a table.")
    boolean json;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw CliException.noSuchDirectory(dir, "pass --dir with");
        }
        FunctionCatalog catalog = FunctionDiscovery.scan(dir);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(CatalogJson.write(dir, catalog));
        } else {
            printTable(out, catalog);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void printTable(PrintWriter out, FunctionCatalog catalog) {
        if (catalog.functions().isEmpty()) {
            out.println("No functions in " + dir + ". Put your shaded Lambda JARs there (mvn package builds them).");
        } else {
            CatalogTable.print(out, catalog.functions());
        }
        if (!catalog.problems().isEmpty()) {
            out.println();
            out.println(catalog.problems().size() == 1 ? "1 problem:" : catalog.problems().size() + " problems:");
            for (DiscoveryProblem problem : catalog.problems()) {
                out.println("  " + problem.message());
            }
        }
    }
}
