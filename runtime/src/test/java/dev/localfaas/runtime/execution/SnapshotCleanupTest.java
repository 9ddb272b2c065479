package dev.localfaas.runtime.execution;

import static dev.localfaas.runtime.Samples.behaviourJar;
import static dev.localfaas.runtime.Samples.spec;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code snapshots under {@code .faas/code} do not pile up: a reload's snapshot goes when its last environment closes,
 * all of ours when the engine closes, and stale ones are cleaned at start.
 */
class SnapshotCleanupTest {

    /** Far above any Linux pid limit: a process that cannot be running. */
    private static final long DEAD_PID = 2_147_483_000L;

    @TempDir
    Path tmp;

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void snapshotsLeftByADeadProcessAreDeletedAtStartAndOursWhenTheEngineCloses() throws IOException {
        Path functions = Files.createDirectories(tmp.resolve("functions"));
        Files.copy(Samples.functions().resolve("hello.jar"), functions.resolve("hello.jar"));
        Path code = functions.resolve(".faas/code");
        Files.createDirectories(code.resolve("orders-" + DEAD_PID + "-7/lib"));
        Files.writeString(code.resolve("orders-" + DEAD_PID + "-7/lib/dep.jar"), "left by kill -9");
        Files.writeString(code.resolve("hello-" + DEAD_PID + "-3.jar"), "left by kill -9");
        Files.writeString(code.resolve("notes.txt"), "not a snapshot: left alone");

        try (LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(functions).withSnapshotJars(true))) {
            List<String> during = names(code);
            assertFalse(during.stream().anyMatch(n -> n.contains("-" + DEAD_PID + "-")), during.toString());
            String ours = "hello-" + ProcessHandle.current().pid() + "-";
            assertTrue(during.stream().anyMatch(n -> n.startsWith(ours)), during.toString());
            faas.invoke("hello", Invocation.of("{}".getBytes(), Trigger.CLI));
        }
        assertEquals(List.of("notes.txt"), names(code));
    }

    private RuntimeConfig snapshotting(Path state) {
        return RuntimeConfig.forDirectory(state).withStateDir(state).withSnapshotJars(true);
    }

    private static dev.localfaas.runtime.function.FunctionSpec sleeper(Path jar, int memoryMb) {
        return spec("sleeper", jar, "fixtures.behaviour.Sleeper", memoryMb, 30, 0, Map.of());
    }

    @Test
    void reloadsLeaveOnlyTheLiveSnapshotOnDisk() throws IOException {
        Path state = tmp.resolve("state");
        Path jar = Files.copy(behaviourJar(), Files.createDirectories(tmp.resolve("functions")).resolve("b.jar"));
        Path code = state.resolve("code");
        try (EngineFixture fx = new EngineFixture(snapshotting(state), sleeper(jar, 128))) {
            for (int reload = 1; reload <= 12; reload++) {
                assertEquals("{\"sleptMs\":0}", EngineFixture.text(fx.invoke("sleeper", "{}")));
                // a changed spec is a new version: new pool, new snapshot; the old warm environment closes
                fx.engine.deploy(List.of(sleeper(jar, 128 + reload)));
                List<String> onDisk = names(code);
                assertEquals(1, onDisk.size(), "after reload " + reload + ": " + onDisk);
            }
            assertEquals("{\"sleptMs\":0}", EngineFixture.text(fx.invoke("sleeper", "{}")));
        }
        assertEquals(List.of(), names(code));
    }

    @Test
    void aBusyOldEnvironmentKeepsItsSnapshotUntilItsInvocationEnds() throws Exception {
        Path state = tmp.resolve("state");
        Path jar = Files.copy(behaviourJar(), Files.createDirectories(tmp.resolve("functions")).resolve("b.jar"));
        Path code = state.resolve("code");
        try (EngineFixture fx = new EngineFixture(snapshotting(state), sleeper(jar, 128))) {
            List<String> first = names(code);
            CompletableFuture<InvocationResult> slow = fx.engine.invokeAsync("sleeper",
                    Invocation.of("{\"ms\":1500}".getBytes(), Trigger.CLI));
            await().atMost(Duration.ofSeconds(30)).until(() -> fx.engine.stats().get(0).busy() == 1);

            fx.engine.deploy(List.of(sleeper(jar, 256)));
            assertEquals("{\"sleptMs\":0}", EngineFixture.text(fx.invoke("sleeper", "{}")));
            List<String> both = names(code);
            assertEquals(2, both.size(), "the busy environment's snapshot stays beside the new one: " + both);
            assertTrue(both.containsAll(first), both.toString());

            assertEquals("{\"sleptMs\":1500}", EngineFixture.text(slow.get(30, TimeUnit.SECONDS)));
            await().atMost(Duration.ofSeconds(30)).until(() -> names(code).size() == 1);
            assertFalse(names(code).containsAll(first), "the old snapshot is gone once its environment closed");
        }
        assertEquals(List.of(), names(code));
    }
}
