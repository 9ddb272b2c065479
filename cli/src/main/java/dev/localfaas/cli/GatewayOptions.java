package dev.localfaas.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where a command finds a running {@code faas run}, and the admin token it may need there. */
final class GatewayOptions {

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:3000",
            description = "The running faas run gateway (default: ${DEFAULT-VALUE}).")
    String url;

    @Mixin
    AdminTokenOption admin;

    GatewayClient client() {
        return new GatewayClient(url, admin.token);
    }
}
