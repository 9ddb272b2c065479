package dev.localfaas.runtime.trigger.pattern;

/** A filter policy or event pattern that cannot be used; the message is one line naming the key and the fix. */
public final class PatternException extends RuntimeException {
    public PatternException(String message) {
        super(message);
    }
}
