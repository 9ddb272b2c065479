package dev.localfaas.runtime.trigger.bucket;

import dev.localfaas.runtime.function.EventSources;
import dev.localfaas.runtime.function.FunctionSpec;
import java.util.List;

/**
 * One bucket notification, from {@code @BucketTrigger} or an {@code S3} event in a template
 * ({@code Events: s3:ObjectCreated:*}, {@code Filter.S3Key.Rules} prefix and suffix).
 *
 * @param events {@code s3:ObjectCreated:*}, {@code s3:ObjectCreated:Put}, {@code s3:ObjectRemoved:*},
 *               {@code s3:ObjectRemoved:Delete}
 */
public record BucketNotificationSpec(String bucket, String function, List<String> events, String prefix, String suffix) {

    public BucketNotificationSpec {
        events = List.copyOf(events);
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
    }

    public static BucketNotificationSpec of(FunctionSpec function, EventSources.BucketTriggerSpec b) {
        return new BucketNotificationSpec(b.bucket(), function.name(), b.events(), b.prefix(), b.suffix());
    }

    /** Whether this notification wants an event named {@code ObjectCreated:Put} for {@code key}. */
    boolean wants(String eventName, String key) {
        String type = eventName.substring(0, eventName.indexOf(':'));
        boolean event = events.stream().anyMatch(e -> e.equals("s3:" + eventName) || e.equals("s3:" + type + ":*"));
        return event && key.startsWith(prefix) && key.endsWith(suffix);
    }
}
