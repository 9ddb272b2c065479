package dev.localfaas.runtime.trigger.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read-only side of the store: peek, counts, existence. Runs on its own connection so that reads never wait for
 * the writer's group commits (WAL lets readers and the writer work at once).
 */
final class QueueReads implements AutoCloseable {
    private final Connection connection;
    private final Clock clock;
    private final String name;

    QueueReads(Connection connection, Clock clock, String name) {
        this.connection = connection;
        this.clock = clock;
        this.name = name;
    }

    synchronized List<StoredMessage> peek(String queue, int max) {
        long now = clock.millis();
        String sql = "SELECT id, body, attributes, md5_of_body, sender_id, sent_at, visible_at, receive_count,"
                + " first_receive_at, source_queue FROM messages WHERE queue = ? ORDER BY visible_at, seq LIMIT ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, queue);
            ps.setInt(2, max);
            List<StoredMessage> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long visibleAt = rs.getLong(7);
                    int receives = rs.getInt(8);
                    long firstReceive = rs.getLong(9);
                    Long firstReceiveAt = rs.wasNull() ? null : firstReceive;
                    String state = visibleAt <= now ? "visible" : receives > 0 ? "inFlight" : "delayed";
                    out.add(new StoredMessage(rs.getString(1), rs.getString(2), AttributeCodec.fromJson(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getLong(6), visibleAt, receives,
                            firstReceiveAt, state, rs.getString(10)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    synchronized List<QueueStats> stats() {
        String sql = """
                SELECT q.name, q.dead_letter_queue,
                       coalesce(sum(m.visible_at <= ?1), 0),
                       coalesce(sum(m.visible_at > ?1 AND m.receive_count > 0), 0),
                       coalesce(sum(m.visible_at > ?1 AND m.receive_count = 0), 0),
                       coalesce(min(m.sent_at), 0)
                FROM queues q LEFT JOIN messages m ON m.queue = q.name
                GROUP BY q.name ORDER BY q.name""";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, clock.millis());
            List<QueueStats> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new QueueStats(rs.getString(1), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(2),
                            rs.getLong(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    synchronized boolean exists(String queue) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM queues WHERE name = ?")) {
            ps.setString(1, queue);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    synchronized Optional<Map<String, String>> attributes(String queue) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT attributes FROM queues WHERE name = ?")) {
            ps.setString(1, queue);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(QueueAttributesCodec.fromJson(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private QueueStoreException failure(SQLException e) {
        return new QueueStoreException(name + ": " + SqliteErrors.describe(e), e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
