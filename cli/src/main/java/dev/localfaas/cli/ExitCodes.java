package dev.localfaas.cli;

/** The exit codes of every {@code faas} command. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** The function failed (error or timeout); its error JSON was printed. */
    public static final int FUNCTION_ERROR = 1;
    /** Bad usage or configuration: unknown function, unreadable file, no such directory, bad option. */
    public static final int USAGE = 2;
    /** A bug or an environment failure in localfaas itself. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
