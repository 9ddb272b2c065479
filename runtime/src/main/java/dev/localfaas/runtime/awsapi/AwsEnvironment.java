package dev.localfaas.runtime.awsapi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables that point a function's AWS SDK at the emulator, so that a client built with defaults
 * ({@code SqsClient.create()}) talks to the gateway: the endpoint for every service (the SDKs' standard
 * {@code AWS_ENDPOINT_URL} and per-service {@code AWS_ENDPOINT_URL_<SERVICE>}), and credentials. Lambda gives every
 * function the credentials of its execution role in {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and
 * {@code AWS_SESSION_TOKEN}; localfaas sets dummy ones there the same way (the gateway does not check signatures),
 * which also keeps a function from signing with the developer's own credentials. {@code AWS_REGION} and
 * {@code AWS_DEFAULT_REGION} are set by the engine with the other Lambda variables.
 */
public final class AwsEnvironment {
    public static final String ACCESS_KEY_ID = "AKIAFAASLOCAL0000000";
    public static final String SECRET_ACCESS_KEY = "localfaas-dummy-secret-not-checked";
    public static final String SESSION_TOKEN = "localfaas-dummy-session-token";
    private static final String[] SERVICES = {"SQS", "SNS", "EVENTBRIDGE", "LAMBDA"};

    private AwsEnvironment() {
    }

    /** The dummy credentials, as Lambda's reserved variables. */
    public static Map<String, String> credentials() {
        return Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID, "AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY,
                "AWS_SESSION_TOKEN", SESSION_TOKEN);
    }

    /** Credentials and every service's endpoint at {@code url} ({@code http://127.0.0.1:3000}). */
    public static Map<String, String> forEndpoint(String url) {
        Map<String, String> v = new LinkedHashMap<>(credentials());
        v.put("AWS_ENDPOINT_URL", url);
        for (String service : SERVICES) {
            v.put("AWS_ENDPOINT_URL_" + service, url);
        }
        return v;
    }
}
