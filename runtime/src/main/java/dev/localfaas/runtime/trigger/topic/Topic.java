package dev.localfaas.runtime.trigger.topic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One topic: its subscriptions, and for a FIFO topic the sequence numbers and the 5-minute deduplication window. The
 * topic's monitor is the FIFO order: a FIFO publish assigns its sequence number and stores its queue copies while
 * holding it, so that copies of one group reach every queue in the order the topic accepted them.
 */
final class Topic {

    static final Duration DEDUPLICATION_WINDOW = Duration.ofMinutes(5);

    final TopicSpec spec;
    final String arn;
    final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    final AtomicLong published = new AtomicLong();
    private final Map<String, String> recentIds = new LinkedHashMap<>();
    private final Map<String, Instant> recentTimes = new LinkedHashMap<>();
    private long sequence;

    Topic(TopicSpec spec, String arn) {
        this.spec = spec;
        this.arn = arn;
    }

    /**
     * The FIFO checks of {@code Publish}: a group id, and a deduplication id unless content-based deduplication is on.
     *
     * @throws TopicRequestException naming the missing parameter
     */
    String deduplicationId(PublishRequest request) {
        if (!spec.fifo()) {
            if (request.groupId() != null || request.deduplicationId() != null) {
                throw new TopicRequestException("topic " + spec.name() + " is a standard topic; MessageGroupId and"
                        + " MessageDeduplicationId are for FIFO topics (names ending in .fifo)");
            }
            return null;
        }
        if (request.groupId() == null || request.groupId().isBlank()) {
            throw new TopicRequestException("topic " + spec.name() + " is a FIFO topic; give every message a"
                    + " MessageGroupId (--group-id): messages of one group are delivered in order");
        }
        if (request.deduplicationId() != null && !request.deduplicationId().isBlank()) {
            return request.deduplicationId();
        }
        if (!spec.contentBasedDeduplication()) {
            throw new TopicRequestException("topic " + spec.name() + " has no content-based deduplication; give every"
                    + " message a MessageDeduplicationId (--dedup-id)");
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(request.message().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The message id already given to this deduplication id within the window; call with the monitor held. */
    String seen(String deduplicationId, Instant now) {
        for (Iterator<Map.Entry<String, Instant>> it = recentTimes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> e = it.next();
            if (e.getValue().plus(DEDUPLICATION_WINDOW).isAfter(now)) {
                break;
            }
            recentIds.remove(e.getKey());
            it.remove();
        }
        return recentIds.get(deduplicationId);
    }

    /** Records an accepted FIFO message; returns its sequence number. Call with the monitor held. */
    String accept(String deduplicationId, String messageId, Instant now) {
        recentIds.put(deduplicationId, messageId);
        recentTimes.put(deduplicationId, now);
        return String.format("%020d", ++sequence);
    }
}
