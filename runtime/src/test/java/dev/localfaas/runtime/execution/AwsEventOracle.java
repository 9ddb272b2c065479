package dev.localfaas.runtime.execution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * AWS's serializer as AWS's own test helpers and runtime use it, independent of ours: a plain loader over the published
 * {@code aws-lambda-java-serialization} JAR (its own copy, so its per-process statics see one events version), handed
 * a loader over a function JAR that bundles {@code aws-lambda-java-events}. The serializer is chosen per class as the
 * runtime interface client's {@code EventHandlerLoader.getSerializer} chooses it.
 */
final class AwsEventOracle implements AutoCloseable {

    static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";
    private static final String LIBRARY = "com.amazonaws.services.lambda.runtime.serialization.";

    private final URLClassLoader events;
    private final URL serializationJar;
    private URLClassLoader library;

    AwsEventOracle(Path functionJar) {
        try {
            serializationJar = Class.forName(LIBRARY + "PojoSerializer").getProtectionDomain().getCodeSource()
                    .getLocation();
            events = new URLClassLoader(new URL[] {functionJar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        freshProcess();
    }

    /**
     * A new copy of the library, as a new Lambda process has: its global mapper collects modules from every event
     * serializer it builds, so what one type gets depends on what was built before it in the same process.
     */
    void freshProcess() {
        try {
            if (library != null) {
                library.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        library = new URLClassLoader(new URL[] {serializationJar}, ClassLoader.getPlatformClassLoader());
    }

    boolean has(String eventClass) {
        return events.getResource((EVENTS + eventClass).replace('.', '/') + ".class") != null;
    }

    /** The event read from {@code json} and written back, by AWS's serializer. */
    String roundTrip(String eventClass, String json) {
        try {
            Object serializer = serializer(eventClass);
            Object event = fromJson(serializer, json);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pojoSerializer().getMethod("toJson", Object.class, OutputStream.class).invoke(serializer, event, out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (ReflectiveOperationException e) {
            throw new OracleFailure(rootCause(e));
        }
    }

    /** {@code toString()} of the event AWS's serializer reads from {@code json}: its fields as read. */
    String text(String eventClass, String json) {
        try {
            return String.valueOf(fromJson(serializer(eventClass), json));
        } catch (ReflectiveOperationException e) {
            throw new OracleFailure(rootCause(e));
        }
    }

    private Object fromJson(Object serializer, String json) throws ReflectiveOperationException {
        return pojoSerializer().getMethod("fromJson", String.class).invoke(serializer, json);
    }

    private Class<?> pojoSerializer() throws ClassNotFoundException {
        return library.loadClass(LIBRARY + "PojoSerializer");
    }

    private Object serializer(String eventClass) throws ReflectiveOperationException {
        Class<?> type = events.loadClass(EVENTS + eventClass);
        Class<?> serializers = library.loadClass(LIBRARY + "events.LambdaEventSerializers");
        if ((boolean) serializers.getMethod("isLambdaSupportedEvent", String.class).invoke(null, type.getName())) {
            return serializers.getMethod("serializerFor", Class.class, ClassLoader.class).invoke(null, type, events);
        }
        Class<?> jackson = library.loadClass(LIBRARY + "factories.JacksonFactory");
        Object factory = jackson.getMethod("getInstance").invoke(null);
        return jackson.getMethod("getSerializer", Type.class).invoke(factory, type);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** AWS's serializer (or the event class itself) failed on this input: the function must fail the same way. */
    static final class OracleFailure extends RuntimeException {
        final Throwable root;

        OracleFailure(Throwable root) {
            super(root.toString(), root);
            this.root = root;
        }
    }

    static String resource(String path) {
        try (InputStream in = AwsEventOracle.class.getResourceAsStream("/aws-events/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no sample event " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        events.close();
        library.close();
    }
}
