package dev.localfaas.runtime.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds small function JARs during a test, for responses no sample produces (malformed, base64, canned headers).
 * Each class is one stream method handler, {@code canned.X::handle(InputStream, OutputStream)}, annotated with
 * {@code @Function} so that discovery finds it; it needs no AWS library. The annotation is compiled from a stub
 * and left out of the JAR, as a real function JAR leaves out the provided faas-api.
 */
final class TestJars {

    private static final String FUNCTION_ANNOTATION = """
            package dev.localfaas.api;
            @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
            @java.lang.annotation.Target({java.lang.annotation.ElementType.TYPE, java.lang.annotation.ElementType.METHOD})
            public @interface Function {
                String name() default "";
                int memoryMb() default 128;
                int timeoutSeconds() default 3;
                int concurrency() default 0;
                String[] environment() default {};
            }
            """;

    private TestJars() {
    }

    /** A function that answers {@code response} whatever the event. */
    static String canned(String className, String settings, String response) {
        String b64 = Base64.getEncoder().encodeToString(response.getBytes(StandardCharsets.UTF_8));
        return handler(className, settings,
                "in.readAllBytes(); out.write(java.util.Base64.getDecoder().decode(\"" + b64 + "\"));");
    }

    /** A function that answers with the event it received, byte for byte. */
    static String mirror(String className, String settings) {
        return handler(className, settings, "in.transferTo(out);");
    }

    /** Answers a proxy response whose body is the event it received, so a REST (1.0) event can be read over HTTP. */
    static String mirrorInBody(String className, String settings) {
        return handler(className, settings, """
                String event = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                StringBuilder b = new StringBuilder("{\\"statusCode\\":200,\\"body\\":\\"");
                for (char c : event.toCharArray()) {
                    if (c == '"' || c == '\\\\') { b.append('\\\\').append(c); }
                    else if (c < 0x20) { b.append(String.format("\\\\u%04x", (int) c)); }
                    else { b.append(c); }
                }
                out.write(b.append("\\"}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                """);
    }

    /** Sleeps for the {@code ms} query parameter of its HTTP event (interruptibly), then answers 200 "slept". */
    static String sleeper(String className, String settings) {
        return handler(className, settings, """
                String event = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\"ms\\":\\"(\\\\d+)\\"").matcher(event);
                long ms = m.find() ? Long.parseLong(m.group(1)) : 0;
                try { Thread.sleep(ms); } catch (InterruptedException e) { throw new java.io.IOException("interrupted", e); }
                out.write("{\\"statusCode\\":200,\\"body\\":\\"slept\\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                """);
    }

    private static String handler(String className, String settings, String body) {
        return "package canned;\npublic class " + className + " {\n"
                + "  @dev.localfaas.api.Function(" + settings + ")\n"
                + "  public void handle(java.io.InputStream in, java.io.OutputStream out) throws java.io.IOException {\n"
                + body + "\n  }\n}\n";
    }

    /** Compiles the sources (simple class name to source, package {@code canned}) into {@code jar}. */
    static Path build(Path workDir, Path jar, Map<String, String> sources) {
        try {
            Path root = Files.createTempDirectory(workDir, "src-");
            Path src = Files.createDirectories(root.resolve("canned"));
            Path api = Files.createDirectories(root.resolve("dev/localfaas/api"));
            Path classes = Files.createTempDirectory(workDir, "classes-");
            Files.writeString(api.resolve("Function.java"), FUNCTION_ANNOTATION);
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17",
                    api.resolve("Function.java").toString()));
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = src.resolve(e.getKey() + ".java");
                Files.writeString(file, e.getValue());
                args.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("test function sources did not compile");
            }
            Files.createDirectories(jar.getParent());
            Path partial = jar.resolveSibling(jar.getFileName() + ".tmp");
            try (OutputStream file = Files.newOutputStream(partial); JarOutputStream out = new JarOutputStream(file);
                 Stream<Path> files = Files.walk(classes.resolve("canned"))) {
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(p));
                    out.closeEntry();
                }
            }
            return Files.move(partial, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
