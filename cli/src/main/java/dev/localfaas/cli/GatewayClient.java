package dev.localfaas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Talks to a running gateway's admin API; "nobody listens there" is an answer, not an error. */
final class GatewayClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** {@code adminToken} may be null: a gateway on loopback needs none. */
    GatewayClient(String url, String adminToken) {
        this.url = url.replaceAll("/+$", "");
        this.adminToken = adminToken;
    }

    String url() {
        return url;
    }

    /**
     * Sends a request; empty when no server accepts the connection. A JSON answer other than 2xx becomes a one-line
     * {@link CliException} with the gateway's message.
     */
    Optional<JsonNode> call(String method, String pathAndQuery, String body) {
        URI uri;
        try {
            uri = URI.create(url + pathAndQuery);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--url " + url + " is not a valid URL; give one like http://127.0.0.1:3000");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (adminToken != null && !adminToken.isBlank()) {
            builder.header(RemoteInvoke.TOKEN_HEADER, adminToken);
        }
        HttpRequest request = builder
                .header("Content-Type", "text/plain; charset=utf-8")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                return Optional.empty();
            }
            throw new CliException(ExitCodes.INTERNAL, url + ": the request failed (" + e.getMessage()
                    + "); check that the gateway is running");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.INTERNAL, "interrupted while talking to " + url);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            answer = null;
        }
        if (response.statusCode() / 100 == 2 && answer != null && answer.isObject()) {
            return Optional.of(answer);
        }
        if (answer != null && answer.hasNonNull("message")) {
            throw CliException.usage(answer.get("message").asText());
        }
        throw CliException.usage(url + " answered HTTP " + response.statusCode() + " and is not a faas gateway;"
                + " pass the gateway's address with --url");
    }
}
