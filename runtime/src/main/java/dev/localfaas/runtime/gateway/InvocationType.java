package dev.localfaas.runtime.gateway;

import java.util.Arrays;
import java.util.Optional;

/** {@code X-Amz-Invocation-Type}: how the Invoke API runs the call and which status says it was accepted. */
enum InvocationType {
    REQUEST_RESPONSE("RequestResponse", 200),
    EVENT("Event", 202),
    DRY_RUN("DryRun", 204);

    private final String header;
    private final int status;

    InvocationType(String header, int status) {
        this.header = header;
        this.status = status;
    }

    /** Absent means RequestResponse, as in Lambda. */
    static Optional<InvocationType> parse(String header) {
        if (header == null || header.isEmpty()) {
            return Optional.of(REQUEST_RESPONSE);
        }
        return Arrays.stream(values()).filter(t -> t.header.equals(header)).findFirst();
    }

    int status() {
        return status;
    }
}
