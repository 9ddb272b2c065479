package dev.localfaas.runtime.trigger.queue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One receive, run inside a group commit: picks visible messages oldest first, moves those that have used up their
 * receives to the dead-letter queue (as SQS applies a redrive policy on receive), and hides the rest behind a fresh
 * receipt handle.
 *
 * @param nextVisibleAt when nothing was received, the epoch ms at which the next hidden message reappears, else 0
 */
record ReceiveBatch(List<ReceivedMessage> messages, int deadLettered, long nextVisibleAt) {

    static final String DEAD_LETTER_SQL = "UPDATE messages SET queue = ?, source_queue = ?, visible_at = ?,"
            + " receive_count = 0, first_receive_at = NULL, receipt_handle = NULL";
    static final String DEAD_LETTER_SQL_BY_HANDLE = DEAD_LETTER_SQL + " WHERE seq = ? AND receipt_handle = ? AND queue = ?";

    private record Row(long seq, String id, String body, String attributes, String md5, String sender, long sentAt,
                       int receiveCount, long firstReceiveAt, String groupId, String dedupId,
                       String traceHeader) {
    }

    static ReceiveBatch take(GroupCommitWriter.Statements sql, ReceiveRequest request, long now) throws SQLException {
        List<Row> rows = candidates(sql, request, now);
        List<Row> taken = new ArrayList<>();
        List<Row> dead = new ArrayList<>();
        long bytes = 0;
        for (Row r : rows) {
            if (request.redrivePolicy().isPresent() && r.receiveCount() >= request.redrivePolicy().get().maxReceiveCount()) {
                dead.add(r);
                continue;
            }
            long size = SqliteQueueBackend.budgetBytes(r.body(), r.attributes());
            if (!taken.isEmpty() && bytes + size > request.maxBytes()) {
                break;
            }
            bytes += size;
            taken.add(r);
        }
        if (!dead.isEmpty()) {
            deadLetter(sql, request, dead, now);
        }
        List<ReceivedMessage> out = hide(sql, request, taken, now);
        long next = out.isEmpty() ? nextVisibleAt(sql, request.queue(), now) : 0;
        return new ReceiveBatch(out, dead.size(), next);
    }

    private static List<Row> candidates(GroupCommitWriter.Statements sql, ReceiveRequest request, long now)
            throws SQLException {
        // FIFO (messages with a group): a group with a message in flight gives none, and a group's messages come in
        // the order they were sent, whenever they became visible again.
        PreparedStatement ps = sql.prepare("SELECT seq, id, body, attributes, md5_of_body, sender_id, sent_at,"
                + " receive_count, first_receive_at, group_id, dedup_id, trace_header FROM messages WHERE queue = ?1 AND visible_at <= ?2"
                + " AND (group_id IS NULL OR group_id NOT IN (SELECT group_id FROM messages WHERE queue = ?1"
                + " AND group_id IS NOT NULL AND visible_at > ?2 AND receive_count > 0))"
                + " ORDER BY CASE WHEN group_id IS NULL THEN visible_at ELSE 0 END, seq LIMIT ?3");
        ps.setString(1, request.queue());
        ps.setLong(2, now);
        ps.setInt(3, request.maxMessages());
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long first = rs.getLong(9);
                boolean noFirst = rs.wasNull();
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getLong(7), rs.getInt(8), noFirst ? 0 : first, rs.getString(10),
                        rs.getString(11), rs.getString(12)));
            }
        }
        return rows;
    }

    private static List<ReceivedMessage> hide(GroupCommitWriter.Statements sql, ReceiveRequest request, List<Row> taken,
                                              long now) throws SQLException {
        PreparedStatement ps = sql.prepare("UPDATE messages SET visible_at = ?, receive_count = receive_count + 1,"
                + " first_receive_at = coalesce(first_receive_at, ?), receipt_handle = ? WHERE seq = ?");
        long visibleAt = now + request.visibilityTimeout().toMillis();
        List<ReceivedMessage> out = new ArrayList<>(taken.size());
        for (Row r : taken) {
            String handle = MessageIds.newReceiptHandle(r.seq());
            ps.setLong(1, visibleAt);
            ps.setLong(2, now);
            ps.setString(3, handle);
            ps.setLong(4, r.seq());
            ps.executeUpdate();
            out.add(new ReceivedMessage(r.id(), handle, r.body(), AttributeCodec.fromJson(r.attributes()), r.md5(),
                    r.sender(), r.sentAt(), r.receiveCount() + 1, r.firstReceiveAt() == 0 ? now : r.firstReceiveAt(),
                    r.groupId(), r.dedupId(), r.groupId() == null ? null : SentMessage.sequenceNumber(r.seq()),
                    r.traceHeader()));
        }
        return out;
    }

    private static void deadLetter(GroupCommitWriter.Statements sql, ReceiveRequest request, List<Row> dead, long now)
            throws SQLException {
        String dlq = request.redrivePolicy().orElseThrow().deadLetterQueue();
        PreparedStatement q = sql.prepare("INSERT OR IGNORE INTO queues (name, created_at) VALUES (?, ?)");
        q.setString(1, dlq);
        q.setLong(2, now);
        q.executeUpdate();
        PreparedStatement ps = sql.prepare(DEAD_LETTER_SQL + " WHERE seq = ?");
        for (Row r : dead) {
            ps.setString(1, dlq);
            ps.setString(2, request.queue());
            ps.setLong(3, now);
            ps.setLong(4, r.seq());
            ps.executeUpdate();
        }
    }

    private static long nextVisibleAt(GroupCommitWriter.Statements sql, String queue, long now) throws SQLException {
        PreparedStatement ps = sql.prepare("SELECT min(visible_at) FROM messages WHERE queue = ? AND visible_at > ?");
        ps.setString(1, queue);
        ps.setLong(2, now);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
