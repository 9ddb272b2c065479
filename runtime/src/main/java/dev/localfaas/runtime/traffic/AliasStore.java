package dev.localfaas.runtime.traffic;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The aliases of every function, kept in {@code STATE/versions/FUNCTION/aliases.json} (written whole and renamed into
 * place). Reads are lock-free: every invocation through an alias looks it up here, and an update replaces the
 * function's map at once, so a call sees the old routing or the new one, never a mix.
 */
final class AliasStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VersionStore versions;
    private final Map<String, Map<String, Alias>> byFunction = new ConcurrentHashMap<>();

    AliasStore(VersionStore versions) {
        this.versions = versions;
    }

    Optional<Alias> get(String function, String name) {
        return Optional.ofNullable(of(function).get(name));
    }

    List<Alias> list(String function) {
        return List.copyOf(of(function).values());
    }

    synchronized void put(Alias alias) {
        Map<String, Alias> next = new TreeMap<>(of(alias.function()));
        next.put(alias.name(), alias);
        save(alias.function(), next);
    }

    synchronized boolean delete(String function, String name) {
        Map<String, Alias> next = new TreeMap<>(of(function));
        if (next.remove(name) == null) {
            return false;
        }
        save(function, next);
        return true;
    }

    private Map<String, Alias> of(String function) {
        Map<String, Alias> known = byFunction.get(function);
        return known != null ? known : byFunction.computeIfAbsent(function, this::read);
    }

    private Map<String, Alias> read(String function) {
        Path file = file(function);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            List<Alias> aliases = JSON.readValue(file.toFile(), new TypeReference<List<Alias>>() { });
            Map<String, Alias> out = new TreeMap<>();
            aliases.forEach(a -> out.put(a.name(), a));
            return java.util.Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage()
                    + "; fix or delete it (faas alias set recreates it)", e);
        }
    }

    private void save(String function, Map<String, Alias> aliases) {
        Path file = file(function);
        Path temp = file.resolveSibling("aliases.json.tmp");
        try {
            Files.createDirectories(file.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), List.copyOf(aliases.values()));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        byFunction.put(function, java.util.Collections.unmodifiableMap(aliases));
    }

    private Path file(String function) {
        return versions.functionDir(function).resolve("aliases.json");
    }
}
