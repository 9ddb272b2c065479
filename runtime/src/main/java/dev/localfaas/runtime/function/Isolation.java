package dev.localfaas.runtime.function;

import java.util.Locale;
import java.util.Optional;

/**
 * How a function's execution environments are kept apart (docs/isolation.md).
 *
 * <ul>
 *   <li>{@link #CLASSLOADER}: one class loader per environment inside the emulator's JVM; cold starts in
 *       milliseconds, but no memory cap, no real {@code Max Memory Used}, one shared {@code /tmp}.</li>
 *   <li>{@link #PROCESS}: each environment is a child process talking to the Runtime API, as on Lambda: a JVM running
 *       AWS's runtime interface client for Java, or the runtime's own bootstrap for other languages.</li>
 * </ul>
 */
public enum Isolation {
    CLASSLOADER,
    PROCESS;

    /** The isolation named {@code text} ({@code classloader}, {@code process}), case-insensitive. */
    public static Optional<Isolation> parse(String text) {
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
