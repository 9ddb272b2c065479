package dev.localfaas.runtime.gateway.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per API key and usage plan: the throttle's token bucket and the quota's count for the current period.
 * Counts are written to {@code api-key-usage.json} under the state folder at most once a second and on
 * {@link #flush()}, so a quota survives a restart of {@code faas run} (as it does on AWS) and {@code faas keys list}
 * can show what is left.
 */
public final class KeyUsage {

    public static final String FILE = "api-key-usage.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One key's use of one plan, as written to the file.
     *
     * @param periodStart the first day of the quota period {@code used} counts (UTC)
     * @param limit       the plan's quota, 0 for none
     * @param total       every admitted request since the key was first used
     */
    public record Entry(String key, String name, String plan, String period, String periodStart, long used,
                        long limit, long total) {
        public long remaining() {
            return limit == 0 ? -1 : Math.max(0, limit - used);
        }
    }

    private final Path file;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private long flushedAt;
    private boolean dirty;

    private KeyUsage(Path file) {
        this.file = file;
    }

    /** Opens the counts kept in {@code stateDir}; none when the file is absent. */
    public static KeyUsage open(Path stateDir) {
        KeyUsage usage = new KeyUsage(stateDir.resolve(FILE));
        usage.entries.putAll(read(stateDir));
        return usage;
    }

    /** What the file holds now, by {@code key/plan}. */
    public static Map<String, Entry> read(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, Entry>>() { });
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read API key usage in " + file + ": " + e.getMessage()
                    + "; delete the file to start counting again", e);
        }
    }

    /**
     * Counts one request of {@code key} under {@code plan}: throttle first (429 Too Many Requests), then the quota
     * (429 Limit Exceeded); a refused request does not use the quota.
     */
    public Decision admit(ApiKeyStore.StoredKey key, UsagePlan plan) {
        String id = key.id() + "/" + plan.name();
        String rule = "api key " + key.name() + ", " + plan.describe();
        if (plan.throttles() && !buckets.computeIfAbsent(id, k -> new TokenBucket(plan.rate(), plan.burst())).tryAcquire()) {
            return Decision.throttled(rule);
        }
        LocalDate start = plan.periodStart(UsagePlan.today());
        boolean[] spent = {false};
        entries.compute(id, (k, e) -> {
            long used = e == null || !e.periodStart().equals(start.toString()) ? 0 : e.used();
            long total = e == null ? 0 : e.total();
            if (plan.limited() && used >= plan.quota()) {
                spent[0] = true;
                return new Entry(key.id(), key.name(), plan.name(), plan.period(), start.toString(), used,
                        plan.quota(), total);
            }
            return new Entry(key.id(), key.name(), plan.name(), plan.period(), start.toString(), used + 1,
                    plan.quota(), total + 1);
        });
        markDirty();
        return spent[0] ? Decision.quotaSpent(rule + ": quota spent until " + plan.nextPeriod(start)) : Decision.ALLOW;
    }

    private void markDirty() {
        boolean write;
        synchronized (this) {
            dirty = true;
            write = System.currentTimeMillis() - flushedAt >= 1000;
        }
        if (write) {
            try {
                flush();
            } catch (IllegalStateException e) {
                // the counts stay in memory and marked dirty: the next request, or faas run's stop, writes them
            }
        }
    }

    /** Writes the counts if they changed since the last write. */
    public synchronized void flush() {
        if (!dirty) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            JSON.writeValue(tmp.toFile(), new TreeMap<>(entries));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            dirty = false;
            flushedAt = System.currentTimeMillis();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write API key usage to " + file + ": " + e.getMessage(), e);
        }
    }
}
