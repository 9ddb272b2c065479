package dev.localfaas.cli;

import picocli.CommandLine.Option;

/** The token a gateway reachable from the network ({@code faas run --host 0.0.0.0}) requires of its clients. */
final class AdminTokenOption {

    /** The environment variable the token is read from when the option is not given. */
    static final String ENV = "FAAS_ADMIN_TOKEN";

    @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:" + ENV + "}",
            description = "The gateway's admin token, printed by 'faas run --host 0.0.0.0' (default: $" + ENV + ").")
    String token;
}
