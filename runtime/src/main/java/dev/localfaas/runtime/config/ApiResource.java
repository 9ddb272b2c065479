package dev.localfaas.runtime.config;

import dev.localfaas.runtime.config.yaml.Position;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Api} or {@code HttpApi} (declared, or the implicit {@code ServerlessRestApi}/
 * {@code ServerlessHttpApi} that events without {@code RestApiId}/{@code ApiId} join), with what the gateway
 * enforces kept as written.
 *
 * @param cors          the Cors setting (a string or a mapping, as plain Java), null when none
 * @param auth          the Auth setting (authorizers, API keys, usage plans), null when none
 * @param stageSettings the stage's throttling settings as written: {@code MethodSettings} (REST),
 *                      {@code DefaultRouteSettings} and {@code RouteSettings} (HTTP), and {@code ApiKeySourceType};
 *                      empty when none
 */
public record ApiResource(String logicalId, EventSource.ApiKind kind, String stageName, Object cors, Object auth,
                          boolean implicit, Position position, Map<String, Object> stageSettings) {

    public ApiResource {
        stageSettings = Map.copyOf(stageSettings);
    }

    /** An API without stage settings. */
    public ApiResource(String logicalId, EventSource.ApiKind kind, String stageName, Object cors, Object auth,
                       boolean implicit, Position position) {
        this(logicalId, kind, stageName, cors, auth, implicit, position, Map.of());
    }
}
