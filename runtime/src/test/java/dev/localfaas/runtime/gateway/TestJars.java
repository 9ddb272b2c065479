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
 * The classes are stream method handlers, {@code canned.X::handle(InputStream, OutputStream)}, which need no AWS
 * library: the real engine loads and runs them like any deployment package.
 */
final class TestJars {

    private TestJars() {
    }

    /** A handler that answers {@code response} whatever the event. */
    static String canned(String className, String response) {
        String b64 = Base64.getEncoder().encodeToString(response.getBytes(StandardCharsets.UTF_8));
        return handler(className, "in.readAllBytes(); out.write(java.util.Base64.getDecoder().decode(\"" + b64 + "\"));");
    }

    /** A handler that answers with the event it received, byte for byte. */
    static String mirror(String className) {
        return handler(className, "in.transferTo(out);");
    }

    /** Answers a proxy response whose body is the event it received, so a REST (1.0) event can be read over HTTP. */
    static String mirrorInBody(String className) {
        return handler(className, """
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
    static String sleeper(String className) {
        return handler(className, """
                String event = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\"ms\\":\\"(\\\\d+)\\"").matcher(event);
                long ms = m.find() ? Long.parseLong(m.group(1)) : 0;
                try { Thread.sleep(ms); } catch (InterruptedException e) { throw new java.io.IOException("interrupted", e); }
                out.write("{\\"statusCode\\":200,\\"body\\":\\"slept\\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                """);
    }

    private static String handler(String className, String body) {
        return "package canned;\npublic class " + className + " {\n"
                + "  public void handle(java.io.InputStream in, java.io.OutputStream out) throws java.io.IOException {\n"
                + body + "\n  }\n}\n";
    }

    /** Compiles the sources (simple class name to source, package {@code canned}) into {@code jar}. */
    static Path build(Path workDir, Path jar, Map<String, String> sources) {
        try {
            Path src = Files.createDirectories(workDir.resolve("src-" + jar.getFileName()).resolve("canned"));
            Path classes = Files.createDirectories(workDir.resolve("classes-" + jar.getFileName()));
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
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
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                 Stream<Path> files = Files.walk(classes)) {
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(p));
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
