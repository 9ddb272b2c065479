package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.function.HttpRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One parsed route: a method (or ANY) and path segments that are literal, {@code {param}} or a final greedy
 * {@code {name+}}. Orders itself by API Gateway's specificity so that the router can take the first match.
 *
 * @param routeKey API Gateway's route key, {@code GET /users/{id}}: made once here, sent in every event
 */
record RoutePattern(String method, String path, List<Segment> segments, String routeKey, String payloadFormat)
        implements Comparable<RoutePattern> {

    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY");
    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    enum Kind { LITERAL, PARAM, GREEDY }

    record Segment(Kind kind, String text) {
        /** The shape of the segment, which is what makes two routes collide ({@code {id}} and {@code {uid}} do). */
        String shape() {
            return switch (kind) {
                case LITERAL -> text;
                case PARAM -> "{}";
                case GREEDY -> "{+}";
            };
        }
    }

    /** Parses and validates a declared route; the message names the function, the route and the fix. */
    static RoutePattern parse(String function, HttpRoute route) {
        String method = route.method().trim().toUpperCase(Locale.ROOT);
        String where = function + ": route " + route.method() + " " + route.path();
        if (!METHODS.contains(method)) {
            throw new GatewayException(where + ": unknown method; use one of GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS or ANY");
        }
        String path = route.path().trim();
        if (!path.startsWith("/")) {
            throw new GatewayException(where + ": a path must start with '/'; write /" + path);
        }
        List<Segment> segments = new ArrayList<>();
        String[] parts = path.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (part.isEmpty()) {
                if (last) {
                    continue; // "/" itself, or a trailing slash, which API Gateway ignores
                }
                throw new GatewayException(where + ": empty path segment; remove the doubled '/'");
            }
            segments.add(segment(where, part, last));
        }
        String normalized = "/" + String.join("/", segments.stream().map(RoutePattern::text).toList());
        return new RoutePattern(method, normalized, List.copyOf(segments), method + " " + normalized,
                route.payloadFormat());
    }

    private static String text(Segment s) {
        return switch (s.kind()) {
            case LITERAL -> s.text();
            case PARAM -> "{" + s.text() + "}";
            case GREEDY -> "{" + s.text() + "+}";
        };
    }

    private static Segment segment(String where, String part, boolean last) {
        if (!part.startsWith("{") && !part.contains("{") && !part.contains("}")) {
            return new Segment(Kind.LITERAL, part);
        }
        if (!part.startsWith("{") || !part.endsWith("}")) {
            throw new GatewayException(where + ": a path variable must be a whole segment such as {id}");
        }
        String name = part.substring(1, part.length() - 1);
        boolean greedy = name.endsWith("+");
        if (greedy) {
            name = name.substring(0, name.length() - 1);
            if (!last) {
                throw new GatewayException(where + ": a greedy variable {" + name + "+} must be the last segment");
            }
        }
        if (!PARAM_NAME.matcher(name).matches()) {
            throw new GatewayException(where + ": bad path variable name '" + name + "'; use letters, digits, '.', '_' or '-'");
        }
        return new Segment(greedy ? Kind.GREEDY : Kind.PARAM, name);
    }

    boolean anyMethod() {
        return method.equals("ANY");
    }

    /** Method plus the shape of every segment: two routes with one key cannot both exist. */
    String conflictKey() {
        return method + " /" + String.join("/", segments.stream().map(Segment::shape).toList());
    }

    /** Matches already split, decoded path segments; the path parameters on success. */
    Optional<Map<String, String>> match(String requestMethod, List<String> path) {
        if (!anyMethod() && !method.equals(requestMethod)) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (s.kind() == Kind.GREEDY) {
                if (i >= path.size()) {
                    return Optional.empty(); // a greedy variable needs at least one segment, as in API Gateway
                }
                params.put(s.text(), String.join("/", path.subList(i, path.size())));
                return Optional.of(params);
            }
            if (i >= path.size()) {
                return Optional.empty();
            }
            String actual = path.get(i);
            if (s.kind() == Kind.LITERAL ? !s.text().equals(actual) : actual.isEmpty()) {
                return Optional.empty();
            }
            if (s.kind() == Kind.PARAM) {
                params.put(s.text(), actual);
            }
        }
        return path.size() == segments.size() ? Optional.of(params) : Optional.empty();
    }

    /**
     * API Gateway's preference: segment by segment, a literal beats a variable, which beats a greedy variable; a
     * longer route beats its own prefix; finally a named method beats ANY.
     */
    @Override
    public int compareTo(RoutePattern other) {
        int n = Math.min(segments.size(), other.segments.size());
        for (int i = 0; i < n; i++) {
            int c = segments.get(i).kind().compareTo(other.segments.get(i).kind());
            if (c != 0) {
                return c;
            }
        }
        if (segments.size() != other.segments.size()) {
            return Integer.compare(other.segments.size(), segments.size());
        }
        return Boolean.compare(anyMethod(), other.anyMethod());
    }

    HttpRoute toHttpRoute() {
        return new HttpRoute(method, path, payloadFormat);
    }
}
