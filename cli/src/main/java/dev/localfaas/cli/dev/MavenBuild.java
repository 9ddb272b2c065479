package dev.localfaas.cli.dev;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code mvn -q -B package -DskipTests} in a folder: the first build of a project, or a rebuild with Maven. */
public final class MavenBuild {

    /** How it went, and what Maven printed (errors only: it runs quiet, without colour codes). */
    public record Result(boolean ok, String output) {
    }

    private MavenBuild() {
    }

    public static Result run(Path dir, boolean offline, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(mvn(), "-q", "-B", "-Dstyle.color=never", "package",
                "-DskipTests"));
        if (offline) {
            command.add(1, "-o");
        }
        try {
            Path log = Files.createTempFile("faas-mvn", ".txt");
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                process.getOutputStream().close();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    return new Result(false, "[ERROR] mvn package did not finish within " + timeout.toSeconds() + " s");
                }
                // Maven 3.8's console library writes colour resets even with -B; they are not for the user
                String output = Files.readString(log, StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
                return new Result(process.exitValue() == 0, output);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return new Result(false, "[ERROR] cannot run mvn: " + e.getMessage()
                    + "; install Maven 3.6+ or put it on the PATH");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "[ERROR] interrupted");
        }
    }

    private static String mvn() {
        return System.getProperty("os.name", "").startsWith("Windows") ? "mvn.cmd" : "mvn";
    }
}
