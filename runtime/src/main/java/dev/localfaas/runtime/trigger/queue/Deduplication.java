package dev.localfaas.runtime.trigger.queue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * FIFO deduplication, as SQS does it: a message whose deduplication id was sent to the same queue within the last
 * 5 minutes is accepted but not stored, and the send answers the first message's id. Runs inside the send's commit.
 */
final class Deduplication {
    static final long INTERVAL_MILLIS = 5 * 60 * 1000;

    private Deduplication() {
    }

    /** The earlier send with this message's deduplication id, or null when there is none within the interval. */
    static SentMessage find(GroupCommitWriter.Statements sql, String queue, OutgoingMessage m, long now)
            throws SQLException {
        PreparedStatement ps = sql.prepare("SELECT message_id, seq FROM dedup WHERE queue = ? AND dedup_id = ?"
                + " AND expires_at > ?");
        ps.setString(1, queue);
        ps.setString(2, m.deduplicationId());
        ps.setLong(3, now);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new SentMessage(rs.getString(1), MessageIds.md5Hex(m.body()),
                    SentMessage.sequenceNumber(rs.getLong(2))) : null;
        }
    }

    static void remember(GroupCommitWriter.Statements sql, String queue, String dedupId, String messageId, long seq,
                         long now) throws SQLException {
        PreparedStatement ps = sql.prepare("INSERT OR REPLACE INTO dedup (queue, dedup_id, message_id, seq, expires_at)"
                + " VALUES (?, ?, ?, ?, ?)");
        ps.setString(1, queue);
        ps.setString(2, dedupId);
        ps.setString(3, messageId);
        ps.setLong(4, seq);
        ps.setLong(5, now + INTERVAL_MILLIS);
        ps.executeUpdate();
    }
}
