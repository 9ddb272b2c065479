package dev.localfaas.runtime.gateway.upstream;

import dev.localfaas.runtime.config.ProjectModel;
import dev.localfaas.runtime.config.UpstreamResource;
import dev.localfaas.runtime.function.HttpRoute;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A template's HTTP_PROXY integrations as upstreams: the routes that target each, its {@code IntegrationUri} (whose
 * path, with the route's variables put in, is where requests go, as API Gateway does), and the local extension in
 * the integration's {@code Metadata}: {@code x-localfaas-targets} (several URLs, {@code ;weight=N}),
 * {@code x-localfaas-health-check} ({@code Path}, {@code Interval}, {@code Timeout}, {@code HealthyThreshold},
 * {@code UnhealthyThreshold}), {@code x-localfaas-balance} and {@code x-localfaas-retries}.
 */
public final class TemplateUpstreams {

    private TemplateUpstreams() {
    }

    /** @throws IllegalArgumentException with a one-line message naming the integration and the fix */
    public static List<UpstreamSpec> specs(ProjectModel model) {
        List<UpstreamSpec> specs = new ArrayList<>();
        for (UpstreamResource r : model.upstreams()) {
            try {
                specs.add(spec(r));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(model.file().getFileName() + ": " + r.logicalId() + " ("
                        + r.position() + "): " + e.getMessage());
            }
        }
        return specs;
    }

    private static UpstreamSpec spec(UpstreamResource r) {
        List<HttpRoute> routes = new ArrayList<>();
        for (String key : r.routeKeys()) {
            if (key.equals("$default")) {
                routes.add(new HttpRoute("ANY", "/"));
                routes.add(new HttpRoute("ANY", "/{proxy+}"));
                continue;
            }
            String[] parts = key.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("RouteKey '" + key + "' is not METHOD /path; write ANY /orders/{proxy+}");
            }
            routes.add(new HttpRoute(parts[0].toUpperCase(Locale.ROOT), parts[1]));
        }
        URI integration = UpstreamTarget.uri(r.integrationUri().trim());
        List<UpstreamTarget> targets = new ArrayList<>();
        for (String t : r.targets()) {
            UpstreamTarget target = UpstreamTarget.parse(t);
            targets.add(new UpstreamTarget(target.origin(), target.weight()));
        }
        if (targets.isEmpty()) {
            if (!"http".equals(integration.getScheme())) {
                throw new IllegalArgumentException("IntegrationUri " + r.integrationUri() + " is not reached locally"
                        + " (only http:// is proxied); list local targets under Metadata: x-localfaas-targets:"
                        + " [http://127.0.0.1:8081]");
            }
            targets.add(UpstreamTarget.parse(r.integrationUri().trim()));
            targets.set(0, new UpstreamTarget(targets.get(0).origin(), UpstreamTarget.DEFAULT_WEIGHT));
        }
        String path = integration.getPath();
        HealthCheck health = health(r.settings().get("x-localfaas-health-check"));
        Balancing balancing = r.settings().containsKey("x-localfaas-balance")
                ? Balancing.parse(String.valueOf(r.settings().get("x-localfaas-balance"))) : Balancing.ROUND_ROBIN;
        int retries = r.settings().containsKey("x-localfaas-retries")
                ? Integer.parseInt(String.valueOf(r.settings().get("x-localfaas-retries"))) : UpstreamSpec.DEFAULT_RETRIES;
        return new UpstreamSpec(r.logicalId(), routes, targets, balancing, health,
                PathRewrite.template(path == null || path.isEmpty() ? "/" : path), retries);
    }

    private static HealthCheck health(Object setting) {
        HealthCheck health = HealthCheck.DEFAULTS;
        if (setting == null) {
            return health;
        }
        if (!(setting instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("x-localfaas-health-check must be a mapping with Path, Interval,"
                    + " Timeout, HealthyThreshold and UnhealthyThreshold");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey()).toLowerCase(Locale.ROOT);
            String value = String.valueOf(e.getValue());
            health = switch (key) {
                case "path" -> health.withPath(value);
                case "interval" -> health.withInterval(UpstreamArgument.duration("Interval", value));
                case "timeout" -> health.withTimeout(UpstreamArgument.duration("Timeout", value));
                case "healthythreshold" -> health.withThresholds(Integer.parseInt(value), health.unhealthyThreshold());
                case "unhealthythreshold" -> health.withThresholds(health.healthyThreshold(), Integer.parseInt(value));
                default -> throw new IllegalArgumentException("x-localfaas-health-check has no setting " + e.getKey()
                        + "; use Path, Interval, Timeout, HealthyThreshold or UnhealthyThreshold");
            };
        }
        return health;
    }

}
