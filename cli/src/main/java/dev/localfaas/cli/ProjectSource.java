package dev.localfaas.cli;

import dev.localfaas.runtime.config.Project;
import dev.localfaas.runtime.config.ProjectFiles;
import dev.localfaas.runtime.config.ProjectLoader;
import dev.localfaas.runtime.config.ProjectOptions;
import dev.localfaas.runtime.config.TemplateException;
import dev.localfaas.runtime.config.TemplateProblem;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options that name a project file ({@code -t template.yaml}, {@code --parameter-overrides}, {@code --stage}),
 * shared by run, invoke, list, report and validate; and the one place that decides whether a command serves a
 * project file or a folder of JARs.
 */
final class ProjectSource {

    @Option(names = {"-t", "--template"}, paramLabel = "FILE",
            description = "SAM template.yaml or serverless.yml to read (default: the one in the current folder, when"
                    + " no folder of JARs is named).")
    Path template;

    @Option(names = "--parameter-overrides", arity = "1..*", paramLabel = "KEY=VALUE",
            description = "Template parameters (SAM) or ${opt:KEY} options (serverless.yml), as sam local takes them.")
    List<String> parameterOverrides;

    @Option(names = "--stage", paramLabel = "STAGE", description = "Serverless Framework stage (default: the file's, else dev).")
    String stage;

    /** Where a command without {@code -t} looks for a project file; tests point it at a folder. */
    Path workingDir = Path.of("");

    /**
     * The project file this command reads: {@code -t}'s, else the one in the working folder when the command was not
     * given a folder of JARs, else none (the folder of JARs is discovered as before).
     */
    Optional<Path> file(boolean folderNamed) {
        if (template != null) {
            if (!Files.isRegularFile(template)) {
                throw CliException.usage("no such file: " + template + "; pass -t with your template.yaml or serverless.yml");
            }
            return Optional.of(template);
        }
        if (folderNamed) {
            return Optional.empty();
        }
        return ProjectFiles.find(workingDir).map(f -> workingDir.toString().isEmpty() ? f.getFileName() : f);
    }

    ProjectOptions options(String endpoint) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String pair : parameterOverrides == null ? List.<String>of() : parameterOverrides) {
            // sam local's form: Key=Value, also ParameterKey=Key,ParameterValue=Value
            String p = pair.startsWith("ParameterKey=") ? pair.substring("ParameterKey=".length())
                    .replaceFirst(",ParameterValue=", "=") : pair;
            int eq = p.indexOf('=');
            if (eq < 1) {
                throw CliException.usage("--parameter-overrides " + pair + " is not KEY=VALUE; write, for example,"
                        + " --parameter-overrides Stage=dev");
            }
            overrides.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return ProjectOptions.defaults().withParameterOverrides(overrides).withEnvironment(System.getenv())
                .withEndpoint(endpoint).withStage(stage == null ? "" : stage);
    }

    /**
     * Reads and checks the project file; an invalid one prints every problem on {@code err}, one per line, and ends
     * the command with exit 2 before anything starts.
     */
    static Project load(Path file, ProjectOptions options, PrintWriter err) {
        try {
            return ProjectLoader.load(file, options);
        } catch (TemplateException e) {
            throw invalid(file, e.problems(), err);
        } catch (UncheckedIOException e) {
            throw CliException.usage("cannot read " + file + ": " + e.getCause().getMessage());
        }
    }

    static CliException invalid(Path file, List<TemplateProblem> problems, PrintWriter err) {
        problems.forEach(p -> err.println(p));
        err.flush();
        return CliException.usage(file + " has " + (problems.size() == 1 ? "1 problem" : problems.size() + " problems")
                + "; nothing was started (faas validate -t " + file + " lists them)");
    }
}
