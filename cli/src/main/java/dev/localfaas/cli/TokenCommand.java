package dev.localfaas.cli;

import dev.localfaas.runtime.gateway.policy.LocalKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code faas token}: a JWT from the local issuer, for calling routes that {@code faas run} protects. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Print a JWT signed by this machine's local key (issuer localfaas), which faas run accepts "
                + "on routes protected with --jwt-issuer localfaas or a template authorizer whose issuer is localfaas.",
                "Example: curl -H \"Authorization: Bearer $(faas token --sub alice --scope users:read)\" ..."})
final class TokenCommand implements Callable<Integer> {

    @Option(names = "--sub", paramLabel = "SUBJECT", defaultValue = "alice", description = "The caller (default: ${DEFAULT-VALUE}).")
    String subject;

    @Option(names = "--scope", paramLabel = "SCOPE", description = "A scope the token grants (repeatable).")
    List<String> scopes = new ArrayList<>();

    @Option(names = "--aud", paramLabel = "AUD", defaultValue = LocalKey.AUDIENCE, description = "The audience (default: ${DEFAULT-VALUE}).")
    String audience;

    @Option(names = "--ttl", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the token is valid, e.g. 10m (default: 1h).")
    Duration ttl;

    @Option(names = "--jwt-key", paramLabel = "FILE", description = "The local issuer's key (default: ~/.localfaas/jwt-key.json).")
    Path keyFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LocalKey key;
        try {
            key = LocalKey.loadOrCreate(keyFile != null ? keyFile : LocalKey.defaultFile());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        spec.commandLine().getOut().println(key.token(subject, scopes, audience, ttl == null ? Duration.ofHours(1) : ttl));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
