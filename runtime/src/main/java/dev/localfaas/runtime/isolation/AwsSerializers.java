package dev.localfaas.runtime.isolation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * One environment's serializers, chosen per declared type exactly as the AWS runtime's {@code EventHandlerLoader}
 * chooses them (lambda-contract.md §2): a class that {@code LambdaEventSerializers.isLambdaSupportedEvent} names gets
 * {@code LambdaEventSerializers.serializerFor(class, functionLoader)} (mixins, naming strategies, date modules, the
 * org.json S3 serializer); any other type gets {@code JacksonFactory.getInstance().getSerializer(type)}.
 */
final class AwsSerializers {

    private static final MethodType FROM_JSON = MethodType.methodType(Object.class, String.class);
    private static final MethodType FROM_STREAM = MethodType.methodType(Object.class, InputStream.class);
    /**
     * Whether reading an event from its bytes gives what reading its UTF-8 text gives. AWS's runtime reads the
     * stream; the org.json S3 serializer then decodes it with the platform charset, which is UTF-8 on Lambda but not
     * on every machine (Java 17 takes it from the locale), so elsewhere events are read as text.
     */
    private static final boolean UTF8_PLATFORM = Charset.defaultCharset().equals(StandardCharsets.UTF_8);
    private static final MethodType TO_JSON = MethodType.methodType(void.class, Object.class, OutputStream.class);

    private final ClassLoader functionLoader;
    private final MethodHandle isSupportedEvent;
    private final MethodHandle eventSerializer;
    private final MethodHandle typeSerializer;
    private final MethodHandle fromJson;
    private final MethodHandle fromStream;
    private final MethodHandle toJson;

    private AwsSerializers(ClassLoader functionLoader, SerializationLoader library) throws ReflectiveOperationException {
        this.functionLoader = functionLoader;
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> events = library.loadClass(SerializationLoader.LIBRARY + "events.LambdaEventSerializers");
        Class<?> jackson = library.loadClass(SerializationLoader.LIBRARY + "factories.JacksonFactory");
        Class<?> pojoSerializer = library.loadClass(SerializationLoader.LIBRARY + "PojoSerializer");
        isSupportedEvent = lookup.findStatic(events, "isLambdaSupportedEvent",
                MethodType.methodType(boolean.class, String.class));
        eventSerializer = lookup.findStatic(events, "serializerFor",
                MethodType.methodType(pojoSerializer, Class.class, ClassLoader.class));
        Object factory = jackson.getMethod("getInstance").invoke(null);
        ownTypeCache(jackson.getMethod("getMapper").invoke(factory));
        typeSerializer = lookup.findVirtual(jackson, "getSerializer", MethodType.methodType(pojoSerializer, Type.class))
                .bindTo(factory);
        fromJson = lookup.findVirtual(pojoSerializer, "fromJson", FROM_JSON);
        fromStream = lookup.findVirtual(pojoSerializer, "fromJson", FROM_STREAM);
        toJson = lookup.findVirtual(pojoSerializer, "toJson", TO_JSON);
    }

    /**
     * Gives this copy's mapper a type cache of its own: the shaded Jackson is shared, and its default type cache
     * would keep classes of closed environments (and their loaders) alive. Done before any serializer copies it.
     */
    private static void ownTypeCache(Object mapper) throws ReflectiveOperationException {
        Object types = mapper.getClass().getMethod("getTypeFactory").invoke(mapper);
        Class<?> lruMap = Class.forName(SerializationLoader.THIRD_PARTY + "com.fasterxml.jackson.databind.util.LRUMap",
                false, AwsSerializers.class.getClassLoader());
        Class<?> lookupCache = lruMap.getInterfaces()[0];
        Object cache = lruMap.getConstructor(int.class, int.class).newInstance(16, 200);
        Object own = types.getClass().getMethod("withCache", lookupCache).invoke(types, cache);
        mapper.getClass().getMethod("setTypeFactory", types.getClass()).invoke(mapper, own);
    }

    /** A fresh copy of AWS's library for the environment whose classes {@code functionLoader} loads. */
    static AwsSerializers forEnvironment(String functionName, ClassLoader functionLoader) {
        try {
            return new AwsSerializers(functionLoader, new SerializationLoader(functionName));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("aws-lambda-java-serialization is missing from the runtime: " + e, e);
        }
    }

    /** The serializer AWS's runtime would use for a handler's declared input or output {@code type}. */
    Serializer serializerFor(Type type) {
        Object serializer;
        try {
            // every supported event is a com.amazonaws class: other types skip loading the event rules (and their
            // ~25 mixin classes) into this environment's copy of the library
            if (type instanceof Class<?> cls && cls.getName().startsWith("com.amazonaws.")
                    && (boolean) isSupportedEvent.invokeExact(cls.getName())) {
                serializer = eventSerializer.invoke(cls, functionLoader);
            } else {
                serializer = typeSerializer.invoke(type);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return new Serializer(UTF8_PLATFORM ? fromStream.bindTo(serializer) : fromJson.bindTo(serializer),
                UTF8_PLATFORM, toJson.bindTo(serializer));
    }

    /** One type's reader and writer. */
    record Serializer(MethodHandle fromJson, boolean fromBytes, MethodHandle toJson) {

        /** Reads an event: from its bytes as AWS's runtime does (Jackson's byte parser), or as UTF-8 text. */
        Object read(byte[] event) throws Throwable {
            return fromBytes ? fromJson.invoke((InputStream) new ByteArrayInputStream(event))
                    : fromJson.invoke(new String(event, StandardCharsets.UTF_8));
        }

        byte[] write(Object value) throws Throwable {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            toJson.invoke(value, (OutputStream) out);
            return out.toByteArray();
        }
    }
}
