package dev.localfaas.runtime.trigger.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.execution.FunctionInvoker;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.UnknownFunctionException;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.ScheduleSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/** A FunctionInvoker that records each call and answers with the outcome a test chooses. */
final class RecordingInvoker implements FunctionInvoker {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Call(String function, Invocation invocation) {
        JsonNode event() {
            try {
                return JSON.readTree(invocation.payload());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Instant eventTime() {
            return Instant.parse(event().get("time").asText());
        }
    }

    private final List<FunctionSpec> functions;
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private volatile Function<Call, Outcome> behaviour = call -> Outcome.OK;

    RecordingInvoker(FunctionSpec... functions) {
        this.functions = List.of(functions);
    }

    RecordingInvoker answering(Function<Call, Outcome> behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    static FunctionSpec function(String name, ScheduleSpec... schedules) {
        return new FunctionSpec(name, Path.of("/functions/" + name + ".jar"), "example.Tick::handle", 128, 3, 0,
                Map.of(), "java.util.Map", List.of(), Arrays.asList(schedules), List.of());
    }

    static ScheduleSpec schedule(String expression) {
        return new ScheduleSpec(expression, "", true);
    }

    List<Call> calls() {
        return new ArrayList<>(calls);
    }

    List<Call> calls(String function) {
        return calls.stream().filter(c -> c.function().equals(function)).toList();
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
        Call call = new Call(function, invocation);
        calls.add(call);
        Outcome outcome = behaviour.apply(call);
        return new InvocationResult(function, "$LATEST", invocation.requestId(), invocation.trigger(), Instant.now(),
                1.0, 0, 1, 128, outcome, new byte[0], outcome == Outcome.OK ? null : "java.lang.IllegalStateException",
                "", invocation.payload().length, 0, -1);
    }
}
