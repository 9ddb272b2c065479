package dev.localfaas.runtime.traffic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localfaas.runtime.function.FunctionSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The published versions of every function, under {@code STATE/versions/FUNCTION/N/}: {@code version.json} and the
 * package copy ({@code code.jar}, or {@code code/} for a folder package). A version is written under a temporary name
 * and renamed into place, so a crash never leaves half a version; versions survive restarts.
 */
final class VersionStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Map<String, TreeMap<Integer, PublishedVersion>> loaded = new HashMap<>();

    VersionStore(Path root) {
        this.root = root;
    }

    /**
     * Publishes the function's current package and configuration as the next version, or returns the newest version
     * when neither changed since it was published (as Lambda's PublishVersion does).
     */
    synchronized PublishedVersion publish(FunctionSpec latest, String description) {
        TreeMap<Integer, PublishedVersion> versions = versions(latest.name());
        String sha = PackageCopy.sha256(latest.jar());
        if (!versions.isEmpty()) {
            PublishedVersion newest = versions.lastEntry().getValue();
            if (newest.codeSha256().equals(sha) && newest.sameConfiguration(latest)) {
                return newest;
            }
        }
        int number = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        Path dir = functionDir(latest.name()).resolve(Integer.toString(number));
        Path temp = functionDir(latest.name()).resolve(number + ".tmp-" + ProcessHandle.current().pid());
        try {
            deleteTree(temp);
            Files.createDirectories(temp);
            String codeName = Files.isDirectory(latest.jar()) ? "code" : "code.jar";
            PackageCopy.copy(latest.jar(), temp.resolve(codeName));
            PublishedVersion version = new PublishedVersion(latest.name(), number, description, sha,
                    PackageCopy.size(latest.jar()), Instant.now().toString(), latest.handler(), latest.memoryMb(),
                    latest.timeoutSeconds(), latest.concurrency(), latest.environment(), latest.inputType(),
                    latest.architecture(), latest.layers().stream().map(Path::toString).toList(), null);
            ObjectNode file = JSON.valueToTree(version);
            file.remove("code");
            file.put("codeFile", codeName);
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.resolve("version.json").toFile(), file);
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
            PublishedVersion placed = version.at(dir.resolve(codeName));
            versions.put(number, placed);
            return placed;
        } catch (IOException e) {
            deleteTree(temp);
            throw new UncheckedIOException("cannot publish a version of " + latest.name() + " under " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    synchronized List<PublishedVersion> list(String function) {
        return new ArrayList<>(versions(function).values());
    }

    synchronized Optional<PublishedVersion> get(String function, int version) {
        return Optional.ofNullable(versions(function).get(version));
    }

    synchronized Optional<PublishedVersion> newest(String function) {
        TreeMap<Integer, PublishedVersion> versions = versions(function);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    Path functionDir(String function) {
        return root.resolve(function);
    }

    private TreeMap<Integer, PublishedVersion> versions(String function) {
        return loaded.computeIfAbsent(function, this::read);
    }

    private TreeMap<Integer, PublishedVersion> read(String function) {
        TreeMap<Integer, PublishedVersion> out = new TreeMap<>();
        Path dir = functionDir(function);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "[0-9]*")) {
            for (Path d : entries) {
                Path file = d.resolve("version.json");
                if (!d.getFileName().toString().matches("\\d+") || !Files.isRegularFile(file)) {
                    continue; // a version being written by a process that died
                }
                ObjectNode node = (ObjectNode) JSON.readTree(file.toFile());
                String codeName = node.path("codeFile").asText("code.jar");
                node.remove("codeFile");
                PublishedVersion v = JSON.treeToValue(node, PublishedVersion.class).at(d.resolve(codeName));
                out.put(v.version(), v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the versions of " + function + " in " + dir + ": "
                    + e.getMessage() + "; delete that folder to start again", e);
        }
        return out;
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover temporary folder is skipped when reading
        }
    }
}
