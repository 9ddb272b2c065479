package dev.localfaas.runtime.config;

import dev.localfaas.runtime.config.yaml.Position;
import java.util.List;
import java.util.Map;

/**
 * An HTTP_PROXY integration ({@code AWS::ApiGatewayV2::Integration}) and the routes that target it: the gateway
 * proxies those routes to the integration's URI, or to the targets of the local extension in the integration's
 * {@code Metadata} (see docs/upstreams.md).
 *
 * @param routeKeys      the route keys of the {@code AWS::ApiGatewayV2::Route}s whose Target names it
 *                       ({@code ANY /orders/{proxy+}}, {@code $default})
 * @param integrationUri the URI as written, with API Gateway's path variables ({@code http://host/{proxy}})
 * @param targets        {@code x-localfaas-targets}: URLs with an optional {@code ;weight=N}; empty for the URI alone
 * @param settings       the other {@code x-localfaas-*} metadata (health check, balance), as plain Java
 */
public record UpstreamResource(String logicalId, List<String> routeKeys, String integrationUri, List<String> targets,
                               Map<String, Object> settings, Position position) {

    public UpstreamResource {
        routeKeys = List.copyOf(routeKeys);
        targets = List.copyOf(targets);
        settings = Map.copyOf(settings);
    }
}
