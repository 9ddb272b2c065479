package dev.localfaas.runtime.execution;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The code one function version loads from, and who still uses it: each invocation's slot and each execution
 * environment holds a reference. Once a deploy has {@linkplain #retire() retired} the version and its last reference
 * is released, a snapshot copy is deleted — a reload's copy goes when the last environment over it closes, not at
 * exit. The package itself (snapshots off) is never deleted.
 */
final class CodeSnapshot {

    private final Path path;
    private final Consumer<Path> deleter;
    private int references;
    private boolean retired;
    private boolean deleted;

    private CodeSnapshot(Path path, Consumer<Path> deleter) {
        this.path = path;
        this.deleter = deleter;
    }

    /** A copy that {@code deleter} removes once it is retired and unused. */
    static CodeSnapshot copy(Path path, Consumer<Path> deleter) {
        return new CodeSnapshot(path, deleter);
    }

    /** The user's package itself, loaded in place: counted like a copy, never deleted. */
    static CodeSnapshot inPlace(Path pkg) {
        return new CodeSnapshot(pkg, p -> { });
    }

    Path path() {
        return path;
    }

    /** Takes a reference; false once the snapshot is deleted (a deploy retired it meanwhile: use the new version). */
    synchronized boolean acquire() {
        if (deleted) {
            return false;
        }
        references++;
        return true;
    }

    /** Gives a reference back; the last one of a retired snapshot deletes it. */
    void release() {
        boolean delete;
        synchronized (this) {
            references--;
            delete = retired && references == 0 && !deleted;
            deleted |= delete;
        }
        if (delete) {
            deleter.accept(path);
        }
    }

    /** No new work will use this version: deleted now if nothing uses it, else when its last user releases it. */
    void retire() {
        boolean delete;
        synchronized (this) {
            retired = true;
            delete = references == 0 && !deleted;
            deleted |= delete;
        }
        if (delete) {
            deleter.accept(path);
        }
    }

    /** For tests and listings: references held now. */
    synchronized int references() {
        return references;
    }

    synchronized boolean deleted() {
        return deleted;
    }
}
