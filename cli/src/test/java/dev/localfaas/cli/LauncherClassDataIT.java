package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code faas} launcher's class-data archive, on a copy of the repository layout (launcher, {@code faas.jar}, the
 * samples): recorded once per build by a JVM of its own, mapped by later commands, replaced when the jar changes, and
 * never a cause of a different output or exit code.
 */
class LauncherClassDataIT {

    private static final String RECORDING = "faas: recording the classes faas loads";

    @TempDir
    Path root;

    private Path target;
    private Path state;

    record Result(int exitCode, String out, String err) {
    }

    @BeforeEach
    void copyLayout() throws IOException {
        Path launcher = Path.of(System.getProperty("faas.launcher", "../faas")).toAbsolutePath();
        Path jar = Path.of(System.getProperty("faas.jar", "target/faas.jar")).toAbsolutePath();
        Files.copy(launcher, root.resolve("faas"));
        target = Files.createDirectories(root.resolve("cli/target"));
        Files.copy(jar, target.resolve("faas.jar"));
        Files.createDirectories(root.resolve("sample-functions/target"));
        Files.createSymbolicLink(root.resolve("sample-functions/target/functions"), CliRun.samples());
        state = Files.createDirectories(root.resolve("state"));
    }

    @Test
    void theFirstCommandRecordsAnArchiveThatLaterCommandsMap() throws Exception {
        Result first = hello(Map.of());
        assertEquals(0, first.exitCode(), first.err());
        assertEquals("{\"message\":\"Hello, Ada!\"}\n", first.out());
        assertTrue(first.err().startsWith(RECORDING), first.err());
        Path archive = onlyArchive();
        assertTrue(Files.size(archive) > 0);

        Path classes = root.resolve("classes.txt");
        Result second = hello(Map.of("FAAS_JAVA_OPTS", "-Xlog:class+load:file=" + classes));
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(first.out(), second.out());
        assertFalse(second.err().contains(RECORDING), second.err());
        assertTrue(Files.readString(classes).contains("dev.localfaas.runtime.LocalFaas source: shared objects file (top)"),
                "the runtime's classes come from the archive");
        assertEquals(archive, onlyArchive());
    }

    @Test
    void aRebuiltJarGetsAFreshArchiveAndTheOldOneIsRemoved() throws Exception {
        assertEquals(0, hello(Map.of()).exitCode());
        Path old = onlyArchive();
        Path jar = target.resolve("faas.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 10_000));

        Result rebuilt = hello(Map.of());
        assertEquals(0, rebuilt.exitCode(), rebuilt.err());
        assertTrue(rebuilt.err().startsWith(RECORDING), rebuilt.err());
        assertNotEquals(old, onlyArchive());
    }

    @Test
    void archiveTroubleNeverChangesWhatACommandPrintsOrReturns() throws Exception {
        // a JVM told not to share classes, on the run that also records the archive
        Result noSharing = run(Map.of("FAAS_JAVA_OPTS", "-Xshare:off"), "invoke", "thrower", "--dir",
                CliRun.samples().resolveSibling("test-functions").toString(), "--state-dir", state.toString());
        assertEquals(1, noSharing.exitCode(), noSharing.err());
        assertTrue(noSharing.out().startsWith("{\"errorMessage\":"), noSharing.out());

        // an archive damaged under its final name (the launcher itself only ever renames complete ones into place)
        Path archive = onlyArchive();
        Files.delete(archive); // the JVM writes it read-only
        Files.write(archive, "not an archive".repeat(1000).getBytes(StandardCharsets.UTF_8));
        Result damaged = hello(Map.of());
        assertEquals(0, damaged.exitCode(), damaged.err());
        assertEquals("{\"message\":\"Hello, Ada!\"}\n", damaged.out());

        // an empty file: the marker for "this JVM could not record one"; nothing is retried or mapped
        Files.delete(archive);
        Files.write(archive, new byte[0]);
        Result marked = run(Map.of(), "invoke", "nope", "--dir", CliRun.samples().toString(),
                "--state-dir", state.toString());
        assertEquals(2, marked.exitCode());
        assertTrue(marked.err().startsWith("faas: no function named 'nope'"), marked.err());
        assertEquals("", marked.out());
    }

    @Test
    void faasCdsZeroRecordsNothing() throws Exception {
        Result r = hello(Map.of("FAAS_CDS", "0"));
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.err().contains(RECORDING), r.err());
        assertEquals(List.of(), archives());
    }

    private Result hello(Map<String, String> env) throws Exception {
        return run(env, "invoke", "hello", "--dir", CliRun.samples().toString(),
                "--event", CliRun.events().resolve("hello.json").toString(), "--state-dir", state.toString());
    }

    private Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", root.resolve("faas").toString()));
        command.addAll(List.of(args));
        Path out = root.resolve("out.txt");
        Path err = root.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("FAAS_JAVA_OPTS");
        builder.environment().remove("FAAS_CDS");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not finish: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().contains(".jsa")).sorted().toList();
        }
    }

    private Path onlyArchive() throws IOException {
        List<Path> archives = archives();
        assertEquals(1, archives.size(), "one archive, no temporary files: " + archives);
        assertTrue(archives.get(0).getFileName().toString().matches("faas-\\d+-\\d+\\.jsa"), archives.toString());
        return archives.get(0);
    }
}
