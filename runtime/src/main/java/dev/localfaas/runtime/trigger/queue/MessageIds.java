package dev.localfaas.runtime.trigger.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Message ids, receipt handles and the MD5 digest SQS reports for a body. */
final class MessageIds {
    private MessageIds() {
    }

    /** A random version-4 UUID; ThreadLocalRandom because SecureRandom serializes busy senders. */
    static String newMessageId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** A fresh receipt handle for the row {@code seq}: the row number, then a random part that changes per receive. */
    static String newReceiptHandle(long seq) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return seq + "." + Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong());
    }

    /** The row number a receipt handle names, or -1 when it is not one of ours. */
    static long seqOf(String receiptHandle) {
        int dot = receiptHandle == null ? -1 : receiptHandle.indexOf('.');
        if (dot <= 0) {
            return -1;
        }
        try {
            return Long.parseLong(receiptHandle.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String md5Hex(String text) {
        return md5Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    static String md5Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
