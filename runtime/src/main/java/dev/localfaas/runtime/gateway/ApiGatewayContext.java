package dev.localfaas.runtime.gateway;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import dev.localfaas.runtime.execution.Invocation;

/** The facts about "the API" that every event carries: account, API id, stage, request ids and times. */
record ApiGatewayContext(String accountId, String region) {

    static final String API_ID = "localfaas";
    static final String STAGE = "$default";

    /** API Gateway's request time: {@code 12/Mar/2020:19:03:58 +0000}. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    /** The last second formatted: every request in that second reuses it instead of running the formatter. */
    private static volatile FormattedSecond lastTime = new FormattedSecond(Long.MIN_VALUE, "");

    private record FormattedSecond(long epochSecond, String text) {
    }

    static String time(Instant at) {
        FormattedSecond last = lastTime;
        if (last.epochSecond() != at.getEpochSecond()) {
            last = new FormattedSecond(at.getEpochSecond(), TIME.format(at));
            lastTime = last;
        }
        return last.text();
    }

    /** An HTTP API request id: 16 characters of base64, like {@code JKJaXmPLvHcESHA=}. */
    static String httpApiRequestId() {
        byte[] b = new byte[11];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(b);
        return Base64.getEncoder().encodeToString(b).replace('/', 'x').replace('+', 'y');
    }

    /** A REST API request id: a UUID. */
    static String restApiRequestId() {
        return Invocation.newRequestId();
    }

    String domainName(String host) {
        return host == null || host.isEmpty() ? "localhost" : host;
    }

    String domainPrefix(String host) {
        String d = domainName(host);
        int dot = d.indexOf('.');
        return dot < 0 ? d : d.substring(0, dot);
    }
}
