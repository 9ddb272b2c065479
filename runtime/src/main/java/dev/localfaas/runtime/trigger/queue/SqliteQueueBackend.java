package dev.localfaas.runtime.trigger.queue;

import dev.localfaas.runtime.trigger.queue.GroupCommitWriter.Sync;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Queues in one SQLite file ({@code <functions dir>/.faas/queues.db}), WAL mode. All writes go through a
 * {@link GroupCommitWriter}, so each call returns only after its commit while concurrent calls share commits.
 * Several processes may use the file at once (the gateway and {@code faas send}); SQLite's locks keep them apart.
 */
public final class SqliteQueueBackend implements QueueBackend {

    /** Event envelope bytes counted per message against a receive's byte budget. */
    static final int ENVELOPE_BYTES = 512;

    private final QueueDatabaseFile file;
    private final QueueStoreOptions options;
    private final Clock clock;
    private final Connection writerConnection;
    private final GroupCommitWriter writer;
    private final QueueReads reads;
    private final MessageSignal signal = new MessageSignal();
    private final Set<String> knownQueues = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private SqliteQueueBackend(QueueDatabaseFile file, QueueStoreOptions options) {
        this.file = file;
        this.options = options;
        this.clock = options.clock();
        this.writerConnection = file.openForWriting();
        this.writer = new GroupCommitWriter(writerConnection, file.path().toString(), options.syncEveryCommit());
        this.reads = new QueueReads(file.openForReading(), clock, file.path().toString());
    }

    /** The store for a functions directory: {@code <functionsDir>/.faas/queues.db}. */
    public static Path defaultFile(Path functionsDir) {
        return functionsDir.resolve(".faas").resolve("queues.db");
    }

    /** Opens (creating if needed) with durable defaults; a damaged or foreign file is moved aside and reported. */
    public static SqliteQueueBackend open(Path dbFile, Consumer<String> notices) {
        return open(dbFile, QueueStoreOptions.DEFAULTS, notices);
    }

    public static SqliteQueueBackend open(Path dbFile, QueueStoreOptions options, Consumer<String> notices) {
        QueueDatabaseFile file = new QueueDatabaseFile(dbFile, options.syncEveryCommit());
        file.prepare(notices, options.clock());
        return new SqliteQueueBackend(file, options);
    }

    public Path path() {
        return file.path();
    }

    @Override
    public String location() {
        return file.path().toString();
    }

    @Override
    public void declare(String queue, Optional<String> deadLetterQueue) {
        QueueNames.require(queue);
        deadLetterQueue.ifPresent(QueueNames::require);
        long now = clock.millis();
        writer.write(Sync.DISK, sql -> {
            PreparedStatement ps = sql.prepare("INSERT INTO queues (name, dead_letter_queue, created_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET dead_letter_queue = excluded.dead_letter_queue");
            ps.setString(1, queue);
            ps.setString(2, deadLetterQueue.orElse(null));
            ps.setLong(3, now);
            ps.executeUpdate();
            if (deadLetterQueue.isPresent()) {
                ensureQueue(sql, deadLetterQueue.get(), now);
            }
            return null;
        });
        knownQueues.add(queue);
        deadLetterQueue.ifPresent(knownQueues::add);
    }

    @Override
    public SentMessage send(String queue, OutgoingMessage message) {
        return sendAll(queue, List.of(message)).get(0);
    }

    @Override
    public List<SentMessage> sendAll(String queue, List<OutgoingMessage> messages) {
        QueueNames.require(queue);
        long now = clock.millis();
        boolean visibleNow = messages.stream().anyMatch(m -> m.delay().isZero());
        List<SentMessage> done = writer.write(Sync.DISK, sql -> {
            ensureQueue(sql, queue, now);
            PreparedStatement ps = sql.prepare("INSERT INTO messages (id, queue, body, attributes, md5_of_body,"
                    + " sender_id, sent_at, visible_at, group_id, dedup_id, trace_header)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            List<SentMessage> sent = new ArrayList<>(messages.size());
            for (OutgoingMessage m : messages) {
                SentMessage earlier = m.deduplicationId() == null ? null : Deduplication.find(sql, queue, m, now);
                if (earlier != null) {
                    sent.add(earlier); // a duplicate within the interval: accepted, not stored again
                    continue;
                }
                String id = MessageIds.newMessageId();
                ps.setString(1, id);
                ps.setString(2, queue);
                ps.setString(3, m.body());
                ps.setString(4, AttributeCodec.toJson(m.attributes()));
                ps.setString(5, MessageIds.md5Hex(m.body()));
                ps.setString(6, m.senderId());
                ps.setLong(7, now);
                ps.setLong(8, now + m.delay().toMillis());
                ps.setString(9, m.groupId());
                ps.setString(10, m.deduplicationId());
                ps.setString(11, m.traceHeader());
                ps.executeUpdate();
                long seq = sql.lastRowId();
                if (m.deduplicationId() != null) {
                    Deduplication.remember(sql, queue, m.deduplicationId(), id, seq, now);
                }
                sent.add(new SentMessage(id, MessageIds.md5Hex(m.body()),
                        m.groupId() == null ? null : SentMessage.sequenceNumber(seq)));
            }
            return sent;
        }, visibleNow ? signal::signal : null);
        knownQueues.add(queue); // committed: write() returns only then
        return done;
    }

    private void ensureQueue(GroupCommitWriter.Statements sql, String queue, long now) throws SQLException {
        if (knownQueues.contains(queue)) {
            return;
        }
        PreparedStatement ps = sql.prepare("INSERT OR IGNORE INTO queues (name, created_at) VALUES (?, ?)");
        ps.setString(1, queue);
        ps.setLong(2, now);
        ps.executeUpdate();
        // not marked known here: this runs inside a savepoint that may still roll back; callers mark it after commit
    }

    @Override
    public List<ReceivedMessage> receive(ReceiveRequest request, Duration waitTime) {
        long deadline = System.nanoTime() + waitTime.toNanos();
        while (true) {
            long seen = signal.version();
            ReceiveBatch batch = writer.write(Sync.PROCESS, sql -> ReceiveBatch.take(sql, request, clock.millis()));
            if (batch.deadLettered() > 0) {
                signal.signal();
            }
            long left = deadline - System.nanoTime();
            if (!batch.messages().isEmpty() || left <= 0 || closed) {
                return batch.messages();
            }
            long wait = Math.min(left, options.pollInterval().toNanos());
            if (batch.nextVisibleAt() > 0) {
                wait = Math.min(wait, MessageSignal.nanos(batch.nextVisibleAt() - clock.millis()));
            }
            if (!signal.awaitChange(seen, wait)) {
                return List.of(); // interrupted: nothing was received, so nothing is lost
            }
        }
    }

    @Override
    public int delete(String queue, Collection<String> receiptHandles) {
        return forEachHandle(queue, receiptHandles, "DELETE FROM messages WHERE seq = ? AND receipt_handle = ? AND queue = ?",
                null, false);
    }

    @Override
    public int changeVisibility(String queue, Collection<String> receiptHandles, Duration visibilityTimeout) {
        long visibleAt = clock.millis() + visibilityTimeout.toMillis();
        return forEachHandle(queue, receiptHandles, "UPDATE messages SET visible_at = " + visibleAt
                + " WHERE seq = ? AND receipt_handle = ? AND queue = ?", null, visibilityTimeout.isZero());
    }

    @Override
    public int moveToDeadLetter(String queue, Collection<String> receiptHandles, String deadLetterQueue) {
        QueueNames.require(deadLetterQueue);
        long now = clock.millis();
        int moved = forEachHandle(queue, receiptHandles, ReceiveBatch.DEAD_LETTER_SQL_BY_HANDLE,
                sql -> ensureQueue(sql, deadLetterQueue, now), true, deadLetterQueue, queue, now);
        if (!receiptHandles.isEmpty()) {
            knownQueues.add(deadLetterQueue); // committed: the prelude ran and was not rolled back
        }
        return moved;
    }

    private interface Prelude {
        void run(GroupCommitWriter.Statements sql) throws SQLException;
    }

    /** Runs {@code sql} once per receipt handle; the handle's row, handle and queue bind after {@code leading}. */
    private int forEachHandle(String queue, Collection<String> handles, String statement, Prelude prelude,
                              boolean signalAfter, Object... leading) {
        if (handles.isEmpty()) {
            return 0;
        }
        return writer.write(Sync.PROCESS, sql -> {
            if (prelude != null) {
                prelude.run(sql);
            }
            PreparedStatement ps = sql.prepare(statement);
            int changed = 0;
            for (String handle : handles) {
                int i = 1;
                for (Object value : leading) {
                    ps.setObject(i++, value);
                }
                ps.setLong(i++, MessageIds.seqOf(handle));
                ps.setString(i++, handle);
                ps.setString(i, queue);
                changed += ps.executeUpdate();
            }
            return changed;
        }, signalAfter ? signal::signal : null);
    }

    @Override
    public Optional<Map<String, String>> attributes(String queue) {
        return reads.attributes(queue);
    }

    @Override
    public void setAttributes(String queue, Map<String, String> attributes) {
        QueueNames.require(queue);
        long now = clock.millis();
        writer.write(Sync.DISK, sql -> {
            ensureQueue(sql, queue, now);
            PreparedStatement read = sql.prepare("SELECT attributes FROM queues WHERE name = ?");
            read.setString(1, queue);
            Map<String, String> merged = new TreeMap<>();
            try (ResultSet rs = read.executeQuery()) {
                if (rs.next()) {
                    merged.putAll(QueueAttributesCodec.fromJson(rs.getString(1)));
                }
            }
            merged.putAll(attributes);
            PreparedStatement ps = sql.prepare("UPDATE queues SET attributes = ? WHERE name = ?");
            ps.setString(1, QueueAttributesCodec.toJson(merged));
            ps.setString(2, queue);
            ps.executeUpdate();
            return null;
        });
    }

    @Override
    public boolean deleteQueue(String queue) {
        int deleted = writer.write(Sync.DISK, sql -> {
            for (String table : new String[] {"messages WHERE queue", "dedup WHERE queue"}) {
                PreparedStatement ps = sql.prepare("DELETE FROM " + table + " = ?");
                ps.setString(1, queue);
                ps.executeUpdate();
            }
            PreparedStatement ps = sql.prepare("DELETE FROM queues WHERE name = ?");
            ps.setString(1, queue);
            return ps.executeUpdate();
        });
        knownQueues.remove(queue);
        return deleted > 0;
    }

    @Override
    public int purge(String queue) {
        return writer.write(Sync.DISK, sql -> {
            PreparedStatement ps = sql.prepare("DELETE FROM messages WHERE queue = ?");
            ps.setString(1, queue);
            return ps.executeUpdate();
        });
    }

    @Override
    public List<StoredMessage> peek(String queue, int max) {
        return reads.peek(queue, max);
    }

    @Override
    public int redrive(String deadLetterQueue) {
        long now = clock.millis();
        return writer.write(Sync.DISK, sql -> {
            PreparedStatement sources = sql.prepare("INSERT OR IGNORE INTO queues (name, created_at)"
                    + " SELECT DISTINCT source_queue, ? FROM messages WHERE queue = ? AND source_queue IS NOT NULL");
            sources.setLong(1, now);
            sources.setString(2, deadLetterQueue);
            sources.executeUpdate();
            PreparedStatement ps = sql.prepare("UPDATE messages SET queue = source_queue, source_queue = NULL,"
                    + " visible_at = ?1, receive_count = 0, first_receive_at = NULL, receipt_handle = NULL"
                    + " WHERE queue = ?2 AND source_queue IS NOT NULL AND visible_at <= ?1");
            ps.setLong(1, now);
            ps.setString(2, deadLetterQueue);
            return ps.executeUpdate();
        }, signal::signal);
    }

    @Override
    public List<QueueStats> stats() {
        return reads.stats();
    }

    @Override
    public boolean exists(String queue) {
        return reads.exists(queue);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        signal.signal();
        writer.close();
        reads.close();
        try {
            writerConnection.close(); // the last connection to close checkpoints the WAL into the database
        } catch (SQLException ignored) {
            // closing anyway
        }
    }

    /** Byte size a message counts for against a receive's budget. */
    static long budgetBytes(String body, String attributesJson) {
        return body.getBytes(StandardCharsets.UTF_8).length + attributesJson.length() + ENVELOPE_BYTES;
    }
}
