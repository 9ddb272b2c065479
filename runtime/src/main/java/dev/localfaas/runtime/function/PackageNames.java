package dev.localfaas.runtime.function;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The function name a deployment package gives when its handler's class name is taken by another package: its file
 * name without {@code .jar} and without a version suffix ({@code hello-world-1.0.jar} → {@code hello-world},
 * {@code orders-2.3.1-SNAPSHOT.jar} → {@code orders}), in the characters Lambda allows in a name.
 */
final class PackageNames {

    private static final Pattern VERSIONED = Pattern.compile("(.+?)[-_]v?\\d+(\\.\\d+)*([.-][A-Za-z0-9]+)*");

    private PackageNames() {
    }

    static String functionName(Path pkg) {
        String name = pkg.getFileName().toString();
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".jar")) {
            name = name.substring(0, name.length() - 4);
        }
        Matcher m = VERSIONED.matcher(name);
        if (m.matches()) {
            name = m.group(1);
        }
        return name.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
