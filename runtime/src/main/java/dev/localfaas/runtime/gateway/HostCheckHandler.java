package dev.localfaas.runtime.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses requests addressed to a name the gateway does not answer to. A web page can point its own domain at
 * 127.0.0.1 (DNS rebinding) and then talk to the gateway as "same origin"; its requests still carry that domain in
 * {@code Host}. Accepted: the bound address, loopback names, the names the user allowed, and, when listening on
 * every interface, IP literals (a rebinding needs a domain name) and this machine's own name.
 */
final class HostCheckHandler implements HttpHandler {

    private final Set<String> allowed;
    private final boolean anyHost;
    private final boolean anyIpLiteral;
    private final HttpHandler next;

    HostCheckHandler(String boundHost, AccessPolicy access, HttpHandler next) {
        this.next = next;
        this.anyHost = access.allowedHosts().contains(AccessPolicy.ANY_HOST);
        this.anyIpLiteral = isWildcard(boundHost);
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "[::1]", "::1"));
        names.add(bare(boundHost.toLowerCase(Locale.ROOT)));
        names.addAll(access.allowedHosts());
        if (anyIpLiteral) {
            names.add(machineName());
        }
        this.allowed = Set.copyOf(names);
    }

    /** The names accepted besides loopback ones, for messages. */
    String described() {
        return anyIpLiteral ? "this machine's addresses and names" : String.join(", ", allowed.stream()
                .filter(n -> !n.equals("::1") && !n.equals("[::1]")).sorted().toList());
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host == null || anyHost || accepted(bare(host.toLowerCase(Locale.ROOT)))) {
            next.handleRequest(exchange); // no Host at all is HTTP/1.0 from a tool, never a browser
            return;
        }
        Responses.message(exchange, 403, "Host '" + host + "' is not served here (protection against DNS rebinding);"
                + " localfaas answers to " + described() + "; add the name with --allowed-hosts " + bare(host));
    }

    private boolean accepted(String name) {
        return allowed.contains(name) || name.endsWith(".localhost") || name.startsWith("127.") && isIpLiteral(name)
                || anyIpLiteral && isIpLiteral(name);
    }

    /** The host without its port: {@code example.com:3000} gives {@code example.com}, {@code [::1]:3000} {@code [::1]}. */
    static String bare(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 || host.indexOf(':', colon + 1) >= 0 ? host : host.substring(0, colon);
    }

    static boolean isWildcard(String boundHost) {
        return boundHost.equals("0.0.0.0") || boundHost.equals("::") || boundHost.equals("[::]");
    }

    /** Whether the gateway can be reached from other machines. */
    static boolean isLoopback(String boundHost) {
        String h = bare(boundHost.toLowerCase(Locale.ROOT));
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!isIpLiteral(h)) {
            return false; // a name that resolves elsewhere; treat it as reachable
        }
        try {
            return InetAddress.getByName(h.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean isIpLiteral(String name) {
        return name.startsWith("[") || name.indexOf(':') >= 0 || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static String machineName() {
        try {
            return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
