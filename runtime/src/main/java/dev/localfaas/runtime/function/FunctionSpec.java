package dev.localfaas.runtime.function;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function found in a deployment package: where it is, how to call it, its limits and its triggers.
 *
 * @param name          unique function name (annotation name, else the handler class's simple name)
 * @param jar           the deployment package it came from
 * @param handler       AWS handler string: {@code package.Class} or {@code package.Class::method}
 * @param memoryMb      configured memory (prices the GB-second)
 * @param timeoutSeconds invocation timeout
 * @param concurrency   reserved concurrency, 0 for unreserved
 * @param environment   the function's own environment variables
 * @param inputType     the handler's declared input type as a Java type name
 *                      ({@code com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent},
 *                      {@code java.util.Map}, {@code java.io.InputStream} for stream handlers), or "" when unknown;
 *                      read from the bytecode's generic signature, so the gateway can pick the payload format
 * @param architecture  {@code x86_64} or {@code arm64} (a template's {@code Architectures}; picks the price line)
 * @param layers        JARs that join the classpath after the package's own, in order (a template's layers'
 *                      {@code java/lib}, as the Java runtime adds {@code /opt/java/lib})
 * @param events        topic subscriptions, event rules, bucket notifications and async invoke settings
 * @param runtime       the declared Lambda runtime and the isolation of its environments (class loader or process)
 */
public record FunctionSpec(
        String name,
        Path jar,
        String handler,
        int memoryMb,
        int timeoutSeconds,
        int concurrency,
        Map<String, String> environment,
        String inputType,
        List<HttpRoute> httpRoutes,
        List<ScheduleSpec> schedules,
        List<QueueSpec> queues,
        String architecture,
        List<Path> layers,
        EventSources events,
        RuntimeSpec runtime) {

    public static final int DEFAULT_MEMORY_MB = 128;
    public static final int DEFAULT_TIMEOUT_SECONDS = 3;
    public static final String DEFAULT_ARCHITECTURE = "x86_64";

    public FunctionSpec {
        environment = Map.copyOf(environment);
        layers = List.copyOf(layers);
        httpRoutes = List.copyOf(httpRoutes);
        schedules = List.copyOf(schedules);
        queues = List.copyOf(queues);
        events = events == null ? EventSources.NONE : events;
        runtime = runtime == null ? RuntimeSpec.JAVA : runtime;
    }

    /** A Java function isolated by class loader (every function before the Runtime API). */
    public FunctionSpec(String name, Path jar, String handler, int memoryMb, int timeoutSeconds, int concurrency,
                        Map<String, String> environment, String inputType, List<HttpRoute> httpRoutes,
                        List<ScheduleSpec> schedules, List<QueueSpec> queues, String architecture, List<Path> layers,
                        EventSources events) {
        this(name, jar, handler, memoryMb, timeoutSeconds, concurrency, environment, inputType, httpRoutes, schedules,
                queues, architecture, layers, events, RuntimeSpec.JAVA);
    }

    /** A function on the default architecture without layers or publish/subscribe triggers. */
    public FunctionSpec(String name, Path jar, String handler, int memoryMb, int timeoutSeconds, int concurrency,
                        Map<String, String> environment, String inputType, List<HttpRoute> httpRoutes,
                        List<ScheduleSpec> schedules, List<QueueSpec> queues) {
        this(name, jar, handler, memoryMb, timeoutSeconds, concurrency, environment, inputType, httpRoutes, schedules,
                queues, DEFAULT_ARCHITECTURE, List.of(), EventSources.NONE);
    }

    /** A function without publish/subscribe triggers (a template's, until the template reader declares them). */
    public FunctionSpec(String name, Path jar, String handler, int memoryMb, int timeoutSeconds, int concurrency,
                        Map<String, String> environment, String inputType, List<HttpRoute> httpRoutes,
                        List<ScheduleSpec> schedules, List<QueueSpec> queues, String architecture, List<Path> layers) {
        this(name, jar, handler, memoryMb, timeoutSeconds, concurrency, environment, inputType, httpRoutes, schedules,
                queues, architecture, layers, EventSources.NONE);
    }

    /** A function on the default architecture without layers, as discovery finds it. */
    public FunctionSpec(String name, Path jar, String handler, int memoryMb, int timeoutSeconds, int concurrency,
                        Map<String, String> environment, String inputType, List<HttpRoute> httpRoutes,
                        List<ScheduleSpec> schedules, List<QueueSpec> queues, EventSources events) {
        this(name, jar, handler, memoryMb, timeoutSeconds, concurrency, environment, inputType, httpRoutes, schedules,
                queues, DEFAULT_ARCHITECTURE, List.of(), events);
    }

    /** The class part of the handler string (before the last {@code ::}). */
    public String handlerClass() {
        int i = handler.lastIndexOf("::");
        return i < 0 ? handler : handler.substring(0, i);
    }

    /** The method part of the handler string, when the handler is {@code Class::method}. */
    public Optional<String> handlerMethod() {
        int i = handler.lastIndexOf("::");
        return i < 0 ? Optional.empty() : Optional.of(handler.substring(i + 2));
    }

    /** A copy with the memory and timeout overridden (the CLI's {@code --memory} and {@code --timeout}). */
    public FunctionSpec withLimits(int memoryMb, int timeoutSeconds) {
        return new FunctionSpec(name, jar, handler, memoryMb, timeoutSeconds, concurrency, environment,
                inputType, httpRoutes, schedules, queues, architecture, layers, events, runtime);
    }

    /** A copy under another name (a JAR-named function when handler class names clash). */
    public FunctionSpec withName(String newName) {
        return new FunctionSpec(newName, jar, handler, memoryMb, timeoutSeconds, concurrency, environment,
                inputType, httpRoutes, schedules, queues, architecture, layers, events, runtime);
    }

    /** A copy with other HTTP routes (a payload format chosen on the command line). */
    public FunctionSpec withHttpRoutes(List<HttpRoute> routes) {
        return new FunctionSpec(name, jar, handler, memoryMb, timeoutSeconds, concurrency, environment,
                inputType, routes, schedules, queues, architecture, layers, events, runtime);
    }

    /** A copy with another runtime or isolation (a template's {@code Runtime}, {@code --isolation}). */
    public FunctionSpec withRuntime(RuntimeSpec other) {
        return new FunctionSpec(name, jar, handler, memoryMb, timeoutSeconds, concurrency, environment,
                inputType, httpRoutes, schedules, queues, architecture, layers, events, other);
    }
}
