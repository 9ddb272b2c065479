package dev.localfaas.runtime.gateway;

import java.util.Map;

/** An AWS API answer: status, content type, extra headers (request id, error code) and body. */
public record AwsApiResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    public AwsApiResponse {
        headers = Map.copyOf(headers);
    }
}
