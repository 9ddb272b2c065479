package dev.localfaas.runtime.isolation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The error JSON Lambda returns when a handler throws (lambda-contract.md §4.1):
 * {@code {"errorMessage","errorType","stackTrace"[,"cause"]}}, with the stack cut where the emulator's own frames
 * begin so that users see only their code, and causes nested the way the managed Java runtimes nest them.
 */
public final class ErrorPayload {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CAUSES = 8;

    private ErrorPayload() {
    }

    /** The payload for an exception thrown by a handler. */
    public static byte[] ofThrowable(Throwable t) {
        return bytes(node(t, 0));
    }

    /** The payload for a load or init fault: message and type, no stack trace, as Lambda reports user faults. */
    public static byte[] ofFault(String errorMessage, String errorType) {
        ObjectNode node = JSON.createObjectNode();
        node.put("errorMessage", errorMessage);
        if (errorType != null) {
            node.put("errorType", errorType);
        }
        return bytes(node);
    }

    /** The payload of an invocation that ran past its timeout. */
    public static byte[] timeout(String requestId, int timeoutSeconds) {
        ObjectNode node = JSON.createObjectNode();
        node.put("errorType", "Sandbox.Timedout");
        node.put("errorMessage", "RequestId: " + requestId + " Error: " + timeoutMessage(timeoutSeconds));
        return bytes(node);
    }

    public static String timeoutMessage(int timeoutSeconds) {
        return String.format(java.util.Locale.ROOT, "Task timed out after %.2f seconds", (double) timeoutSeconds);
    }

    private static ObjectNode node(Throwable t, int depth) {
        ObjectNode node = JSON.createObjectNode();
        if (t.getLocalizedMessage() != null) {
            node.put("errorMessage", t.getLocalizedMessage());
        }
        node.put("errorType", t.getClass().getName());
        ArrayNode trace = node.putArray("stackTrace");
        for (StackTraceElement frame : userFrames(t.getStackTrace())) {
            trace.add(format(frame));
        }
        if (t.getCause() != null && t.getCause() != t && depth < MAX_CAUSES) {
            node.set("cause", node(t.getCause(), depth + 1));
        }
        return node;
    }

    /** {@code pkg.Class.method(File.java:12)}, without the loader and module prefixes the JDK adds. */
    static String format(StackTraceElement frame) {
        String where;
        if (frame.isNativeMethod()) {
            where = "Native Method";
        } else if (frame.getFileName() == null) {
            where = "Unknown Source";
        } else {
            where = frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        }
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    /** The frames above the first frame of localfaas, without the JDK's reflective call path into the handler. */
    static StackTraceElement[] userFrames(StackTraceElement[] frames) {
        int end = frames.length;
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().startsWith("dev.localfaas.")) {
                end = i;
                break;
            }
        }
        while (end > 0 && isReflection(frames[end - 1].getClassName())) {
            end--;
        }
        StackTraceElement[] kept = new StackTraceElement[end];
        System.arraycopy(frames, 0, kept, 0, end);
        return kept;
    }

    private static boolean isReflection(String className) {
        return className.startsWith("java.lang.invoke.") || className.startsWith("jdk.internal.reflect.")
                || className.startsWith("java.lang.reflect.");
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
