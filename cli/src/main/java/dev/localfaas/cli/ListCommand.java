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

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Folder holding the function JARs (default: the template.yaml or serverless.yml in this"
                    + " folder, else ./functions).")
    Path dir;

    @picocli.CommandLine.Mixin
    ProjectSource project;

    @Option(names = "--json", description = "Print JSON for scripts instead of a table.")
    boolean json;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        java.util.Optional<Path> templateFile = project.file(dir != null);
        if (templateFile.isPresent()) {
            dev.localfaas.runtime.config.Project template = ProjectSource.load(templateFile.get(),
                    project.options("http://127.0.0.1:3000"), spec.commandLine().getErr());
            dir = templateFile.get();
            if (json) {
                out.println(CatalogJson.write(dir, template.catalog()));
            } else {
                printTable(out, template.catalog());
                TemplateNotes.print(out, spec.commandLine().getErr(), template.model());
            }
            out.flush();
            return ExitCodes.OK;
        }
        if (dir == null) {
            dir = Path.of("./functions");
        }
        if (!Files.isDirectory(dir)) {
            throw CliException.noSuchDirectory(dir, "pass --dir with");
        }
        FunctionCatalog catalog = FunctionDiscovery.scan(dir);
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
