package dev.localfaas.runtime.config.serverless;

import dev.localfaas.runtime.config.LocalNames;
import dev.localfaas.runtime.config.Problems;
import dev.localfaas.runtime.config.ProjectModel;
import dev.localfaas.runtime.config.ProjectOptions;
import dev.localfaas.runtime.config.yaml.YamlMap;
import java.nio.file.Path;
import java.util.List;

/** Reads a Serverless Framework {@code serverless.yml}. */
public final class ServerlessReader {
    private ServerlessReader() {
    }

    public static ProjectModel read(YamlMap root, Path file, Path baseDir, ProjectOptions options, LocalNames names,
                                    Problems problems) {
        return new ProjectModel(file, ProjectModel.ProjectFormat.SERVERLESS, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of());
    }
}
