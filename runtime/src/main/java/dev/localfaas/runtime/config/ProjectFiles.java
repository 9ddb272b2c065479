package dev.localfaas.runtime.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Which file in a folder is the project file: what {@code faas run} with no argument looks for. */
public final class ProjectFiles {

    /** In the order they are looked for; {@code sam} looks for template.yaml first, then template.yml. */
    public static final List<String> NAMES = List.of("template.yaml", "template.yml", "serverless.yml", "serverless.yaml");

    private ProjectFiles() {
    }

    public static Optional<Path> find(Path dir) {
        return NAMES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }

    public static ProjectModel.ProjectFormat formatOf(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("serverless")
                ? ProjectModel.ProjectFormat.SERVERLESS : ProjectModel.ProjectFormat.SAM;
    }
}
