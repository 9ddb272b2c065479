package dev.localfaas.runtime.config;

import dev.localfaas.runtime.function.FunctionCatalog;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.HttpRoute;
import dev.localfaas.runtime.function.Isolation;
import dev.localfaas.runtime.function.RuntimeSpec;
import dev.localfaas.runtime.function.PackageHandlers;
import dev.localfaas.runtime.function.QueueSpec;
import dev.localfaas.runtime.function.ScheduleSpec;
import dev.localfaas.runtime.trigger.queue.QueueTriggerRules;
import dev.localfaas.runtime.trigger.schedule.ScheduleExpression;
import dev.localfaas.runtime.trigger.schedule.ScheduleExpressionException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the model's functions into the {@link FunctionSpec}s discovery would produce: the handler checked against
 * the package (the class must be there), queue settings taken from the queue the event names, each trigger checked
 * as the engine will check it, but reported at its line in the file.
 */
final class TemplateFunctions {
    private TemplateFunctions() {
    }

    static FunctionCatalog specs(ProjectModel model, Problems problems) {
        Map<Path, PackageHandlers> scanned = new HashMap<>();
        List<FunctionSpec> specs = new ArrayList<>();
        for (FunctionResource f : model.functions()) {
            if (Runtimes.isProcessOnly(f.runtime())) {
                FunctionSpec spec = new FunctionSpec(f.name(), f.code(), f.handler(), f.memoryMb(), f.timeoutSeconds(),
                        f.reservedConcurrency(), f.environment(), "", routes(f), List.of(), queues(model, f),
                        f.architecture(), List.of(), TemplateEvents.of(f, problems))
                        .withRuntime(RuntimeSpec.of(f.runtime()));
                checkQueues(f, spec, problems);
                specs.add(spec);
                continue;
            }
            PackageHandlers handlers = scanned.computeIfAbsent(f.code(), PackageHandlers::scan);
            Optional<String> inputType = handlers.inputType(f.handler());
            if (inputType.isEmpty()) {
                String cls = f.handler().contains("::") ? f.handler().substring(0, f.handler().lastIndexOf("::")) : f.handler();
                problems.add(f.handlerAt(), f.logicalId(), "Handler " + f.handler() + ": class " + cls + " is not in "
                        + f.code().getFileName() + "; fix Handler" + (handlers.handlers().isEmpty() ? " or rebuild the package"
                        : " (the package's handlers: " + String.join(", ", handlers.handlers()) + ")"));
                continue;
            }
            if (handlers.missesLambdaCore(f.handler())) {
                problems.add(f.codeAt(), f.logicalId(), f.code().getFileName() + " does not bundle"
                        + " aws-lambda-java-core, which " + f.handler() + " needs: it is a thin JAR; build a shaded one"
                        + " (maven-shade-plugin, then mvn package) and point CodeUri at it");
                continue;
            }
            List<HttpRoute> routes = new ArrayList<>();
            List<ScheduleSpec> schedules = new ArrayList<>();
            List<QueueSpec> queues = new ArrayList<>();
            for (EventSource e : f.events()) {
                if (e instanceof EventSource.Http h) {
                    routes.add(new HttpRoute(h.method(), h.path(), h.payloadFormat()));
                } else if (e instanceof EventSource.Schedule s) {
                    try {
                        ScheduleExpression.parse(s.expression());
                        schedules.add(new ScheduleSpec(s.expression(), s.input(), s.enabled()));
                    } catch (ScheduleExpressionException x) {
                        problems.add(s.position(), f.logicalId(), "event " + s.id() + ": " + x.getMessage());
                    }
                } else if (e instanceof EventSource.Queue q && q.enabled()) {
                    queues.add(queueSpec(model, q));
                }
                // streams are parsed for the Kafka issue; the reader warned about them
            }
            FunctionSpec spec = new FunctionSpec(f.name(), f.code(), f.handler(), f.memoryMb(), f.timeoutSeconds(),
                    f.reservedConcurrency(), f.environment(), inputType.get(), routes, schedules, queues,
                    f.architecture(), f.layers(), TemplateEvents.of(f, problems))
                    .withRuntime(new RuntimeSpec(f.runtime().isEmpty() ? RuntimeSpec.JAVA.runtime() : f.runtime(),
                            Isolation.parse(f.isolation()).orElse(Isolation.CLASSLOADER)));
            checkQueues(f, spec, problems);
            specs.add(spec);
        }
        checkNames(model, problems);
        specs.sort(Comparator.comparing(FunctionSpec::name));
        return new FunctionCatalog(specs, List.of());
    }

    private static List<HttpRoute> routes(FunctionResource f) {
        return f.events().stream().filter(e -> e instanceof EventSource.Http).map(e -> (EventSource.Http) e)
                .map(h -> new HttpRoute(h.method(), h.path(), h.payloadFormat())).toList();
    }

    private static List<QueueSpec> queues(ProjectModel model, FunctionResource f) {
        return f.events().stream().filter(e -> e instanceof EventSource.Queue q && q.enabled())
                .map(e -> queueSpec(model, (EventSource.Queue) e)).toList();
    }

    /** The mapping's settings, and the queue's own (visibility timeout, redrive policy) from the queue it names. */
    private static QueueSpec queueSpec(ProjectModel model, EventSource.Queue q) {
        Optional<QueueResource> queue = model.queues().stream().filter(r -> r.name().equals(q.queue())).findFirst();
        return new QueueSpec(q.queue(), q.batchSize(), q.maxBatchingWindowSeconds(),
                queue.map(QueueResource::maxReceiveCount).orElse(0), queue.map(QueueResource::deadLetterQueue).orElse(""),
                queue.map(QueueResource::visibilityTimeoutSeconds).orElse(QueueResource.DEFAULT_VISIBILITY_TIMEOUT));
    }

    private static void checkQueues(FunctionResource f, FunctionSpec spec, Problems problems) {
        List<EventSource.Queue> events = f.events().stream().filter(e -> e instanceof EventSource.Queue q && q.enabled())
                .map(e -> (EventSource.Queue) e).toList();
        for (int i = 0; i < events.size(); i++) {
            for (String problem : QueueTriggerRules.check(spec, spec.queues().get(i))) {
                String text = problem.replace(spec.name() + ": @QueueTrigger(queue = \"" + events.get(i).queue()
                        + "\"): ", "").replace(spec.name() + ": ", "");
                text = text.replace("visibilityTimeoutSeconds", "the queue's VisibilityTimeout")
                        .replace("maxReceiveCount", "RedrivePolicy maxReceiveCount").replace("batchSize", "BatchSize");
                problems.add(events.get(i).position(), f.logicalId(), "event " + events.get(i).id() + ": " + text);
            }
        }
    }

    private static void checkNames(ProjectModel model, Problems problems) {
        Map<String, FunctionResource> byName = new HashMap<>();
        for (FunctionResource f : model.functions()) {
            FunctionResource earlier = byName.putIfAbsent(f.name(), f);
            if (earlier != null) {
                problems.add(f.position(), f.logicalId(), "function name " + f.name() + " is also the name of "
                        + earlier.logicalId() + " (" + earlier.position() + "); give one of them another FunctionName");
            }
        }
    }
}
