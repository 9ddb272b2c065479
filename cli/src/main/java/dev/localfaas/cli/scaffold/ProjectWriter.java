package dev.localfaas.cli.scaffold;

import dev.localfaas.cli.event.EventCatalog;
import dev.localfaas.cli.event.EventRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a new function project from the templates under {@code /scaffold/}: a Maven build that shades the
 * deployment JAR, the handler and its unit test, a SAM template, a sample event and a README.
 */
public final class ProjectWriter {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z.-]+)}}");

    private ProjectWriter() {
    }

    /**
     * Writes the project into {@code dir} (created if needed; it must be empty) and answers the files written,
     * relative to {@code dir}.
     *
     * @throws IllegalArgumentException when {@code dir} holds anything
     */
    public static List<Path> write(ProjectSpec spec, Path dir) throws IOException {
        if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
            throw new IllegalArgumentException(dir + " is not an empty folder; choose a new name, or empty it first");
        }
        Files.createDirectories(dir);
        Map<String, String> values = values(spec);
        String trigger = spec.trigger().option();
        String packagePath = spec.packageName().replace('.', '/');
        List<Path> written = new ArrayList<>();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", "pom.xml.tmpl");
        files.put("src/main/java/" + packagePath + "/" + spec.className() + ".java", trigger + "/Handler.java.tmpl");
        files.put("src/test/java/" + packagePath + "/" + spec.className() + "Test.java", trigger + "/HandlerTest.java.tmpl");
        files.put("src/test/java/" + packagePath + "/TestContext.java", "TestContext.java.tmpl");
        files.put("template.yaml", trigger + "/template.yaml.tmpl");
        files.put("README.md", "README.md.tmpl");
        files.put(".gitignore", "gitignore.tmpl");
        for (Map.Entry<String, String> file : files.entrySet()) {
            written.add(writeText(dir, file.getKey(), fill(read(file.getValue()), values)));
        }
        String event = EventRenderer.render(EventCatalog.find(spec.trigger().eventService(), spec.trigger().event())
                .orElseThrow(), spec.trigger().eventFields(spec.name()), Instant.now());
        written.add(writeText(dir, "events/" + spec.trigger().eventFile(), event));
        Path api = Path.of("provided", "faas-api.jar");
        Files.createDirectories(dir.resolve(api).getParent());
        FaasApiJar.write(dir.resolve(api), values.get("v.faas"));
        written.add(api);
        return written;
    }

    private static Map<String, String> values(ProjectSpec spec) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", spec.name());
        values.put("class", spec.className());
        values.put("package", spec.packageName());
        values.put("packagePath", spec.packageName().replace('.', '/'));
        values.put("java", Integer.toString(spec.java()));
        values.put("runtime", spec.runtime());
        values.put("trigger", spec.trigger().option());
        values.put("eventFile", spec.trigger().eventFile());
        Properties versions = new Properties();
        try (InputStream in = ProjectWriter.class.getResourceAsStream("/scaffold/versions.properties")) {
            versions.load(in);
        }
        versions.stringPropertyNames().forEach(key -> values.put("v." + key, versions.getProperty(key)));
        values.put("tryIt", fill(read(spec.trigger().option() + "/try.md.tmpl"), values).strip());
        return values;
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("scaffold template names no value " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static Path writeText(Path dir, String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return Path.of(relative);
    }

    private static String read(String template) {
        try (InputStream in = ProjectWriter.class.getResourceAsStream("/scaffold/" + template)) {
            if (in == null) {
                throw new IllegalStateException("missing scaffold template " + template);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
