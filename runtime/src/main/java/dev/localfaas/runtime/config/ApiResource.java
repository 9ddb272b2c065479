package dev.localfaas.runtime.config;

import dev.localfaas.runtime.config.yaml.Position;

/**
 * An {@code AWS::Serverless::Api} or {@code HttpApi} (declared, or the implicit {@code ServerlessRestApi}/
 * {@code ServerlessHttpApi} that events without {@code RestApiId}/{@code ApiId} join), with what the gateway-access
 * issue will enforce kept as written.
 *
 * @param cors the Cors setting (a string or a mapping, as plain Java), null when none
 * @param auth the Auth setting (authorizers, API keys, usage plans), null when none
 */
public record ApiResource(String logicalId, EventSource.ApiKind kind, String stageName, Object cors, Object auth,
                          boolean implicit, Position position) {
}
