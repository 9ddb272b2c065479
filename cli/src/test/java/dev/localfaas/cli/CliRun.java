package dev.localfaas.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs {@code faas} in-process with captured streams. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Faas.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path samples() {
        return Path.of(System.getProperty("faas.samples.dir", "../sample-functions/target/functions")).toAbsolutePath();
    }

    static Path events() {
        return Path.of(System.getProperty("faas.samples.events", "../sample-functions/events")).toAbsolutePath();
    }
}
