package dev.localfaas.runtime.trigger.bucket;

import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.trigger.delivery.AsyncDelivery;
import dev.localfaas.runtime.trigger.delivery.DeliveryCounts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Local buckets: each is the folder {@code <state dir>/buckets/NAME/}, scanned every {@code interval}; an object written
 * there (completely) or removed produces the S3 event for every notification that wants it, delivered as an
 * asynchronous invocation ({@link Trigger#BUCKET}). Files present when the bucket is first watched produce nothing.
 */
public final class Buckets implements AutoCloseable {

    /** A bucket with its notifications and their counts, for listings. */
    public record BucketInfo(String name, String folder, List<Notification> notifications) {
        public record Notification(String function, List<String> events, String prefix, String suffix,
                                   DeliveryCounts.Snapshot counts) {
        }
    }

    private record Watched(BucketNotificationSpec spec, DeliveryCounts counts) {
    }

    private final Path root;
    private final S3Events events;
    private final AsyncDelivery delivery;
    private final SequencerClock clock = new SequencerClock();
    private final ScheduledExecutorService scanner;
    private final Map<String, BucketFolder> folders = new LinkedHashMap<>();
    private List<Watched> notifications = List.of();

    public Buckets(Path root, String region, AsyncDelivery delivery, Duration interval, Consumer<String> notices) {
        this.root = root;
        this.events = new S3Events(region);
        this.delivery = delivery;
        this.scanner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faas-buckets");
            t.setDaemon(true);
            return t;
        });
        scanner.scheduleWithFixedDelay(() -> {
            try {
                scan();
            } catch (RuntimeException e) {
                notices.accept("buckets: a scan failed (" + e.getMessage() + "); trying again");
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Watches the buckets the functions' notifications name (creating their folders); returns problems (none yet). */
    public synchronized List<String> update(Collection<FunctionSpec> functions) {
        List<Watched> next = new ArrayList<>();
        for (FunctionSpec f : functions) {
            for (var b : f.events().buckets()) {
                BucketNotificationSpec spec = BucketNotificationSpec.of(f, b);
                next.add(notifications.stream().filter(w -> w.spec.equals(spec)).findFirst()
                        .orElseGet(() -> new Watched(spec, new DeliveryCounts())));
                folders.computeIfAbsent(spec.bucket(), name -> new BucketFolder(name, root.resolve(name)));
            }
        }
        notifications = List.copyOf(next);
        return List.of();
    }

    /** Looks for changes now (the scanner does it every interval). */
    public synchronized void scan() {
        for (BucketFolder folder : folders.values()) {
            for (ObjectChange change : folder.changes(clock)) {
                for (Watched w : notifications) {
                    if (!w.spec.bucket().equals(change.bucket())) {
                        continue;
                    }
                    if (!w.spec.wants(change.eventName(), change.key())) {
                        w.counts.filtered();
                        continue;
                    }
                    w.counts.matched();
                    delivery.deliver(w.spec.function(), events.event(change, w.spec.function() + "-"
                                    + change.bucket(), Invocation.newRequestId()), Trigger.BUCKET, w.counts,
                            "bucket " + change.bucket());
                }
            }
        }
    }

    /** The folder of a bucket (watched or not). */
    public Path folder(String bucket) {
        return root.resolve(bucket);
    }

    public synchronized List<BucketInfo> list() {
        List<BucketInfo> list = new ArrayList<>();
        folders.forEach((name, folder) -> list.add(new BucketInfo(name, folder.dir().toString(), notifications.stream()
                .filter(w -> w.spec.bucket().equals(name))
                .map(w -> new BucketInfo.Notification(w.spec.function(), w.spec.events(), w.spec.prefix(), w.spec.suffix(),
                        w.counts.snapshot())).toList())));
        return list;
    }

    @Override
    public void close() {
        scanner.shutdownNow();
    }
}
