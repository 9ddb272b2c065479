package dev.localfaas.runtime.awsapi;

/**
 * An error as an AWS service answers it. {@code code} is the modelled error (the JSON protocols' {@code __type},
 * which the SDKs map to typed exceptions such as {@code QueueDoesNotExistException}); {@code queryCode} is the
 * query protocol's code, which a query-compatible JSON service also sends in {@code x-amzn-query-error}.
 */
public final class AwsException extends RuntimeException {
    private final String code;
    private final String queryCode;
    private final int status;
    private final boolean senderFault;

    public AwsException(String code, String queryCode, int status, boolean senderFault, String message) {
        super(message);
        this.code = code;
        this.queryCode = queryCode;
        this.status = status;
        this.senderFault = senderFault;
    }

    /** A client error whose code is the same in both protocols (InvalidParameterValue, MissingParameter, ...). */
    public static AwsException sender(String code, String message) {
        return new AwsException(code, code, 400, true, message);
    }

    public String code() {
        return code;
    }

    public String queryCode() {
        return queryCode;
    }

    public int status() {
        return status;
    }

    public boolean senderFault() {
        return senderFault;
    }
}
