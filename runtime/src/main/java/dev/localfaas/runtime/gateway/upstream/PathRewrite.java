package dev.localfaas.runtime.gateway.upstream;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The path a proxied request is sent to.
 * <ul>
 *   <li>{@link #passThrough()}: the request's own path ({@code --upstream '/orders/*=http://h:8081'}: {@code /orders/42}
 *       goes to {@code /orders/42}, as nginx's {@code proxy_pass} without a URI);</li>
 *   <li>{@link #replacePrefix}: the route's literal prefix swapped for the target's path
 *       ({@code /orders/*=http://h:8081/api}: {@code /orders/42} goes to {@code /api/42});</li>
 *   <li>{@link #template}: API Gateway's HTTP_PROXY rule, the integration URI's path with the route's path variables put
 *       in ({@code /petstore/{proxy}} on route {@code /pets/{proxy+}}: {@code /pets/dogs/1} goes to
 *       {@code /petstore/dogs/1}); a path without variables is used as it is.</li>
 * </ul>
 * The query string always follows unchanged.
 */
public final class PathRewrite {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9._-]+)\\+?}");

    private enum Kind { PASS, PREFIX, TEMPLATE }

    private final Kind kind;
    private final String from;
    private final String to;

    private PathRewrite(Kind kind, String from, String to) {
        this.kind = kind;
        this.from = from;
        this.to = to;
    }

    public static PathRewrite passThrough() {
        return new PathRewrite(Kind.PASS, "", "");
    }

    /** {@code prefix} (the route's literal part, e.g. {@code /orders}) becomes {@code base} (e.g. {@code /api}). */
    public static PathRewrite replacePrefix(String prefix, String base) {
        return new PathRewrite(Kind.PREFIX, prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix,
                base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    public static PathRewrite template(String path) {
        return new PathRewrite(Kind.TEMPLATE, "", path.isEmpty() ? "/" : path);
    }

    /**
     * @param rawPath    the request's path as it arrived (still percent-encoded)
     * @param parameters the route's path variables, decoded
     */
    public String apply(String rawPath, Map<String, String> parameters) {
        return switch (kind) {
            case PASS -> rawPath;
            case PREFIX -> {
                String rest = rawPath.startsWith(from) ? rawPath.substring(from.length()) : rawPath;
                String joined = to + rest;
                yield joined.isEmpty() ? "/" : joined;
            }
            case TEMPLATE -> {
                Matcher m = VARIABLE.matcher(to);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    String value = parameters.getOrDefault(m.group(1), "");
                    m.appendReplacement(out, Matcher.quoteReplacement(encode(value)));
                }
                m.appendTail(out);
                yield out.toString();
            }
        };
    }

    /** Percent-encodes what may not stand in a path segment; '/' stays, so a greedy variable keeps its segments. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PASS -> "path as requested";
            case PREFIX -> from + "/* -> " + (to.isEmpty() ? "" : to) + "/*";
            case TEMPLATE -> to;
        };
    }
}
