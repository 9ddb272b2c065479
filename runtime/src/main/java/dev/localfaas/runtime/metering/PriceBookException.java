package dev.localfaas.runtime.metering;

/** A price book that cannot be used, or a provider that is not in it; the message is one line for the user. */
public final class PriceBookException extends RuntimeException {
    public PriceBookException(String message) {
        super(message);
    }
}
