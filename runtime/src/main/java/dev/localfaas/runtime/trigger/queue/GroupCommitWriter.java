package dev.localfaas.runtime.trigger.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs every write on one thread and commits them in groups: whatever work arrives while a commit is being synced
 * to disk shares the next transaction. So a caller still waits for its own commit (durability), but a hundred
 * concurrent callers pay for one sync, not a hundred. Each piece of work runs inside a savepoint, so one that fails
 * is rolled back alone and the others still commit.
 *
 * <p>Only work that must survive a power cut ({@link Sync#DISK}: sends) makes its group sync the WAL to disk. Other
 * work (receives, deletes) is committed to the WAL without a sync: it survives a crash of the process but not of
 * the machine, and losing it there only means a message is delivered once more, which at-least-once allows.
 */
final class GroupCommitWriter implements AutoCloseable {

    /** A piece of work against the writer's connection; runs on the writer thread. */
    @FunctionalInterface
    interface Work<T> {
        T run(Statements sql) throws SQLException;
    }

    /** Prepared statements cached on the writer's connection. */
    static final class Statements {
        private final Connection connection;
        private final Map<String, PreparedStatement> cache = new HashMap<>();

        Statements(Connection connection) {
            this.connection = connection;
        }

        /** The row id of the last insert on the writer's connection. */
        long lastRowId() throws SQLException {
            try (Statement s = connection.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }

        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement ps = cache.get(sql);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                cache.put(sql, ps);
            }
            return ps;
        }

        void closeAll() {
            cache.values().forEach(ps -> {
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
            });
        }
    }

    /** What a piece of work needs from its commit. */
    enum Sync {
        /** Synced to disk before the caller hears back: survives a power cut. */
        DISK,
        /** Written to the WAL; survives a crash of this process, synced at the next checkpoint or disk commit. */
        PROCESS
    }

    private record Task<T>(Work<T> work, Sync sync, CompletableFuture<T> done, Runnable afterCommit) {
    }

    private static final int MAX_GROUP = 512;

    private final Connection connection;
    private final Statements statements;
    private final String name;
    private final boolean diskSyncAllowed;
    private boolean syncing;
    private final LinkedBlockingQueue<Task<?>> pending = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param connection      the connection, opened with {@code synchronous} FULL when {@code diskSyncAllowed}
     * @param diskSyncAllowed false to never sync on commit (the store's durability is turned down)
     */
    GroupCommitWriter(Connection connection, String name, boolean diskSyncAllowed) {
        this.connection = connection;
        this.diskSyncAllowed = diskSyncAllowed;
        this.syncing = diskSyncAllowed;
        this.statements = new Statements(connection);
        this.name = name;
        this.thread = new Thread(this::loop, "faas-queue-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs the work in the next group and waits for its commit; SQL failures become {@link QueueStoreException}. */
    <T> T write(Sync sync, Work<T> work) {
        return write(sync, work, null);
    }

    /** As {@link #write(Sync, Work)}, running {@code afterCommit} on the writer thread once the group committed. */
    <T> T write(Sync sync, Work<T> work, Runnable afterCommit) {
        CompletableFuture<T> done = new CompletableFuture<>();
        synchronized (this) {
            // Checked and added under the lock that close() takes, so no task is queued after the last drain.
            if (closed) {
                throw new IllegalStateException(name + " is closed");
            }
            pending.add(new Task<>(work, sync, done, afterCommit));
        }
        try {
            // join() ignores interrupts on purpose: once queued, the work's outcome must reach the caller.
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    private void loop() {
        List<Task<?>> group = new ArrayList<>();
        while (!closed || !pending.isEmpty()) {
            try {
                Task<?> first = pending.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                pending.drainTo(group, MAX_GROUP - 1);
                // Unsynced work first, in its own quick commit, so receives and deletes never wait for the sync
                // that the sends of the same group need.
                commit(group.stream().filter(t -> t.sync() == Sync.PROCESS).toList(), false);
                commit(group.stream().filter(t -> t.sync() == Sync.DISK).toList(), diskSyncAllowed);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            } finally {
                group.clear();
            }
        }
        statements.closeAll();
    }

    private void commit(List<Task<?>> group, boolean sync) {
        if (group.isEmpty()) {
            return;
        }
        Object[] results = new Object[group.size()];
        RuntimeException[] failures = new RuntimeException[group.size()];
        try (Statement s = connection.createStatement()) {
            if (sync != syncing) {
                // Allowed between transactions; in WAL mode FULL syncs the WAL on commit, NORMAL at checkpoints.
                s.execute(sync ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
                syncing = sync;
            }
            s.execute("BEGIN IMMEDIATE");
            for (int i = 0; i < group.size(); i++) {
                s.execute("SAVEPOINT work");
                try {
                    results[i] = group.get(i).work().run(statements);
                    s.execute("RELEASE work");
                } catch (SQLException e) {
                    undo(s);
                    failures[i] = storeFailure(e);
                } catch (RuntimeException e) {
                    undo(s);
                    failures[i] = e;
                }
            }
            s.execute("COMMIT");
        } catch (SQLException e) {
            rollbackQuietly();
            QueueStoreException failure = storeFailure(e);
            group.forEach(t -> t.done().completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            Task<?> t = group.get(i);
            if (failures[i] != null) {
                t.done().completeExceptionally(failures[i]);
            } else {
                if (t.afterCommit() != null) {
                    t.afterCommit().run();
                }
                complete(t, results[i]);
            }
        }
    }

    private static void undo(Statement s) throws SQLException {
        s.execute("ROLLBACK TO work");
        s.execute("RELEASE work");
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Task<T> task, Object result) {
        task.done().complete((T) result);
    }

    private QueueStoreException storeFailure(SQLException e) {
        return new QueueStoreException(name + ": " + SqliteErrors.describe(e), e);
    }

    private void rollbackQuietly() {
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction was open
        }
    }

    /** Finishes the work already queued, then stops. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
