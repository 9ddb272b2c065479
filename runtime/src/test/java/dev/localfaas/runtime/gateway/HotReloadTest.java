package dev.localfaas.runtime.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.localfaas.runtime.function.FunctionsWatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload as {@code faas run} wires it: the watcher sees the JAR change, the runtime reloads, the gateway swaps
 * its routes. Requests keep flowing throughout and none fails.
 */
class HotReloadTest {

    @TempDir
    Path dir;

    private Path version(String answer) {
        Path jar = dir.resolve("build-" + answer + "/version.jar");
        return TestJars.build(dir, jar, Map.of("Version", TestJars.canned("Version", "name = \"version\"",
                "{\"statusCode\":200,\"body\":\"" + answer + "\"}")));
    }

    @Test
    void replacingAJarUnderLoadSwapsTheCodeWithoutASingleFailedRequest() throws Exception {
        Path v1 = version("v1");
        Path v2 = version("v2");
        Path functions = Files.createDirectories(dir.resolve("functions"));
        Files.copy(v1, functions.resolve("version.jar"));
        AtomicInteger reloads = new AtomicInteger();
        try (RunningGateway gw = RunningGateway.start(functions, dir.resolve("state"));
             FunctionsWatcher watcher = FunctionsWatcher.start(functions, Duration.ofMillis(200), () -> {
                 gw.faas.reload();
                 gw.gateway.refreshRoutes();
                 reloads.incrementAndGet();
             }, gw.notices::add)) {
            assertEquals("v1", gw.get("/version").body());

            Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
            AtomicBoolean hammering = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                loops.add(clients.submit(() -> {
                    while (hammering.get()) {
                        HttpResponse<String> r = gw.send(HttpRequest.newBuilder(gw.uri("/version")).GET().build());
                        answers.computeIfAbsent(r.statusCode() + " " + r.body(), k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            await().atMost(5, TimeUnit.SECONDS).until(() -> answers.containsKey("200 v1"));
            Path staged = functions.resolve("version.jar.copying");
            Files.copy(v2, staged);
            Files.move(staged, functions.resolve("version.jar"), StandardCopyOption.REPLACE_EXISTING);
            await().atMost(10, TimeUnit.SECONDS).until(() -> answers.containsKey("200 v2"));
            int seen = answers.get("200 v2").get();
            await().atMost(5, TimeUnit.SECONDS).until(() -> answers.get("200 v2").get() > seen + 50);
            hammering.set(false);
            for (Future<?> loop : loops) {
                loop.get(10, TimeUnit.SECONDS);
            }
            clients.shutdown();

            assertEquals(Map.of("200 v1", answers.get("200 v1").get(), "200 v2", answers.get("200 v2").get()),
                    Map.copyOf(toInts(answers)), "every answer is a 200 from one version or the other");
            assertEquals(1, reloads.get());
            assertTrue(gw.notices.isEmpty(), gw.notices.toString());
        }
    }

    @Test
    void aJarWrittenSlowlyKeepsItsPreviousVersionServingUntilItIsWhole() throws Exception {
        byte[] v2 = Files.readAllBytes(version("v2"));
        Path functions = Files.createDirectories(dir.resolve("functions"));
        Files.copy(version("v1"), functions.resolve("version.jar"));
        AtomicInteger reloads = new AtomicInteger();
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (RunningGateway gw = RunningGateway.start(functions, dir.resolve("state"));
             FunctionsWatcher watcher = FunctionsWatcher.start(functions, Duration.ofMillis(200), () -> {
                 gw.faas.reload().problems().forEach(p -> problems.add(p.message()));
                 gw.gateway.refreshRoutes();
                 reloads.incrementAndGet();
             }, gw.notices::add)) {
            Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
            AtomicBoolean hammering = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                loops.add(clients.submit(() -> {
                    while (hammering.get()) {
                        HttpResponse<String> r = gw.send(HttpRequest.newBuilder(gw.uri("/version")).GET().build());
                        answers.computeIfAbsent(r.statusCode() + " " + r.body(), k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            await().atMost(30, TimeUnit.SECONDS).until(() -> answers.containsKey("200 v1")); // a cold JVM, a busy machine
            try (java.io.OutputStream out = Files.newOutputStream(functions.resolve("version.jar"))) {
                out.write(v2, 0, v2.length / 2);
                out.flush();
                // the writer pauses longer than the watcher waits for a JAR to become whole (2 s): it reloads anyway
                await().atMost(15, TimeUnit.SECONDS).until(() -> reloads.get() >= 1);
                int during = total(answers);
                await().atMost(20, TimeUnit.SECONDS).until(() -> total(answers) > during + 20); // served meanwhile
                out.write(v2, v2.length / 2, v2.length - v2.length / 2);
            }
            await().atMost(15, TimeUnit.SECONDS).until(() -> answers.containsKey("200 v2"));
            hammering.set(false);
            for (Future<?> loop : loops) {
                loop.get(10, TimeUnit.SECONDS);
            }
            clients.shutdown();

            assertEquals(java.util.Set.of("200 v1", "200 v2"), answers.keySet(), "no 404, no error: " + toInts(answers));
            assertTrue(problems.contains("version.jar: not a complete JAR (still being written, or broken); the previous"
                    + " version of version keeps serving until it is a valid JAR"), problems.toString());
        }
    }

    @Test
    void addingAndRemovingAJarAddsAndRemovesItsRoutes() throws Exception {
        Path functions = Samples.copy(dir.resolve("functions"), "users-api.jar");
        try (RunningGateway gw = RunningGateway.start(functions, dir.resolve("state"));
             FunctionsWatcher watcher = FunctionsWatcher.start(functions, Duration.ofMillis(200), () -> {
                 gw.faas.reload();
                 gw.gateway.refreshRoutes();
             }, gw.notices::add)) {
            assertEquals(404, gw.get("/hello").statusCode());
            Files.copy(Samples.functions().resolve("hello.jar"), functions.resolve("hello.jar"));
            await().atMost(10, TimeUnit.SECONDS).until(() -> gw.get("/hello").statusCode() == 200);
            Files.delete(functions.resolve("hello.jar"));
            await().atMost(10, TimeUnit.SECONDS).until(() -> gw.get("/hello").statusCode() == 404);
            assertEquals(200, gw.get("/users/1").statusCode());
        }
    }

    private static int total(Map<String, AtomicInteger> counts) {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private static Map<String, Integer> toInts(Map<String, AtomicInteger> counts) {
        Map<String, Integer> m = new java.util.HashMap<>();
        counts.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }
}
