package dev.localfaas.runtime.isolation;

import java.lang.reflect.Field;
import java.util.Optional;

/**
 * The AWS Lambda Java interfaces as the function's own JAR bundles them ({@code aws-lambda-java-core}), looked up by
 * name: the runtime never depends on the AWS libraries, so that a function sees its own copies.
 */
public record LambdaApi(
        Class<?> context,
        Class<?> lambdaLogger,
        Class<?> requestHandler,
        Class<?> requestStreamHandler,
        Class<?> logLevel) {

    public static final String PACKAGE = "com.amazonaws.services.lambda.runtime.";

    /** Finds the interfaces in the function's loader; any of them may be null when the JAR lacks them. */
    public static LambdaApi in(ClassLoader loader) {
        return new LambdaApi(
                find(loader, PACKAGE + "Context").orElse(null),
                find(loader, PACKAGE + "LambdaLogger").orElse(null),
                find(loader, PACKAGE + "RequestHandler").orElse(null),
                find(loader, PACKAGE + "RequestStreamHandler").orElse(null),
                find(loader, PACKAGE + "logging.LogLevel").orElse(null));
    }

    /**
     * Points the function's {@code LambdaRuntime.getLogger()} at our logger, as the AWS runtime does reflectively, so
     * that code logging through the static accessor is attributed to its invocation too.
     */
    public static void installRuntimeLogger(ClassLoader loader, Object logger) {
        find(loader, PACKAGE + "LambdaRuntime").ifPresent(runtime -> {
            try {
                Field field = runtime.getDeclaredField("logger");
                field.setAccessible(true);
                field.set(null, logger);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // an old or repackaged core without the field: LambdaRuntime.getLogger() prints to stdout, still captured
            }
        });
    }

    private static Optional<Class<?>> find(ClassLoader loader, String name) {
        try {
            return Optional.of(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
