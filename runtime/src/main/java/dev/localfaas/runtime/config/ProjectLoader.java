package dev.localfaas.runtime.config;

import dev.localfaas.runtime.config.sam.SamTemplateReader;
import dev.localfaas.runtime.config.serverless.ServerlessReader;
import dev.localfaas.runtime.config.yaml.YamlMap;
import dev.localfaas.runtime.config.yaml.YamlReader;
import dev.localfaas.runtime.config.yaml.YamlSyntaxException;
import dev.localfaas.runtime.function.FunctionCatalog;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a project file ({@code template.yaml} or {@code serverless.yml}) into a {@link Project}: parse, read the
 * format's model, then check each function's code and handler and turn it into a {@code FunctionSpec}. Nothing is
 * loaded or started; an invalid file is a {@link TemplateException} with every problem.
 */
public final class ProjectLoader {
    private ProjectLoader() {
    }

    /** @throws TemplateException listing every problem, each {@code file:line:column: LogicalId: problem; fix} */
    public static Project load(Path file, ProjectOptions options) {
        Problems problems = new Problems();
        Project project = read(file, options, problems);
        problems.throwIfAny();
        return project;
    }

    /** Every problem in the file, in file order; empty when it is valid. */
    public static List<TemplateProblem> validate(Path file, ProjectOptions options) {
        Problems problems = new Problems();
        read(file, options, problems);
        return problems.list();
    }

    private static Project read(Path file, ProjectOptions options, Problems problems) {
        Path directory = file.toAbsolutePath().normalize().getParent();
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("no such file: " + file));
        }
        YamlMap root;
        try {
            root = YamlReader.read(file, file);
        } catch (YamlSyntaxException e) {
            problems.add(e.position(), "", e.getMessage());
            return new Project(null, new FunctionCatalog(List.of(), List.of()), directory, TemplateEvents.NONE);
        }
        LocalNames names = new LocalNames(options.region(), options.accountId(), options.endpoint(),
                directory.getFileName() == null ? "local" : directory.getFileName().toString());
        ProjectModel model = switch (ProjectFiles.formatOf(file)) {
            case SAM -> SamTemplateReader.read(root, file, directory, options.parameterOverrides(), names, problems);
            case SERVERLESS -> ServerlessReader.read(root, file, directory, options, names, problems);
        };
        FunctionCatalog catalog = TemplateFunctions.specs(model, problems);
        return new Project(model, catalog, directory, TemplateEvents.of(model, problems));
    }
}
