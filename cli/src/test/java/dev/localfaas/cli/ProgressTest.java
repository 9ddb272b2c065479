package dev.localfaas.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Progress when the output is not a terminal (as under Maven): plain lines, and nothing for quick work. */
class ProgressTest {

    @Test
    void notOnATerminalItIsOnePlainLineAtTheStartAndOneAtTheEnd() {
        StringWriter text = new StringWriter();
        PrintWriter err = new PrintWriter(text);
        Progress progress = Progress.start(err, "building hello");
        await().until(() -> text.toString().contains("..."));
        progress.done("built hello in 1.0 s");
        assertEquals("faas: building hello...\nfaas: built hello in 1.0 s\n", text.toString().replace("\r\n", "\n"));
    }

    @Test
    void quickWorkShowsNothing() {
        StringWriter text = new StringWriter();
        Progress progress = Progress.after(60_000, new PrintWriter(text), "discovering");
        progress.done("found 3 functions");
        progress.close();
        assertEquals("", text.toString());
    }

    @Test
    void aDumbTerminalIsNotOneToRedrawOn() {
        assertEquals(false, Progress.isTerminal(Map.of("TERM", "dumb")));
    }
}
