package dev.localfaas.runtime.execution;

import static dev.localfaas.runtime.Samples.behaviourJar;
import static dev.localfaas.runtime.Samples.spec;
import static dev.localfaas.runtime.execution.EngineFixture.json;
import static dev.localfaas.runtime.execution.EngineFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.DirectoryPackages;
import dev.localfaas.runtime.function.FunctionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots of directory packages: a private copy of the tree, and a cheap check of whether the tree changed. */
class DirectorySnapshotTest {

    private static final String COUNTER = "fixtures/behaviour/Counter.class";

    @TempDir
    Path tmp;

    @Test
    void aDirectoryIsCopiedWholeAndComparesUnchangedUntilAFileChanges() throws IOException {
        Path pkg = behaviourDir();
        JarSnapshots snapshots = new JarSnapshots(tmp.resolve("state/code"), true);
        Path copy = snapshots.take(spec("counter", pkg, "fixtures.behaviour.Counter")).path();

        assertNotEquals(pkg, copy);
        assertTrue(copy.startsWith(tmp.resolve("state/code")), copy.toString());
        assertEquals(-1, Files.mismatch(pkg.resolve(COUNTER), copy.resolve(COUNTER)));
        assertEquals(-1, Files.mismatch(pkg.resolve("lib/dependencies.jar"), copy.resolve("lib/dependencies.jar")));
        assertTrue(snapshots.unchanged(pkg, copy));

        Files.setLastModifiedTime(pkg.resolve(COUNTER), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertFalse(snapshots.unchanged(pkg, copy), "a rebuilt class");
    }

    @Test
    void anAddedOrDeletedFileIsAChange() throws IOException {
        Path pkg = behaviourDir();
        JarSnapshots snapshots = new JarSnapshots(tmp.resolve("state/code"), true);
        Path copy = snapshots.take(spec("counter", pkg, "fixtures.behaviour.Counter")).path();
        Files.writeString(pkg.resolve("config.json"), "{}");
        assertFalse(snapshots.unchanged(pkg, copy), "an added file");

        Path other = snapshots.take(spec("counter", pkg, "fixtures.behaviour.Counter")).path();
        assertTrue(snapshots.unchanged(pkg, other));
        Files.delete(pkg.resolve("fixtures/behaviour/Noop.class"));
        assertFalse(snapshots.unchanged(pkg, other), "a deleted class");
    }

    @Test
    void theEngineLoadsFromTheCopySoCleaningThePackageDoesNotBreakAColdStart() throws IOException {
        Path pkg = behaviourDir();
        RuntimeConfig config = RuntimeConfig.forDirectory(tmp).withStateDir(tmp.resolve("state")).withSnapshotJars(true);
        try (EngineFixture fx = new EngineFixture(config, envProbe(pkg))) {
            deleteTree(pkg.resolve("fixtures")); // the user's mvn clean, before the first invocation loads anything
            InvocationResult r = fx.invoke("env-probe", "{}");
            assertEquals(Outcome.OK, r.outcome(), text(r));
            Path taskRoot = Path.of(json(r).get("env").get("LAMBDA_TASK_ROOT").asText());
            assertTrue(taskRoot.startsWith(tmp.resolve("state/code")), "task root is the copy loaded: " + taskRoot);
            assertTrue(Files.exists(taskRoot.resolve("fixtures/behaviour/EnvProbe.class")));
        }
    }

    @Test
    void redeployingAnUnchangedDirectoryKeepsTheWarmEnvironmentAndAChangedOneStartsCold() throws IOException {
        Path pkg = behaviourDir();
        RuntimeConfig config = RuntimeConfig.forDirectory(tmp).withStateDir(tmp.resolve("state")).withSnapshotJars(true);
        FunctionSpec counter = spec("counter", pkg, "fixtures.behaviour.Counter");
        try (EngineFixture fx = new EngineFixture(config, counter)) {
            assertTrue(fx.invoke("counter", "{}").coldStart());
            fx.engine.deploy(List.of(counter));
            assertFalse(fx.invoke("counter", "{}").coldStart(), "unchanged tree: still warm");

            Files.setLastModifiedTime(pkg.resolve(COUNTER), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
            fx.engine.deploy(List.of(counter));
            InvocationResult afterRebuild = fx.invoke("counter", "{}");
            assertTrue(afterRebuild.coldStart(), "changed tree: new code, cold");
            assertEquals(1, json(afterRebuild).get("staticCount").asInt());
        }
    }

    private Path behaviourDir() {
        return DirectoryPackages.explode(behaviourJar(), tmp.resolve("behaviour"), n -> n.startsWith("fixtures/"));
    }

    private static FunctionSpec envProbe(Path pkg) {
        return new FunctionSpec("env-probe", pkg, "fixtures.behaviour.EnvProbe", 128, 3, 0,
                java.util.Map.of("GREETING", "hi"), "", List.of(), List.of(), List.of());
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
