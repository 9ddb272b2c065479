package dev.localfaas.runtime.isolation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Turns a handler string into a ready {@link HandlerAdapter}, the way the AWS Lambda Java runtime resolves it
 * (lambda-contract.md §1): load and initialize the class, pick the handler form, construct the one instance and
 * build the serializers. Everything here is part of the Init Duration.
 */
public final class HandlerResolver {

    private HandlerResolver() {
    }

    public static HandlerAdapter resolve(String handler, ClassLoader loader) throws FunctionLoadException {
        int sep = handler.lastIndexOf("::");
        String className = sep < 0 ? handler : handler.substring(0, sep);
        String methodName = sep < 0 ? null : handler.substring(sep + 2);
        if (className.isEmpty() || (methodName != null && methodName.isEmpty())) {
            throw new FunctionLoadException("Invalid handler: `" + handler + "'", null, null);
        }
        Class<?> cls = loadClass(className, loader);
        LambdaApi api = LambdaApi.in(loader);
        AwsSerializers serializers = AwsSerializers.forEnvironment(String.valueOf(loader.getName()), loader);
        return methodName == null
                ? interfaceHandler(cls, api, serializers)
                : MethodHandlerAdapter.create(cls, methodName, api, serializers);
    }

    private static Class<?> loadClass(String className, ClassLoader loader) throws FunctionLoadException {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new FunctionLoadException("Class not found: " + className, e.getClass().getName(), e);
        } catch (Throwable t) {
            Throwable reported = t;
            String message = t.getMessage();
            if (message == null && t.getCause() != null) {
                message = t.getCause().toString();
            }
            String hint = LoadFaultHint.of(t).map(h -> "; " + h).orElse("");
            throw new FunctionLoadException("Error loading class " + className + (message == null ? "" : ": " + message)
                    + hint, reported.getClass().getName(), t);
        }
    }

    private static HandlerAdapter interfaceHandler(Class<?> cls, LambdaApi api, AwsSerializers serializers)
            throws FunctionLoadException {
        try {
            if (api.requestStreamHandler() != null && api.requestStreamHandler().isAssignableFrom(cls)) {
                MethodHandle handle = MethodHandles.publicLookup().findVirtual(api.requestStreamHandler(), "handleRequest",
                        MethodType.methodType(void.class, InputStream.class, OutputStream.class, api.context()))
                        .bindTo(newInstance(cls));
                return (event, context) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    handle.invoke(new ByteArrayInputStream(event), (OutputStream) out, context);
                    return out.toByteArray();
                };
            }
            if (api.requestHandler() != null && api.requestHandler().isAssignableFrom(cls)) {
                Optional<Type[]> params = DeclaredTypes.requestHandlerTypes(cls, api.requestHandler());
                if (params.isEmpty()) {
                    throw new FunctionLoadException("Class " + cls.getName()
                            + " does not implement RequestHandler with concrete type parameters", null, null);
                }
                MethodHandle handle = MethodHandles.publicLookup().findVirtual(api.requestHandler(), "handleRequest",
                        MethodType.methodType(Object.class, Object.class, api.context()))
                        .bindTo(newInstance(cls));
                JsonBridge json = JsonBridge.of(serializers, params.get()[0], params.get()[1]);
                return (event, context) -> json.write(handle.invoke(json.read(event), context));
            }
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new FunctionLoadException("Class " + cls.getName() + " cannot be called as a handler: " + e.getMessage(),
                    e.getClass().getName(), e);
        }
        throw new FunctionLoadException("Class does not implement an appropriate handler interface: " + cls.getName(),
                null, null);
    }

    /** The one instance of an environment, built as the AWS runtime builds it. */
    static Object newInstance(Class<?> cls) throws FunctionLoadException {
        if (cls.isMemberClass() && !Modifier.isStatic(cls.getModifiers())) {
            throw new FunctionLoadException("Class " + cls.getName()
                    + " cannot be instantiated because it is a non-static inner class", null, null);
        }
        Constructor<?> constructor;
        try {
            constructor = cls.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new FunctionLoadException("Class " + cls.getName() + " has no public zero-argument constructor",
                    null, null);
        }
        try {
            return constructor.newInstance();
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new FunctionLoadException(String.valueOf(cause.getMessage()), cause.getClass().getName(), cause);
        } catch (ReflectiveOperationException e) {
            throw new FunctionLoadException("Class " + cls.getName() + " cannot be instantiated: " + e.getMessage(),
                    e.getClass().getName(), e);
        }
    }
}
