package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faas completion bash} from faas.jar, run in a project folder, then used by a real bash. */
class CompletionIT {

    @TempDir
    Path work;

    @Test
    void bashCompletesCommandsFunctionsAndQueuesOfThisFolder() throws Exception {
        Path functions = Files.createDirectories(work.resolve("functions"));
        Files.copy(CliRun.samples().resolve("hello.jar"), functions.resolve("hello.jar"));
        Files.copy(CliRun.samples().resolve("orders-worker.jar"), functions.resolve("orders-worker.jar"));
        Path script = work.resolve("faas.bash");
        Process generate = new ProcessBuilder(FaasJar.command(List.of("completion", "bash"))).directory(work.toFile())
                .redirectOutput(script.toFile()).redirectError(work.resolve("err.txt").toFile()).start();
        assertTrue(generate.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, generate.exitValue(), Files.readString(work.resolve("err.txt")));

        assertEquals("invoke", complete(script, "faas invo"));
        assertEquals("hello", complete(script, "faas invoke hel"));
        assertEquals("orders orders-dlq", complete(script, "faas send ord"));
        assertEquals("queue", complete(script, "faas new x --trigger qu"));
    }

    @Test
    void anUnknownShellIsOneLine() throws Exception {
        FaasJar.Result r = FaasJar.exec(work, "completion", "fish");
        assertEquals(2, r.exitCode());
        assertEquals("faas: no completion for shell fish; use bash or zsh", r.err().strip());
    }

    /** What bash offers for the last word of {@code line}, through the script's completion function. */
    private static String complete(Path script, String line) throws Exception {
        String words = line.endsWith(" ") ? line + "''" : line;
        String program = "source '" + script + "'; COMP_LINE='" + line + "'; COMP_WORDS=(" + words + "); "
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_POINT=${#COMP_LINE}; _complete_faas; "
                + "echo \"${COMPREPLY[*]}\"";
        // (compopt complains outside a real completion on stderr, which is not what bash offers)
        Process bash = new ProcessBuilder("bash", "-c", program).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
        return out.strip().replaceAll("\\s+", " ");
    }
}
