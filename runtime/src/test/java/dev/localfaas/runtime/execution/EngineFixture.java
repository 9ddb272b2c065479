package dev.localfaas.runtime.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.function.FunctionSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An engine over hand-made specs, with the log lines it wrote collected for assertions. */
final class EngineFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final Engine engine;

    EngineFixture(Path stateDir, FunctionSpec... specs) {
        this(RuntimeConfig.forDirectory(stateDir).withStateDir(stateDir), specs);
    }

    EngineFixture(RuntimeConfig config, FunctionSpec... specs) {
        engine = new Engine(config.withLogSink((fn, line) -> lines.add(fn + " " + line)));
        engine.deploy(List.of(specs));
    }

    InvocationResult invoke(String function, String json) {
        return engine.invoke(function, Invocation.of(json.getBytes(StandardCharsets.UTF_8), Trigger.CLI));
    }

    static JsonNode json(InvocationResult result) {
        try {
            return JSON.readTree(result.payload());
        } catch (IOException e) {
            throw new UncheckedIOException(new String(result.payload(), StandardCharsets.UTF_8), e);
        }
    }

    static String text(InvocationResult result) {
        return new String(result.payload(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        engine.close();
    }
}
