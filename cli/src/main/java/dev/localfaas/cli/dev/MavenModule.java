package dev.localfaas.cli.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Maven module whose sources {@code faas dev} watches: its folder, its artifactId and the Java release its pom
 * compiles for. A project is its root module, or the direct sub-folders that are modules with Java sources.
 */
public record MavenModule(Path dir, String artifactId, Optional<Integer> release) {

    private static final Pattern ARTIFACT = Pattern.compile("</parent>|<artifactId>([^<]+)</artifactId>");
    private static final Pattern RELEASE =
            Pattern.compile("<maven\\.compiler\\.release>\\s*(\\d+)\\s*</maven\\.compiler\\.release>");

    public Path sources() {
        return dir.resolve("src/main/java");
    }

    public Path resources() {
        return dir.resolve("src/main/resources");
    }

    public Path classes() {
        return dir.resolve("target/classes");
    }

    /** The modules of the project in {@code dir} that have Java sources; empty when there is none. */
    public static List<MavenModule> in(Path dir) {
        List<MavenModule> modules = new ArrayList<>();
        read(dir).ifPresent(m -> {
            if (Files.isDirectory(m.sources())) {
                modules.add(m);
            }
        });
        if (modules.isEmpty()) {
            try (Stream<Path> children = Files.list(dir)) {
                children.filter(Files::isDirectory).sorted().map(MavenModule::read).flatMap(Optional::stream)
                        .filter(m -> Files.isDirectory(m.sources())).forEach(modules::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return modules;
    }

    private static Optional<MavenModule> read(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(pom);
            String artifactId = dir.getFileName().toString();
            Matcher m = ARTIFACT.matcher(text);
            boolean pastParent = !text.contains("<parent>");
            while (m.find()) {
                if (m.group(1) == null) {
                    pastParent = true; // the parent's artifactId is not the module's
                } else if (pastParent) {
                    artifactId = m.group(1).trim();
                    break;
                }
            }
            Matcher release = RELEASE.matcher(text);
            return Optional.of(new MavenModule(dir.toAbsolutePath().normalize(), artifactId,
                    release.find() ? Optional.of(Integer.parseInt(release.group(1))) : Optional.empty()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
