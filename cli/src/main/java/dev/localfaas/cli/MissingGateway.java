package dev.localfaas.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Locale;

/**
 * Tells a {@code faas invoke} user why a function's AWS SDK call failed when nothing serves the AWS APIs: the
 * function's log or answer mentions a refused connection, and nothing listens at the endpoint it was given. Kept to
 * that plain evidence; a function that swallows the error is not second-guessed.
 */
final class MissingGateway {
    private MissingGateway() {
    }

    static boolean mentionsRefusal(String text) {
        return text.toLowerCase(Locale.ROOT).contains("connection refused");
    }

    static boolean listening(URI endpoint) {
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : 80;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(endpoint.getHost(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String message(String function, URI endpoint) {
        return "faas: " + function + " called an AWS service at " + endpoint + " (AWS_ENDPOINT_URL) and nothing answers"
                + " there; start the gateway with faas run in another terminal (it serves SQS, SNS, EventBridge and"
                + " Lambda), or pass --aws-endpoint with where it runs";
    }
}
