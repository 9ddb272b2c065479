package dev.localfaas.runtime.function;

import io.github.classgraph.AnnotationInfo;
import io.github.classgraph.AnnotationInfoList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What a handler declares with the faas-api annotations ({@code @Function}, {@code @HttpTrigger},
 * {@code @ScheduleTrigger}, {@code @QueueTrigger}, and the publish/subscribe ones of {@link EventSourceAnnotations}), read from bytecode and checked against the limits AWS applies.
 * Each broken value is reported as one phrase naming the annotation, the value and the fix.
 */
record DeclaredSettings(
        Optional<String> name,
        int memoryMb,
        int timeoutSeconds,
        int concurrency,
        Map<String, String> environment,
        List<HttpRoute> httpRoutes,
        List<ScheduleSpec> schedules,
        List<QueueSpec> queues,
        EventSources events) {

    static final String FUNCTION = "dev.localfaas.api.Function";
    private static final String API = "dev.localfaas.api.";

    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]+");
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}(\\.fifo)?");
    private static final Set<String> HTTP_METHODS =
            Set.of("ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    /** Set by Lambda itself; AWS rejects a function configuration that sets them. */
    private static final Set<String> RESERVED_ENV = Set.of(
            "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE",
            "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR");

    DeclaredSettings {
        environment = Map.copyOf(environment);
        httpRoutes = List.copyOf(httpRoutes);
        schedules = List.copyOf(schedules);
        queues = List.copyOf(queues);
    }

    /** Reads the annotations of one class or method; every broken value goes to {@code problems}. */
    static DeclaredSettings read(AnnotationInfoList annotations, Consumer<String> problems) {
        AnnotationInfo function = annotations.get(FUNCTION);
        AnnotationValues fn = function == null ? null : AnnotationValues.of(function);
        Optional<String> name = fn == null ? Optional.empty() : Optional.of(fn.string("name", "")).filter(n -> !n.isEmpty());
        name.filter(n -> !FUNCTION_NAME.matcher(n).matches()).ifPresent(n -> problems.accept(
                "@Function(name = \"" + n + "\") is not a valid function name; use 1 to 64 letters, digits, - or _"));

        int memory = fn == null ? FunctionSpec.DEFAULT_MEMORY_MB : fn.integer("memoryMb", FunctionSpec.DEFAULT_MEMORY_MB);
        if (memory < 128 || memory > 10_240) {
            problems.accept("@Function(memoryMb = " + memory + ") is out of range; use 128 to 10240 (MB), as on AWS");
        }
        int timeout = fn == null ? FunctionSpec.DEFAULT_TIMEOUT_SECONDS
                : fn.integer("timeoutSeconds", FunctionSpec.DEFAULT_TIMEOUT_SECONDS);
        if (timeout < 1 || timeout > 900) {
            problems.accept("@Function(timeoutSeconds = " + timeout + ") is out of range; use 1 to 900 (seconds), as on AWS");
        }
        int concurrency = fn == null ? 0 : fn.integer("concurrency", 0);
        if (concurrency < 0) {
            problems.accept("@Function(concurrency = " + concurrency
                    + ") is negative; use 0 for unreserved or the number of invocations that may run at once");
        }
        Map<String, String> environment = fn == null ? Map.of() : environment(fn.strings("environment"), problems);
        return new DeclaredSettings(name, memory, timeout, concurrency, environment,
                httpRoutes(annotations, problems), schedules(annotations, problems), queues(annotations, problems),
                EventSourceAnnotations.read(annotations, problems));
    }

    private static Map<String, String> environment(List<String> entries, Consumer<String> problems) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            String key = eq < 0 ? entry : entry.substring(0, eq);
            String where = "@Function(environment = \"" + entry + "\")";
            if (eq < 0) {
                problems.accept(where + " is not KEY=value; write it as \"" + entry + "=value\"");
            } else if (!ENV_KEY.matcher(key).matches()) {
                problems.accept(where + ": \"" + key + "\" is not a valid variable name; use a letter followed by"
                        + " letters, digits or _ (2 characters at least), as AWS requires");
            } else if (RESERVED_ENV.contains(key)) {
                problems.accept(where + ": " + key + " is reserved; Lambda sets it itself, choose another name");
            } else if (environment.containsKey(key)) {
                problems.accept(where + ": " + key + " is set twice; keep one entry");
            } else {
                environment.put(key, entry.substring(eq + 1));
            }
        }
        return environment;
    }

    private static List<HttpRoute> httpRoutes(AnnotationInfoList annotations, Consumer<String> problems) {
        List<HttpRoute> routes = new ArrayList<>();
        for (AnnotationValues trigger : AnnotationValues.repeatable(annotations, API + "HttpTrigger", API + "HttpTriggers")) {
            String method = trigger.string("method", "ANY").toUpperCase(Locale.ROOT);
            String path = trigger.string("path", "");
            String format = trigger.string("payloadFormat", "").trim();
            if (!HTTP_METHODS.contains(method)) {
                problems.accept("@HttpTrigger(method = \"" + trigger.string("method", "") + "\") is not an HTTP method;"
                        + " use GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY");
            } else if (!path.startsWith("/")) {
                problems.accept("@HttpTrigger(path = \"" + path + "\") does not start with /; write \"/" + path + "\"");
            } else if (!format.isEmpty() && !HttpRoute.PAYLOAD_FORMATS.contains(format)) {
                problems.accept("@HttpTrigger(payloadFormat = \"" + format + "\") is not a payload format;"
                        + " use \"1.0\" (REST API) or \"2.0\" (HTTP API), or leave it out to have it inferred");
            } else {
                routes.add(new HttpRoute(method, path, format));
            }
        }
        return routes;
    }

    private static List<ScheduleSpec> schedules(AnnotationInfoList annotations, Consumer<String> problems) {
        List<ScheduleSpec> schedules = new ArrayList<>();
        for (AnnotationValues trigger : AnnotationValues.repeatable(annotations, API + "ScheduleTrigger", API + "ScheduleTriggers")) {
            String expression = trigger.string("value", "").trim();
            // Only the shape is checked here; the scheduler parses the expression itself.
            if (!(expression.startsWith("rate(") || expression.startsWith("cron(")) || !expression.endsWith(")")) {
                problems.accept("@ScheduleTrigger(\"" + expression + "\") is not a schedule expression;"
                        + " write rate(5 minutes) or cron(0 12 * * ? *)");
            } else {
                schedules.add(new ScheduleSpec(expression, trigger.string("input", ""), trigger.bool("enabled", true)));
            }
        }
        return schedules;
    }

    private static List<QueueSpec> queues(AnnotationInfoList annotations, Consumer<String> problems) {
        AnnotationInfo info = annotations.get(API + "QueueTrigger");
        if (info == null) {
            return List.of();
        }
        AnnotationValues trigger = AnnotationValues.of(info);
        String queue = trigger.string("queue", "");
        int batchSize = trigger.integer("batchSize", 10);
        int window = trigger.integer("maxBatchingWindowSeconds", 0);
        int maxReceiveCount = trigger.integer("maxReceiveCount", 0);
        int visibility = trigger.integer("visibilityTimeoutSeconds", 30);
        String deadLetterQueue = trigger.string("deadLetterQueue", "");
        List<String> found = new ArrayList<>();
        if (!QUEUE_NAME.matcher(queue).matches()) {
            found.add("@QueueTrigger(queue = \"" + queue + "\") is not a queue name; use 1 to 80 letters, digits, - or _");
        }
        if (!deadLetterQueue.isEmpty() && !QUEUE_NAME.matcher(deadLetterQueue).matches()) {
            found.add("@QueueTrigger(deadLetterQueue = \"" + deadLetterQueue + "\") is not a queue name;"
                    + " use 1 to 80 letters, digits, - or _, or leave it empty");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            found.add("@QueueTrigger(batchSize = " + batchSize + ") is out of range; use 1 to 10000, as on AWS");
        } else if (batchSize > 10 && window < 1) {
            found.add("@QueueTrigger(batchSize = " + batchSize + ") needs maxBatchingWindowSeconds of at least 1,"
                    + " as AWS requires for batches over 10");
        }
        if (window < 0 || window > 300) {
            found.add("@QueueTrigger(maxBatchingWindowSeconds = " + window + ") is out of range; use 0 to 300, as on AWS");
        }
        if (maxReceiveCount < 0) {
            found.add("@QueueTrigger(maxReceiveCount = " + maxReceiveCount + ") is negative; use 0 for never or a count");
        }
        if (visibility < 0 || visibility > 43_200) {
            found.add("@QueueTrigger(visibilityTimeoutSeconds = " + visibility + ") is out of range;"
                    + " use 0 to 43200 (12 hours), as SQS allows");
        }
        found.forEach(problems);
        return found.isEmpty()
                ? List.of(new QueueSpec(queue, batchSize, window, maxReceiveCount, deadLetterQueue, visibility))
                : List.of();
    }
}
