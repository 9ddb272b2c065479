package dev.localfaas.runtime.config;

import dev.localfaas.runtime.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A project folder in a temporary directory: a test template beside copies of the sample JARs it names. */
final class TemplateFixture {
    private TemplateFixture() {
    }

    /** Copies {@code /templates/resource} to {@code dir/template.yaml} and each JAR beside it; returns the file. */
    static Path project(Path dir, String resource, String... jars) {
        try {
            Files.createDirectories(dir);
            for (String jar : jars) {
                Path from = Files.exists(Samples.functions().resolve(jar)) ? Samples.functions().resolve(jar)
                        : Samples.testFunctions().resolve(jar);
                Files.copy(from, dir.resolve(jar));
            }
            try (InputStream in = TemplateFixture.class.getResourceAsStream("/templates/" + resource)) {
                String name = resource.startsWith("serverless") ? "serverless.yml" : "template.yaml";
                return Files.write(dir.resolve(name), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
