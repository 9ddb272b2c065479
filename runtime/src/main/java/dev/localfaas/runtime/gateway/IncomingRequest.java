package dev.localfaas.runtime.gateway;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the event mappers need of an HTTP request, detached from Undertow so that the mappings are plain functions
 * that tests can feed directly.
 *
 * @param path      the decoded path, used for routing
 * @param rawPath   the path as the client sent it (percent-encoded)
 * @param rawQuery  the query string as sent, without {@code ?}; "" when none
 * @param host      the host name the client addressed (Host header, without port)
 */
record IncomingRequest(
        String method,
        String path,
        String rawPath,
        String rawQuery,
        List<Header> headers,
        String sourceIp,
        String protocol,
        String host,
        byte[] body,
        Instant receivedAt) {

    IncomingRequest {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    static IncomingRequest from(HttpServerExchange exchange, byte[] body) {
        List<Header> headers = new ArrayList<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            String name = values.getHeaderName().toString();
            for (String value : values) {
                headers.add(new Header(name, value));
            }
        }
        InetSocketAddress source = exchange.getSourceAddress();
        String ip = source == null || source.getAddress() == null ? "127.0.0.1" : source.getAddress().getHostAddress();
        return new IncomingRequest(exchange.getRequestMethod().toString(), exchange.getRequestPath(),
                exchange.getRequestURI(), exchange.getQueryString(), headers, ip, exchange.getProtocol().toString(),
                exchange.getHostName(), body, Instant.now());
    }

    /** The last value of a header, case-insensitively, as API Gateway's single-value maps keep it. */
    Optional<String> header(String name) {
        String found = null;
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                found = h.value();
            }
        }
        return Optional.ofNullable(found);
    }

    List<String> headerValues(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }
}
