package dev.localfaas.runtime.isolation;

import java.io.IOException;
import java.io.InputStream;

/**
 * The loader of one environment's copy of AWS's {@code aws-lambda-java-serialization} code, set up as the AWS runtime
 * sets it up: outside the function's loader, handed the function's classes. The library keeps per-process state in
 * statics (a class cache by name, a global mapper that gets modules registered), which is right in AWS's one-function
 * process but would mix two functions' classes in ours; so each environment defines its own copy of the library's
 * own classes (78 small ones). The shaded Jackson, org.json and Joda the library bundles hold no function state and
 * are loaded once, by the runtime's loader, so that the JIT's work on them is shared.
 *
 * <p>Nothing else is visible: not the runtime, and not the function (the library reaches the function's classes only
 * through the loader it is handed).
 */
final class SerializationLoader extends ClassLoader {

    static final String LIBRARY = "com.amazonaws.services.lambda.runtime.serialization.";
    static final String THIRD_PARTY = "com.amazonaws.lambda.thirdparty.";
    private static final ClassLoader RUNTIME = SerializationLoader.class.getClassLoader();

    static {
        registerAsParallelCapable();
    }

    SerializationLoader(String functionName) {
        super("aws-serialization:" + functionName, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.startsWith(THIRD_PARTY)) {
            return RUNTIME.loadClass(name);
        }
        if (!name.startsWith(LIBRARY)) {
            throw new ClassNotFoundException(name);
        }
        String path = name.replace('.', '/') + ".class";
        try (InputStream in = RUNTIME.getResourceAsStream(path)) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
