package dev.localfaas.runtime.trigger.bucket;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One bucket as a folder, compared scan by scan. A file counts as written once {@link #STABLE_SCANS} scans after the
 * one that first saw it find the same size and modification time (a copy still running changes them), so a file
 * being written steadily never produces an event; a file gone since the last scan is a delete. Dot-files (editors'
 * and copy tools' temporaries) are not objects, so writing {@code .name} and renaming it is the safe way to put a
 * large file in.
 */
final class BucketFolder {

    private record Seen(long size, long modified) {
    }

    /** Scans that must agree with the first sight of a file, 2 at 250 ms: half a second without change. */
    static final int STABLE_SCANS = 2;

    private final String bucket;
    private final Path dir;
    private Map<String, Seen> settled = new HashMap<>();
    private Map<String, Seen> pending = new HashMap<>();
    private Map<String, Integer> agreeing = new HashMap<>();

    BucketFolder(String bucket, Path dir) {
        this.bucket = bucket;
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settled = scan();
    }

    Path dir() {
        return dir;
    }

    /** The changes since the last call, in key order. */
    List<ObjectChange> changes(SequencerClock clock) {
        Map<String, Seen> now = scan();
        List<ObjectChange> changes = new ArrayList<>();
        Map<String, Seen> stillPending = new HashMap<>();
        Map<String, Integer> stillAgreeing = new HashMap<>();
        Map<String, Seen> nextSettled = new HashMap<>();
        for (Map.Entry<String, Seen> file : new java.util.TreeMap<>(now).entrySet()) {
            String key = file.getKey();
            Seen seen = file.getValue();
            if (seen.equals(settled.get(key))) {
                nextSettled.put(key, seen);
            } else if (seen.equals(pending.get(key)) && agreeing.getOrDefault(key, 0) + 1 >= STABLE_SCANS) {
                nextSettled.put(key, seen);
                changes.add(new ObjectChange(bucket, key, "ObjectCreated:Put", seen.size(), md5(key), clock.next()));
            } else {
                stillPending.put(key, seen);
                stillAgreeing.put(key, seen.equals(pending.get(key)) ? agreeing.getOrDefault(key, 0) + 1 : 0);
                if (settled.containsKey(key)) {
                    nextSettled.put(key, settled.get(key));
                }
            }
        }
        for (String gone : new java.util.TreeSet<>(settled.keySet())) {
            if (!now.containsKey(gone)) {
                changes.add(new ObjectChange(bucket, gone, "ObjectRemoved:Delete", 0, null, clock.next()));
            }
        }
        settled = nextSettled;
        pending = stillPending;
        agreeing = stillAgreeing;
        return changes;
    }

    private Map<String, Seen> scan() {
        Map<String, Seen> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                if (p.getFileName().toString().startsWith(".")) {
                    continue;
                }
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        files.put(dir.relativize(p).toString().replace('\\', '/'),
                                new Seen(a.size(), a.lastModifiedTime().toMillis()));
                    }
                } catch (NoSuchFileException removedMeanwhile) {
                    // gone between the listing and the read: the next scan sees it as absent
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return settled; // the folder is being changed under us; try again next scan
        }
        return files;
    }

    /** S3's ETag of a single-part upload: the MD5 of the content, in hex. */
    private String md5(String key) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(dir.resolve(key)), MessageDigest.getInstance("MD5"))) {
            DigestInputStream digest = (DigestInputStream) in;
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        } catch (IOException e) {
            return "";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
