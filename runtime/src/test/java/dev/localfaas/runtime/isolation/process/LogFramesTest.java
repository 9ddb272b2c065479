package dev.localfaas.runtime.isolation.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.localfaas.runtime.isolation.LogWriter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frames as AWS's runtime interface client writes them, among text, whole or cut anywhere by the file's reader. */
class LogFramesTest {

    /** What the frames came out as, in order: text (its bytes, which may arrive in pieces) and records. */
    private final List<Object> parts = new ArrayList<>();
    private final LogFrames frames = new LogFrames(new LogWriter() {
        @Override
        public void write(byte[] bytes) {
            if (parts.isEmpty() || !(parts.get(parts.size() - 1) instanceof ByteArrayOutputStream)) {
                parts.add(new ByteArrayOutputStream());
            }
            ((ByteArrayOutputStream) parts.get(parts.size() - 1)).writeBytes(bytes);
        }

        @Override
        public void record(byte[] message) {
            parts.add("record:" + new String(message, StandardCharsets.UTF_8));
        }
    });

    /** "text:..." for text, "record:..." for a record. */
    private List<String> seen() {
        return parts.stream().map(p -> p instanceof ByteArrayOutputStream b ? "text:" + b.toString(StandardCharsets.UTF_8)
                : p.toString()).toList();
    }

    /** A TEXT frame at level UNDEFINED, as {@code LambdaLogger.log(String)} writes it. */
    static byte[] frame(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(16 + body.length).putInt(0xa55a0002).putInt(body.length)
                .putLong(1_700_000_000_000_000L).put(body).array();
    }

    static byte[] stream(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            out.writeBytes(p instanceof byte[] b ? b : p.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static final List<String> EXPECTED = List.of("text:printed ¥Z\n", "record:two\nlines", "record:first",
            "text:after\n");

    @Test
    void framesBecomeRecordsAndTextStaysTextInTheOrderWritten() {
        frames.feed(stream("printed ¥Z\n", frame("two\nlines"), frame("first"), "after\n"));
        assertEquals(EXPECTED, seen());
    }

    @Test
    void aFrameCutAnywhereWaitsForItsRest() {
        byte[] all = stream("printed ¥Z\n", frame("two\nlines"), frame("first"), "after\n");
        for (int cut = 1; cut < all.length; cut++) {
            parts.clear();
            frames.feed(java.util.Arrays.copyOfRange(all, 0, cut));
            frames.feed(java.util.Arrays.copyOfRange(all, cut, all.length));
            assertEquals(EXPECTED, seen(), "cut at " + cut);
        }
    }

    @Test
    void whatIsLeftWhenTheProcessEndsIsText() {
        byte[] tail = stream("no newline ", new byte[] {(byte) 0xa5, 0x5a});
        frames.feed(tail);
        assertEquals(List.of("text:no newline "), seen(), "a possible header waits for its rest");
        frames.finish();
        assertEquals(1, parts.size());
        assertEquals(java.util.Arrays.toString(tail), java.util.Arrays.toString(((ByteArrayOutputStream) parts.get(0))
                .toByteArray()));
    }
}
