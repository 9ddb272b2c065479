package dev.localfaas.runtime.isolation.process;

import dev.localfaas.runtime.isolation.LogWriter;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Splits a runtime's output into text and log records. AWS's Java runtime interface client writes each
 * {@code LambdaLogger} message as a frame on the descriptor {@code _LAMBDA_TELEMETRY_LOG_FD} names: a 16-byte
 * big-endian header (type {@code 0xa55a00XX}, where XX holds the level, the format and a timestamp flag; the
 * message's length; a timestamp in microseconds), then the message. Lambda keeps each frame as one log event and
 * splits stdout at newlines. Here the frames share one file with stdout and stderr, so that what a handler prints and
 * what it logs stay in the order it wrote them; a frame is recognised by its header, which no text holds (it starts
 * with a byte UTF-8 never begins a character with, followed by a NUL).
 *
 * <p>Not thread-safe: the caller's output tail feeds it from one place at a time.
 */
final class LogFrames {

    static final int HEADER = 16;
    /** More than any log message a function sends; a larger length means the bytes were not a header after all. */
    private static final int MAX_MESSAGE = 64 * 1024 * 1024;

    private final LogWriter out;
    private byte[] pending = new byte[0];

    LogFrames(LogWriter out) {
        this.out = out;
    }

    /** What was written next: text is passed on as text, each whole frame as one record; a part frame waits. */
    void feed(byte[] chunk) {
        byte[] buf = pending.length == 0 ? chunk : concat(pending, chunk);
        int textStart = 0;
        int i = 0;
        while (i < buf.length) {
            if (buf[i] != (byte) 0xa5) {
                i++;
                continue;
            }
            int header = headerAt(buf, i);
            if (header == NOT_A_HEADER) {
                i++;
                continue;
            }
            if (header == INCOMPLETE || buf.length - i - HEADER < header) {
                break; // the rest of the frame is still being written
            }
            if (i > textStart) {
                out.write(Arrays.copyOfRange(buf, textStart, i));
            }
            out.record(Arrays.copyOfRange(buf, i + HEADER, i + HEADER + header));
            i += HEADER + header;
            textStart = i;
        }
        if (i > textStart) {
            out.write(Arrays.copyOfRange(buf, textStart, i));
        }
        pending = i < buf.length ? Arrays.copyOfRange(buf, i, buf.length) : new byte[0];
    }

    /** The process ended: what is left was not a frame (or a frame cut short), and is passed on as text. */
    void finish() {
        if (pending.length > 0) {
            out.write(pending);
            pending = new byte[0];
        }
    }

    private static final int NOT_A_HEADER = -1;
    private static final int INCOMPLETE = -2;

    /** The message length of the frame whose header starts at {@code at}, or why there is none (yet). */
    private static int headerAt(byte[] buf, int at) {
        int available = buf.length - at;
        if (available > 1 && buf[at + 1] != (byte) 0x5a) {
            return NOT_A_HEADER;
        }
        if (available > 2 && buf[at + 2] != 0) {
            return NOT_A_HEADER;
        }
        if (available > 3) {
            int type = buf[at + 3] & 0xff;
            // bit 1: a timestamp follows (the RIC always sets it); bit 0: the format; bits 2-4: the level (0 to 6)
            if ((type & 0x02) == 0 || type >> 2 > 6) {
                return NOT_A_HEADER;
            }
        }
        if (available < HEADER) {
            return INCOMPLETE;
        }
        int length = ByteBuffer.wrap(buf, at + 4, 4).getInt();
        return length < 0 || length > MAX_MESSAGE ? NOT_A_HEADER : length;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
