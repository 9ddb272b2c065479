package dev.localfaas.runtime.gateway.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An API's CORS configuration, answered as HTTP API answers it: preflight {@code OPTIONS} by the gateway itself,
 * and the allow-origin, expose and credentials headers added to every response to an allowed origin.
 *
 * @param maxAgeSeconds -1 when not set
 */
public record CorsRule(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                       List<String> exposeHeaders, int maxAgeSeconds, boolean allowCredentials) {

    public CorsRule {
        allowOrigins = List.copyOf(allowOrigins);
        allowMethods = List.copyOf(allowMethods);
        allowHeaders = List.copyOf(allowHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
    }

    /** SAM's {@code CorsConfiguration: true}: every origin, method and header. */
    public static CorsRule allowAll() {
        return new CorsRule(List.of("*"), List.of("*"), List.of("*"), List.of(), -1, false);
    }

    /**
     * Reads SAM's {@code CorsConfiguration} (HttpApi: lists, {@code true}) or {@code Cors} (Api: a quoted origin
     * string, or a mapping of quoted, comma-separated strings such as {@code "'GET,POST'"}); null when off.
     */
    public static CorsRule fromTemplate(Object setting) {
        if (setting == null || Boolean.FALSE.equals(setting)) {
            return null;
        }
        if (Boolean.TRUE.equals(setting)) {
            return allowAll();
        }
        if (setting instanceof String origin) {
            return new CorsRule(values(origin), List.of("*"), List.of("*"), List.of(), -1, false);
        }
        if (setting instanceof Map<?, ?> map) {
            List<String> origins = values(first(map, "AllowOrigins", "AllowOrigin"));
            return new CorsRule(origins, values(map.get("AllowMethods")), values(map.get("AllowHeaders")),
                    values(first(map, "ExposeHeaders", "ExposeHeader")), maxAge(map.get("MaxAge")),
                    Boolean.parseBoolean(String.valueOf(unquote(String.valueOf(map.get("AllowCredentials"))))));
        }
        throw new IllegalArgumentException("Cors must be true, an origin or a mapping, not " + setting);
    }

    /** Whether the gateway answers this request itself: an OPTIONS with Origin and Access-Control-Request-Method. */
    public static boolean isPreflight(PolicyRequest request) {
        return "OPTIONS".equals(request.method()) && request.header("Origin").isPresent()
                && request.header("Access-Control-Request-Method").isPresent();
    }

    /** The preflight's headers; none when the origin is not allowed (the browser then blocks the call). */
    public Map<String, String> preflightHeaders(PolicyRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        String origin = request.header("Origin").orElse("");
        String allowed = allowedOrigin(origin);
        if (allowed == null) {
            return headers;
        }
        headers.put("Access-Control-Allow-Origin", allowed);
        if (!allowMethods.isEmpty()) {
            headers.put("Access-Control-Allow-Methods", String.join(",", allowMethods));
        }
        if (!allowHeaders.isEmpty()) {
            headers.put("Access-Control-Allow-Headers", String.join(",", allowHeaders));
        }
        if (maxAgeSeconds >= 0) {
            headers.put("Access-Control-Max-Age", Integer.toString(maxAgeSeconds));
        }
        if (allowCredentials) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        return headers;
    }

    /** Headers added to an actual response: only for a request whose Origin is allowed. */
    public Map<String, String> responseHeaders(PolicyRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        String allowed = request.header("Origin").map(this::allowedOrigin).orElse(null);
        if (allowed == null) {
            return headers;
        }
        headers.put("Access-Control-Allow-Origin", allowed);
        if (!exposeHeaders.isEmpty()) {
            headers.put("Access-Control-Expose-Headers", String.join(",", exposeHeaders));
        }
        if (allowCredentials) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        return headers;
    }

    /** The Allow-Origin value: the origin itself when listed (or with credentials), "*" for a wildcard, else null. */
    String allowedOrigin(String origin) {
        for (String o : allowOrigins) {
            if (o.equals("*")) {
                return allowCredentials ? origin : "*";
            }
            if (o.equalsIgnoreCase(origin) || wildcardMatch(o.toLowerCase(Locale.ROOT), origin.toLowerCase(Locale.ROOT))) {
                return origin;
            }
        }
        return null;
    }

    /** HTTP API's {@code https://*.example.com}: one wildcard standing for the subdomain part. */
    private static boolean wildcardMatch(String pattern, String origin) {
        int star = pattern.indexOf('*');
        return star >= 0 && origin.length() > pattern.length() - 1
                && origin.startsWith(pattern.substring(0, star)) && origin.endsWith(pattern.substring(star + 1));
    }

    private static Object first(Map<?, ?> map, String a, String b) {
        return map.containsKey(a) ? map.get(a) : map.get(b);
    }

    private static List<String> values(Object setting) {
        List<String> out = new ArrayList<>();
        if (setting instanceof List<?> list) {
            list.forEach(v -> out.add(unquote(String.valueOf(v)).trim()));
        } else if (setting != null) {
            for (String v : unquote(String.valueOf(setting)).split(",")) {
                if (!v.isBlank()) {
                    out.add(v.trim());
                }
            }
        }
        return out;
    }

    private static int maxAge(Object setting) {
        return setting == null ? -1 : Integer.parseInt(unquote(String.valueOf(setting)).trim());
    }

    /** REST API's Cors values are header values in single quotes: {@code "'*'"}. */
    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("'") && v.endsWith("'") ? v.substring(1, v.length() - 1) : v;
    }
}
