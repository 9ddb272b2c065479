package dev.localfaas.cli.scaffold;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * What {@code faas new} makes: a function name (also the artifact, the route and the queue prefix), its trigger, the
 * Java release it compiles for and the package of its handler, whose class name is the name in CamelCase.
 */
public record ProjectSpec(String name, ProjectTrigger trigger, int java, String packageName) {

    /** A Lambda function name that is also a Maven artifactId and a URL path segment. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final List<Integer> JAVA = List.of(17, 21, 25);

    /** @throws IllegalArgumentException with the one line to show when a value cannot make a project */
    public ProjectSpec {
        if (!NAME.matcher(name).matches() || name.endsWith("-")) {
            throw new IllegalArgumentException("function name " + name + " is not usable; use lower-case letters, "
                    + "digits and dashes, starting with a letter (at most 64), e.g. hello-api");
        }
        if (!JAVA.contains(java)) {
            throw new IllegalArgumentException("--java " + java + " is not a Lambda Java runtime; use 17, 21 or 25");
        }
        if (!SourceVersion.isName(packageName) || !packageName.equals(packageName.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("--package " + packageName + " is not a Java package name; "
                    + "use lower-case words separated by dots, e.g. com.example.orders");
        }
    }

    /** {@code hello-api} becomes {@code HelloApi}. */
    public String className() {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("-")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** The Lambda runtime identifier, {@code java17}. */
    public String runtime() {
        return "java" + java;
    }
}
