package dev.localfaas.cli;

/** A failure to report as one line, with the exit code it ends the command with. */
public final class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    /** The folder of function JARs is missing; {@code how} says how to name it with this command. */
    public static CliException noSuchDirectory(java.nio.file.Path dir, String how) {
        return usage("no such directory: " + dir + "; " + how + " the folder holding your function JARs");
    }

    public int exitCode() {
        return exitCode;
    }
}
