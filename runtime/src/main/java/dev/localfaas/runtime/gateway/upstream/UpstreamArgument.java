package dev.localfaas.runtime.gateway.upstream;

import dev.localfaas.runtime.function.HttpRoute;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code faas run --upstream}:
 * <pre>
 *   [METHOD ]ROUTE=URL[;weight=N][,URL[;weight=N]...][,SETTING=VALUE...]
 *   /orders/*=http://127.0.0.1:8081,http://127.0.0.1:8082
 *   /orders/*=http://127.0.0.1:8081;weight=9,http://127.0.0.1:8082;weight=1,health=/actuator/health,interval=1s
 * </pre>
 * A route ending in {@code /*} serves its prefix and everything below it ({@code ANY /orders} and
 * {@code ANY /orders/{proxy+}}). Settings: {@code balance} (round-robin, least-requests), {@code health} (the
 * check's path), {@code interval}, {@code timeout} ({@code 500ms}, {@code 2s}), {@code healthy} and
 * {@code unhealthy} (thresholds), {@code retries}.
 */
public final class UpstreamArgument {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    private UpstreamArgument() {
    }

    /** @throws IllegalArgumentException with a one-line message naming the argument and the fix */
    public static UpstreamSpec parse(String argument) {
        int eq = argument.indexOf('=');
        if (eq <= 0) {
            throw bad(argument, "write ROUTE=URL[,URL...], like /orders/*=http://127.0.0.1:8081");
        }
        String left = argument.substring(0, eq).trim();
        String method = "ANY";
        int space = left.indexOf(' ');
        if (space > 0) {
            method = left.substring(0, space).toUpperCase(Locale.ROOT);
            left = left.substring(space + 1).trim();
            if (!METHODS.contains(method)) {
                throw bad(argument, "unknown method " + method + "; use GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS or ANY");
            }
        }
        if (!left.startsWith("/")) {
            throw bad(argument, "the route must start with '/', like /orders/*");
        }
        List<UpstreamTarget> targets = new ArrayList<>();
        HealthCheck health = HealthCheck.DEFAULTS;
        Balancing balancing = Balancing.ROUND_ROBIN;
        int retries = UpstreamSpec.DEFAULT_RETRIES;
        try {
            for (String item : argument.substring(eq + 1).split(",")) {
                String part = item.trim();
                if (part.contains("://")) {
                    targets.add(UpstreamTarget.parse(part));
                    continue;
                }
                int at = part.indexOf('=');
                String key = at < 0 ? part : part.substring(0, at).trim().toLowerCase(Locale.ROOT);
                String value = at < 0 ? "" : part.substring(at + 1).trim();
                switch (key) {
                    case "balance" -> balancing = Balancing.parse(value);
                    case "health" -> health = health.withPath(value);
                    case "interval" -> health = health.withInterval(duration(key, value));
                    case "timeout" -> health = health.withTimeout(duration(key, value));
                    case "healthy" -> health = health.withThresholds(number(key, value), health.unhealthyThreshold());
                    case "unhealthy" -> health = health.withThresholds(health.healthyThreshold(), number(key, value));
                    case "retries" -> retries = number(key, value);
                    default -> throw new IllegalArgumentException("'" + part + "' is neither a target URL nor a"
                            + " setting; settings are balance, health, interval, timeout, healthy, unhealthy, retries");
                }
            }
            return build(left, method, targets, balancing, health, retries);
        } catch (IllegalArgumentException e) {
            throw bad(argument, e.getMessage());
        }
    }

    private static UpstreamSpec build(String route, String method, List<UpstreamTarget> targets, Balancing balancing,
                                      HealthCheck health, int retries) {
        boolean prefix = route.endsWith("/*");
        String literal = prefix ? route.substring(0, route.length() - 2) : route;
        if (literal.contains("*")) {
            throw new IllegalArgumentException("'*' may only end the route, as in /orders/*");
        }
        List<HttpRoute> routes = new ArrayList<>();
        routes.add(new HttpRoute(method, literal.isEmpty() ? "/" : literal));
        if (prefix) {
            routes.add(new HttpRoute(method, literal + "/{proxy+}"));
        }
        String path = targets.isEmpty() ? "" : targets.get(0).url().getPath();
        for (UpstreamTarget t : targets) {
            if (!t.url().getPath().equals(path)) {
                throw new IllegalArgumentException("all targets of one route must have the same path (or none);"
                        + " " + t.url() + " differs from " + targets.get(0).url());
            }
        }
        PathRewrite rewrite = path == null || path.isEmpty() || path.equals("/") ? PathRewrite.passThrough()
                : path.contains("{") ? PathRewrite.template(path) : PathRewrite.replacePrefix(literal, path);
        return new UpstreamSpec(route, routes, targets, balancing, health, rewrite, retries);
    }

    private static int number(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
        }
    }

    static Duration duration(String key, String value) {
        Matcher m = DURATION.matcher(value.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(key + " '" + value + "' is not a duration; write 500ms, 2s or 1m");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }

    private static IllegalArgumentException bad(String argument, String why) {
        return new IllegalArgumentException("--upstream '" + argument + "': " + why);
    }
}
