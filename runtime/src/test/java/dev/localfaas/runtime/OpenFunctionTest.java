package dev.localfaas.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.function.FunctionDiscovery;
import dev.localfaas.runtime.function.FunctionSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LocalFaas#openFunction}: the facade for a command that needs one function ({@code faas invoke}). */
class OpenFunctionTest {

    @TempDir
    Path state;

    @Test
    void deploysTheFunctionWithoutScanningPackagesThatCannotHoldIt() {
        RuntimeConfig config = RuntimeConfig.forDirectory(Samples.functions()).withStateDir(state);
        try (LocalFaas faas = LocalFaas.openFunction(config, "shout", s -> s.withLimits(256, s.timeoutSeconds()))) {
            assertEquals(List.of("shout"), faas.functions().stream().map(FunctionSpec::name).toList());
            assertEquals(256, faas.function("shout").orElseThrow().memoryMb(), "adjusted like open()");
            var result = faas.invoke("shout", Invocation.of("hey".getBytes(StandardCharsets.UTF_8), Trigger.CLI));
            assertEquals(Outcome.OK, result.outcome());
            assertEquals("HEY", new String(result.payload(), StandardCharsets.UTF_8).strip());
            assertEquals(faas.catalog(), faas.reload(), "a reload repeats the focused discovery");
        }
    }

    @Test
    void anUnknownFunctionLeavesTheWholeCatalogToExplainIt() {
        RuntimeConfig config = RuntimeConfig.forDirectory(Samples.functions()).withStateDir(state);
        try (LocalFaas faas = LocalFaas.openFunction(config, "nope", s -> s)) {
            assertTrue(faas.function("nope").isEmpty());
            assertEquals(FunctionDiscovery.scan(Samples.functions()), faas.catalog());
            assertEquals(11, faas.functions().size());
        }
    }
}
