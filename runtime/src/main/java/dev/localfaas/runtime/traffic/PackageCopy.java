package dev.localfaas.runtime.traffic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/** Copies a deployment package (a JAR, or a folder with lib/) and hashes it as Lambda's CodeSha256. */
final class PackageCopy {
    private PackageCopy() {
    }

    /** Base64 SHA-256 of a JAR's bytes, or of a folder's files (relative path and bytes, in name order). */
    static String sha256(Path pkg) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path f : files(pkg)) {
                if (Files.isDirectory(pkg)) {
                    digest.update(pkg.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                try (InputStream in = Files.newInputStream(f)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pkg + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long size(Path pkg) {
        long total = 0;
        for (Path f : files(pkg)) {
            try {
                total += Files.size(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    /** Copies {@code pkg} to {@code target} ({@code target} is a file for a JAR, a folder for a folder package). */
    static void copy(Path pkg, Path target) throws IOException {
        if (!Files.isDirectory(pkg)) {
            Files.copy(pkg, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        Files.walkFileTree(pkg, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(pkg.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.copy(f, target.resolve(pkg.relativize(f).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static List<Path> files(Path pkg) {
        if (!Files.isDirectory(pkg)) {
            return List.of(pkg);
        }
        try (Stream<Path> walk = Files.walk(pkg)) {
            List<Path> out = new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + pkg + ": " + e.getMessage(), e);
        }
    }
}
