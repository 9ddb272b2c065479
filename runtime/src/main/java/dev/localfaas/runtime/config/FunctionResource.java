package dev.localfaas.runtime.config;

import dev.localfaas.runtime.config.yaml.Position;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A function as the project file declares it, after globals, parameters and intrinsics: what becomes a
 * {@link dev.localfaas.runtime.function.FunctionSpec}, and what later issues read (aliases and deployment
 * preferences for traffic shifting).
 *
 * @param code                 the deployment package CodeUri resolved to: a JAR, or a folder of classes with lib/
 * @param runtime              the {@code Runtime} as written ({@code java21})
 * @param architecture         {@code x86_64} or {@code arm64}
 * @param reservedConcurrency  ReservedConcurrentExecutions, 0 when unreserved
 * @param autoPublishAlias     AutoPublishAlias, "" when none
 * @param deploymentPreference DeploymentPreference as written (plain maps and lists), null when none
 * @param layers               the JARs of the function's layers' {@code java/lib}, in layer order
 * @param isolation            {@code Metadata: localfaas: isolation} ({@code process} or {@code classloader}), or ""
 * @param logging              its {@code LoggingConfig} (format and log levels); its variables are in {@code environment}
 * @param position             where the resource starts; {@code handlerAt} and {@code codeAt} where its Handler and
 *                             CodeUri are, for the problems found when the package is opened
 */
public record FunctionResource(
        String logicalId,
        String name,
        String handler,
        Path code,
        String runtime,
        int memoryMb,
        int timeoutSeconds,
        Map<String, String> environment,
        String architecture,
        int reservedConcurrency,
        String autoPublishAlias,
        Object deploymentPreference,
        List<Path> layers,
        List<EventSource> events,
        Position position,
        Position handlerAt,
        Position codeAt,
        String isolation,
        FunctionLogging logging) {

    public FunctionResource {
        environment = Map.copyOf(environment);
        layers = List.copyOf(layers);
        events = List.copyOf(events);
        isolation = isolation == null ? "" : isolation;
        logging = logging == null ? FunctionLogging.DEFAULT : logging;
    }

    /** A function with the isolation its template chose and the default logging configuration. */
    public FunctionResource(String logicalId, String name, String handler, Path code, String runtime, int memoryMb,
                            int timeoutSeconds, Map<String, String> environment, String architecture,
                            int reservedConcurrency, String autoPublishAlias, Object deploymentPreference,
                            List<Path> layers, List<EventSource> events, Position position, Position handlerAt,
                            Position codeAt, String isolation) {
        this(logicalId, name, handler, code, runtime, memoryMb, timeoutSeconds, environment, architecture,
                reservedConcurrency, autoPublishAlias, deploymentPreference, layers, events, position, handlerAt,
                codeAt, isolation, FunctionLogging.DEFAULT);
    }

    /** The same function with these events. */
    public FunctionResource withEvents(List<EventSource> events) {
        return new FunctionResource(logicalId, name, handler, code, runtime, memoryMb, timeoutSeconds, environment,
                architecture, reservedConcurrency, autoPublishAlias, deploymentPreference, layers, events, position,
                handlerAt, codeAt, isolation, logging);
    }

    /** A function whose template chose no isolation (class loader for Java, the default). */
    public FunctionResource(String logicalId, String name, String handler, Path code, String runtime, int memoryMb,
                            int timeoutSeconds, Map<String, String> environment, String architecture,
                            int reservedConcurrency, String autoPublishAlias, Object deploymentPreference,
                            List<Path> layers, List<EventSource> events, Position position, Position handlerAt,
                            Position codeAt) {
        this(logicalId, name, handler, code, runtime, memoryMb, timeoutSeconds, environment, architecture,
                reservedConcurrency, autoPublishAlias, deploymentPreference, layers, events, position, handlerAt,
                codeAt, "", FunctionLogging.DEFAULT);
    }
}
