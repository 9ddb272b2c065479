package dev.localfaas.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The shipped {@code faas.jar} (built by {@code package}, before failsafe runs the *IT tests), run as users run it. */
final class FaasJar {

    record Result(int exitCode, String out, String err) {
    }

    private FaasJar() {
    }

    static Path path() {
        return Path.of(System.getProperty("faas.jar", "target/faas.jar")).toAbsolutePath();
    }

    /** {@code java -jar faas.jar ARGS...}, with the JVM running these tests. */
    static List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", path().toString()));
        command.addAll(args);
        return command;
    }

    /** Runs a one-shot command to its end (at most a minute), its output kept in {@code workDir}. */
    static Result exec(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = command(List.of(args));
        Path out = workDir.resolve("out.txt");
        Path err = workDir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("faas.jar did not finish: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
