package dev.localfaas.runtime.trigger.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.execution.UnknownFunctionException;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.QueueSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A FunctionInvoker whose functions are Java lambdas over the parsed SQS event; it records every event it gets. */
final class ScriptedInvoker implements FunctionInvoker {
    static final ObjectMapper JSON = new ObjectMapper();

    record Call(String function, Trigger trigger, JsonNode event, long at, int bytes) {
        List<String> bodies() {
            return records().stream().map(r -> r.get("body").asText()).toList();
        }

        List<JsonNode> records() {
            List<JsonNode> out = new java.util.ArrayList<>();
            event.get("Records").forEach(out::add);
            return out;
        }
    }

    private final List<FunctionSpec> functions;
    private final Function<JsonNode, InvocationResult> behaviour;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostRunning = new AtomicInteger();

    ScriptedInvoker(List<FunctionSpec> functions, Function<JsonNode, InvocationResult> behaviour) {
        this.functions = List.copyOf(functions);
        this.behaviour = behaviour;
    }

    static FunctionSpec function(String name, int timeoutSeconds, int concurrency, QueueSpec... queues) {
        return new FunctionSpec(name, Path.of(name + ".jar"), "example." + name, 128, timeoutSeconds, concurrency,
                Map.of(), "com.amazonaws.services.lambda.runtime.events.SQSEvent", List.of(), List.of(),
                Arrays.asList(queues));
    }

    static InvocationResult result(Outcome outcome, String payload) {
        byte[] bytes = payload == null ? new byte[0] : payload.getBytes(StandardCharsets.UTF_8);
        return new InvocationResult("fn", "$LATEST", "req", Trigger.QUEUE, Instant.now(), 1, 0, 1, 128, outcome, bytes,
                outcome == Outcome.OK ? null : "java.lang.RuntimeException", "", 0, 0, -1);
    }

    static InvocationResult ok() {
        return result(Outcome.OK, null);
    }

    static InvocationResult error() {
        return result(Outcome.ERROR, "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.RuntimeException\"}");
    }

    @Override
    public List<FunctionSpec> functions() {
        return functions;
    }

    @Override
    public Optional<FunctionSpec> function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    @Override
    public InvocationResult invoke(String function, Invocation invocation) {
        if (function(function).isEmpty()) {
            throw new UnknownFunctionException(function);
        }
        mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            JsonNode event = JSON.readTree(invocation.payload());
            calls.add(new Call(function, invocation.trigger(), event, System.nanoTime(), invocation.payload().length));
            return behaviour.apply(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            running.decrementAndGet();
        }
    }

    long receivesOf(String body) {
        return calls.stream().flatMap(c -> c.bodies().stream()).filter(body::equals).count();
    }
}
