package dev.localfaas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** {@code faas invoke --url}: the same invocation through a running gateway's Lambda Invoke API. */
final class RemoteInvoke {

    /** How the CLI sends a gateway's admin token (see docs/gateway.md). */
    static final String TOKEN_HEADER = "X-Faas-Token";

    private RemoteInvoke() {
    }

    static int invoke(URI gateway, String adminToken, String function, byte[] payload, PrintWriter out,
                      PrintWriter err) {
        URI target = gateway.resolve("/2015-03-31/functions/"
                + URLEncoder.encode(function, StandardCharsets.UTF_8) + "/invocations");
        HttpRequest.Builder builder = HttpRequest.newBuilder(target);
        if (adminToken != null && !adminToken.isBlank()) {
            builder.header(TOKEN_HEADER, adminToken);
        }
        HttpRequest request = builder
                .header("X-Amz-Log-Type", "Tail")
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(16))
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw CliException.usage("no gateway answers at " + gateway + "; start one with 'faas run' or check --url");
        } catch (IOException e) {
            throw CliException.usage("cannot reach the gateway at " + gateway + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.usage("interrupted while invoking " + function);
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        response.headers().firstValue("X-Amz-Log-Result").ifPresent(log ->
                err.print(new String(Base64.getDecoder().decode(log), StandardCharsets.UTF_8)));
        err.flush();
        if (response.statusCode() != 200) {
            String type = response.headers().firstValue("x-amzn-ErrorType").orElse("HTTP " + response.statusCode());
            throw CliException.usage(type + " from " + target + ": " + body);
        }
        out.println(body);
        out.flush();
        return response.headers().firstValue("X-Amz-Function-Error").isPresent()
                ? ExitCodes.FUNCTION_ERROR : ExitCodes.OK;
    }
}
