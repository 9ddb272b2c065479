package dev.localfaas.runtime.traffic;

/**
 * A versions or aliases request that cannot be done, with a one-line message naming the thing and the fix; the kind
 * says how an API answers it.
 */
public final class TrafficException extends RuntimeException {

    /** Lambda's error codes for each kind. */
    public enum Kind {
        NOT_FOUND("ResourceNotFoundException", 404), INVALID("InvalidParameterValueException", 400),
        CONFLICT("ResourceConflictException", 409);

        private final String code;
        private final int status;

        Kind(String code, int status) {
            this.code = code;
            this.status = status;
        }

        public String code() {
            return code;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;

    TrafficException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    static TrafficException notFound(String message) {
        return new TrafficException(Kind.NOT_FOUND, message);
    }

    static TrafficException invalid(String message) {
        return new TrafficException(Kind.INVALID, message);
    }

    static TrafficException conflict(String message) {
        return new TrafficException(Kind.CONFLICT, message);
    }

    public Kind kind() {
        return kind;
    }
}
