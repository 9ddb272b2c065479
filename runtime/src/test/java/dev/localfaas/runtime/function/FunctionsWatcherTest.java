package dev.localfaas.runtime.function;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.Samples;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the watcher calls for a reload: JAR changes that have settled, never a half-written JAR. */
class FunctionsWatcherTest {

    @TempDir
    Path dir;
    final AtomicInteger reloads = new AtomicInteger();
    final List<String> notices = new CopyOnWriteArrayList<>();
    FunctionsWatcher watcher;

    @AfterEach
    void close() {
        watcher.close();
    }

    private void watch() {
        watcher = FunctionsWatcher.start(dir, Duration.ofMillis(200), reloads::incrementAndGet, notices::add);
    }

    private static byte[] sampleJar() throws Exception {
        return Files.readAllBytes(Samples.functions().resolve("hello.jar"));
    }

    @Test
    void addedReplacedAndRemovedJarsEachReloadOnce() throws Exception {
        watch();
        byte[] jar = sampleJar();
        Files.write(dir.resolve("hello.jar"), jar);
        await().atMost(10, TimeUnit.SECONDS).until(() -> reloads.get() == 1);

        Path tmp = Files.write(dir.resolve("hello.jar.part"), Files.readAllBytes(Samples.functions().resolve("users-api.jar")));
        Files.move(tmp, dir.resolve("hello.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        await().atMost(10, TimeUnit.SECONDS).until(() -> reloads.get() == 2);

        Files.delete(dir.resolve("hello.jar"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> reloads.get() == 3);
        await().during(600, TimeUnit.MILLISECONDS).atMost(2, TimeUnit.SECONDS).until(() -> reloads.get() == 3);
    }

    @Test
    void halfWrittenJarIsNotLoadedUntilComplete() throws Exception {
        watch();
        byte[] jar = sampleJar();
        try (OutputStream out = Files.newOutputStream(dir.resolve("hello.jar"))) {
            out.write(Arrays.copyOf(jar, jar.length / 2));
            out.flush();
            // the copy "stalls" longer than the quiet period: still no reload, the zip has no central directory yet
            await().during(800, TimeUnit.MILLISECONDS).atMost(2, TimeUnit.SECONDS).until(() -> reloads.get() == 0);
            out.write(jar, jar.length / 2, jar.length - jar.length / 2);
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> reloads.get() == 1);
    }

    @Test
    void aChangeInsideAPackageFolderReloads() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("orders/example"));
        Files.writeString(classes.resolve("Orders.class"), "v1");
        watch();
        Files.writeString(classes.resolve("Orders.class"), "version two");
        await().atMost(10, TimeUnit.SECONDS).until(() -> reloads.get() == 1);
        Files.createDirectories(dir.resolve("orders/lib"));
        Files.write(dir.resolve("orders/lib/dep.jar"), Arrays.copyOf(sampleJar(), 100)); // a dependency half copied
        await().during(800, TimeUnit.MILLISECONDS).atMost(2, TimeUnit.SECONDS).until(() -> reloads.get() == 1);
        Files.write(dir.resolve("orders/lib/dep.jar"), sampleJar());
        await().atMost(10, TimeUnit.SECONDS).until(() -> reloads.get() == 2);
    }

    @Test
    void otherFilesAreIgnored() throws Exception {
        watch();
        Files.writeString(dir.resolve("notes.txt"), "not a function");
        Files.createDirectories(dir.resolve(".faas")).resolve("usage.jsonl").toFile().createNewFile();
        await().during(700, TimeUnit.MILLISECONDS).atMost(2, TimeUnit.SECONDS).until(() -> reloads.get() == 0);
    }

    @Test
    void aFailingReloadIsReportedAndWatchingGoesOn() throws Exception {
        watcher = FunctionsWatcher.start(dir, Duration.ofMillis(200), () -> {
            reloads.incrementAndGet();
            throw new IllegalStateException("route GET /x of a conflicts with GET /x of b");
        }, notices::add);
        Files.write(dir.resolve("a.jar"), sampleJar());
        await().atMost(10, TimeUnit.SECONDS).until(() -> notices.size() == 1);
        assertEquals("reload of " + dir + " failed: route GET /x of a conflicts with GET /x of b", notices.get(0));
        Files.write(dir.resolve("b.jar"), sampleJar());
        await().atMost(10, TimeUnit.SECONDS).until(() -> reloads.get() == 2);
    }

    @Test
    void unwatchableDirectoryIsOneLine() {
        Path missing = dir.resolve("missing");
        java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> FunctionsWatcher.start(missing, Duration.ofMillis(200), () -> { }, notices::add));
        assertTrue(e.getMessage().startsWith("cannot watch " + missing + " for changed JARs: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; run with --no-watch to do without hot reload"), e.getMessage());
        watcher = FunctionsWatcher.start(dir, Duration.ofMillis(200), () -> { }, notices::add);
    }
}
