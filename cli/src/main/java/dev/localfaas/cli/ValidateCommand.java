package dev.localfaas.cli;

import dev.localfaas.runtime.config.ProjectLoader;
import dev.localfaas.runtime.config.TemplateProblem;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code faas validate}: every problem in a project file, with its position and fix; exit 2 when there is one. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Check a SAM template.yaml or serverless.yml as faas run reads it: syntax, parameters,"
                + " intrinsics, handlers in their JARs, built code, routes, queues and schedules.",
            "Prints every problem as file:line:column: LogicalId: problem; fix. Exit 0 when valid, 2 when not."},
        footer = {"", "Examples:", "  faas validate", "  faas validate -t sample-functions/template.yaml",
            "  faas validate --parameter-overrides Stage=prod"})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    ProjectSource project;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path file = project.file(false).orElseThrow(() -> CliException.usage("no template.yaml, template.yml or"
                + " serverless.yml here; pass -t with the project file to check"));
        List<TemplateProblem> problems;
        try {
            problems = ProjectLoader.validate(file, project.options("http://127.0.0.1:3000"));
        } catch (UncheckedIOException e) {
            throw CliException.usage("cannot read " + file + ": " + e.getCause().getMessage());
        }
        if (problems.isEmpty()) {
            out.println(file + " is valid");
            out.flush();
            return ExitCodes.OK;
        }
        problems.forEach(out::println);
        out.println(problems.size() == 1 ? "1 problem" : problems.size() + " problems");
        out.flush();
        return ExitCodes.USAGE;
    }
}
