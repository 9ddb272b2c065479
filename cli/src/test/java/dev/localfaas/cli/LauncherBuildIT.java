package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code faas} launcher's first-run build, with a stand-in {@code mvn} first on the PATH that prints what Maven
 * 3.8 prints (colour resets even in batch mode): not on a terminal, the user sees plain lines and no escape code.
 */
class LauncherBuildIT {

    @TempDir
    Path work;

    @Test
    void theFirstRunBuildPrintsPlainLinesWithoutEscapeCodes() throws Exception {
        Result r = launch("printf '\\033[0m\\033[0m[\\033[1;31mWARNING\\033[m] something Maven said\\n'; exit 0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("faas: building faas.jar and the sample functions (first run only)...\n"), r.err());
        assertTrue(r.err().contains("[WARNING] something Maven said\n"), r.err());
        assertTrue(r.err().matches("(?s).*faas: built in \\d+ s\n.*"), r.err());
        assertFalse((r.out() + r.err()).contains("\u001B"), "no escape code: " + r.err());
        assertTrue(r.out().startsWith("faas "), "then faas runs: " + r.out());
    }

    @Test
    void aFailedBuildSaysSoInOneLineAndExitsWithMavensCode() throws Exception {
        Result r = launch("printf '\\033[0m[ERROR] COMPILATION ERROR\\n'; exit 1");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("[ERROR] COMPILATION ERROR\n"), r.err());
        assertTrue(r.err().contains("faas: the build failed (Maven's errors above); fix them, or run mvn package in "), r.err());
        assertFalse(r.err().contains("\u001B"), r.err());
    }

    private record Result(int code, String out, String err) {
    }

    private Result launch(String fakeMaven) throws Exception {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\n" + fakeMaven + "\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path launcher = Path.of(System.getProperty("faas.launcher", "../faas")).toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("sh", launcher.toString(), "--version")
                .redirectOutput(work.resolve("out.txt").toFile()).redirectError(work.resolve("err.txt").toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("FAAS_REBUILD", "1");
        builder.environment().put("FAAS_CDS", "0");
        Process process = builder.start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
        return new Result(process.exitValue(), Files.readString(work.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(work.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
