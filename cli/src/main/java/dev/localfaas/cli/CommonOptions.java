package dev.localfaas.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
    @Option(names = "--stacktrace", description = "Print the full stack trace of an error.")
    boolean stacktrace;
}
