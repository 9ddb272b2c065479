package dev.localfaas.runtime.isolation;

import java.lang.reflect.Field;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Makes {@code System.getenv} answer per invocation: a handler sees the Lambda variables of its own function
 * ({@code AWS_LAMBDA_FUNCTION_NAME}, ...) and its configured environment over the process's own, while the same
 * call from any other thread sees the process environment unchanged.
 *
 * <p>The JDK keeps the environment in a static, unmodifiable map. We replace the map <em>inside</em> that
 * unmodifiable wrapper with one that consults the current thread's overlay. This needs
 * {@code --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED}, which the
 * {@code faas.jar} manifest declares. Where the JDK refuses, {@link #install()} says why and handlers see the
 * process environment only (documented in docs/limitations.md).
 */
public final class EnvironmentOverlay {

    private static final InheritableThreadLocal<Map<String, String>> CURRENT = new InheritableThreadLocal<>();
    private static volatile String installError;
    private static volatile boolean installed;

    private EnvironmentOverlay() {
    }

    /** Installs the overlay once; returns null when it works, else the reason it cannot. */
    public static synchronized String install() {
        if (installed || installError != null) {
            return installError;
        }
        try {
            Class<?> pe = Class.forName("java.lang.ProcessEnvironment");
            Field unmodifiable = pe.getDeclaredField("theUnmodifiableEnvironment");
            unmodifiable.setAccessible(true);
            Object wrapper = unmodifiable.get(null);
            Field inner = Class.forName("java.util.Collections$UnmodifiableMap").getDeclaredField("m");
            inner.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, String> base = (Map<String, String>) inner.get(wrapper);
            inner.set(wrapper, new OverlayMap(base, CURRENT::get));
            installed = true;
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            installError = "cannot give handlers their own System.getenv (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); run faas.jar with --add-opens java.base/java.util=ALL-UNNAMED "
                    + "--add-opens java.base/java.lang=ALL-UNNAMED";
            return installError;
        }
    }

    public static boolean installed() {
        return installed;
    }

    /** Sets the calling thread's overlay; returns the previous one, to restore in {@code finally}. */
    public static Map<String, String> enter(Map<String, String> variables) {
        Map<String, String> previous = CURRENT.get();
        CURRENT.set(variables);
        return previous;
    }

    public static void restore(Map<String, String> previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** The process environment, with the current thread's overlay on top. */
    private static final class OverlayMap extends AbstractMap<String, String> {
        private final Map<String, String> base;
        private final Supplier<Map<String, String>> overlay;

        OverlayMap(Map<String, String> base, Supplier<Map<String, String>> overlay) {
            this.base = base;
            this.overlay = overlay;
        }

        @Override
        public String get(Object key) {
            Map<String, String> o = overlay.get();
            if (o != null && o.containsKey(key)) {
                return o.get(key);
            }
            return base.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            Map<String, String> o = overlay.get();
            return (o != null && o.containsKey(key)) || base.containsKey(key);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            Map<String, String> o = overlay.get();
            if (o == null) {
                return base.entrySet();
            }
            Map<String, String> merged = new HashMap<>(base);
            merged.putAll(o);
            return merged.entrySet();
        }
    }
}
