package dev.localfaas.runtime.gateway.upstream;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * One HTTP service behind an upstream route, and its share of the traffic.
 *
 * @param url    {@code http://host:port}, with a path only where the route's rewrite uses it
 * @param weight relative share among the healthy targets; 0 keeps a target on standby (health-checked, sent traffic
 *               only when no weighted target is healthy), which is how blue/green switches are written
 */
public record UpstreamTarget(URI url, int weight) {

    public static final int DEFAULT_WEIGHT = 1;

    public UpstreamTarget {
        if (url == null || !"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("upstream target '" + url + "' is not an http://host:port URL;"
                    + " write it like http://127.0.0.1:8081");
        }
        if (weight < 0 || weight > 1000) {
            throw new IllegalArgumentException("upstream target " + url + ": weight " + weight
                    + " is out of range; use 0 to 1000");
        }
    }

    /** {@code http://127.0.0.1:8081} or {@code http://127.0.0.1:8081;weight=3}. */
    public static UpstreamTarget parse(String text) {
        String[] parts = text.trim().split(";");
        int weight = DEFAULT_WEIGHT;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (!p.toLowerCase(Locale.ROOT).startsWith("weight=")) {
                throw new IllegalArgumentException("upstream target '" + text + "': unknown setting '" + p
                        + "'; the only one is weight=N, as in http://127.0.0.1:8081;weight=3");
            }
            try {
                weight = Integer.parseInt(p.substring("weight=".length()).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("upstream target '" + text + "': weight must be a whole number"
                        + " from 0 to 1000, as in ;weight=3");
            }
        }
        return new UpstreamTarget(uri(parts[0].trim()), weight);
    }

    /** A URL whose path may hold API Gateway's path variables ({@code /petstore/{proxy}}), kept encoded. */
    static URI uri(String text) {
        try {
            return new URI(text.replace("{", "%7B").replace("}", "%7D"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("upstream target '" + text + "' is not a URL; write it like"
                    + " http://127.0.0.1:8081");
        }
    }

    /** The scheme, host and port alone: what a connection is opened to. */
    public URI origin() {
        return URI.create("http://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()));
    }

    @Override
    public String toString() {
        return url.toString().replace("%7B", "{").replace("%7D", "}");
    }

    /** {@code 127.0.0.1:8081}, how targets are named in messages and in the admin API. */
    public String address() {
        return url.getHost() + ":" + (url.getPort() < 0 ? 80 : url.getPort());
    }
}
