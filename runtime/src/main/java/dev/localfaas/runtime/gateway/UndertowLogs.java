package dev.localfaas.runtime.gateway;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Undertow and XNIO log through java.util.logging and announce themselves at INFO on every start ("XNIO version
 * ..."), which would land in the middle of the user's console. Their warnings still show.
 */
final class UndertowLogs {

    /** Held strongly: java.util.logging forgets the level of a logger that has been collected. */
    private static final List<Logger> QUIETED = List.of(
            Logger.getLogger("org.xnio"), Logger.getLogger("org.jboss.threads"), Logger.getLogger("io.undertow"));

    private UndertowLogs() {
    }

    static void quiet() {
        QUIETED.forEach(l -> l.setLevel(Level.WARNING));
    }
}
