package dev.localfaas.runtime.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One invocation's log: whole in {@code text()}, line by line to the sink as the lines complete. */
class InvocationLogTest {

    private final List<String> lines = new ArrayList<>();
    private final InvocationLog log = new InvocationLog("fn", (function, line) -> lines.add(function + "|" + line));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void linesReachTheSinkWhenTheirNewlineArrivesAndTheTextKeepsEverything() {
        log.platform("START RequestId: 1 Version: $LATEST");
        log.write(utf8("hel"));
        assertEquals(List.of("fn|START RequestId: 1 Version: $LATEST"), lines);
        log.write(utf8("lo\nwor"));
        log.write(utf8("ld\r\n"));
        log.platform("END RequestId: 1");
        log.close();
        assertEquals(List.of("fn|START RequestId: 1 Version: $LATEST", "fn|hello", "fn|world", "fn|END RequestId: 1"),
                lines);
        assertEquals("START RequestId: 1 Version: $LATEST\nhello\nworld\r\nEND RequestId: 1\n", log.text());
    }

    @Test
    void aCharacterSplitAcrossWritesIsDecodedWhole() {
        byte[] text = utf8("grüße 🙂\n");
        for (int i = 0; i < text.length; i++) {
            log.write(Arrays.copyOfRange(text, i, i + 1));
        }
        assertEquals(List.of("fn|grüße 🙂"), lines);
        assertEquals("grüße 🙂\n", log.text());
    }

    @Test
    void aPlatformLineEndsUnterminatedHandlerTextFirst() {
        log.write(utf8("no newline"));
        log.platform("END RequestId: 1");
        assertEquals(List.of("fn|no newline", "fn|END RequestId: 1"), lines);
        assertEquals("no newline\nEND RequestId: 1\n", log.text());
    }

    @Test
    void closingPassesOnAnUnterminatedLineWithoutAddingToTheText() {
        log.write(utf8("last words"));
        log.close();
        assertEquals(List.of("fn|last words"), lines);
        assertEquals("last words", log.text());
    }

    @Test
    void writesAfterCloseReachTheSinkButNotTheText() {
        log.write(utf8("during\n"));
        log.close();
        log.write(utf8("after\n\n"));
        log.write(utf8("split "));
        log.write(utf8("line\n"));
        log.platform("late platform line");
        assertEquals(List.of("fn|during", "fn|after", "fn|", "fn|split line", "fn|late platform line"), lines,
                "late text is passed on line by line, blank lines included");
        assertEquals("during\n", log.text());
    }

    @Test
    void aLogLongerThanTheInitialBufferIsKeptWhole() {
        String line = "x".repeat(300);
        for (int i = 0; i < 10; i++) {
            log.write(utf8(line + "\n"));
        }
        assertEquals(10, lines.size());
        assertEquals((line + "\n").repeat(10), log.text());
    }
}
