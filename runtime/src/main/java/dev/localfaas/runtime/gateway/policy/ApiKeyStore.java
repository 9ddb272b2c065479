package dev.localfaas.runtime.gateway.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The API keys {@code faas keys create} made, kept in {@code api-keys.json} under the state folder: a key's value is
 * shown once and stored only as its SHA-256, as a password is. {@code faas run} rereads the file when it changes, so
 * a key created while the gateway runs works at once. Plans made with {@code faas keys plan} live here too, for a
 * folder without a template.
 */
public final class ApiKeyStore {

    public static final String FILE = "api-keys.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A stored key: its value is gone, only its hash is kept. */
    public record StoredKey(String id, String name, String sha256, List<String> plans, String created, boolean enabled) {
        public StoredKey {
            plans = plans == null ? List.of() : List.copyOf(plans);
        }
    }

    /** The file's content. */
    record Contents(List<StoredKey> keys, List<UsagePlan> plans) {
        Contents {
            keys = keys == null ? List.of() : List.copyOf(keys);
            plans = plans == null ? List.of() : List.copyOf(plans);
        }
    }

    /** A key just made: the only time its value is known. */
    public record Created(StoredKey key, String value) {
    }

    private final Path file;
    private volatile Contents contents = new Contents(List.of(), List.of());
    private volatile long readModified = -1;

    private ApiKeyStore(Path file) {
        this.file = file;
    }

    public static ApiKeyStore open(Path stateDir) {
        ApiKeyStore store = new ApiKeyStore(stateDir.resolve(FILE));
        store.refresh();
        return store;
    }

    public Path file() {
        return file;
    }

    public List<StoredKey> keys() {
        refresh();
        return contents.keys();
    }

    public List<UsagePlan> plans() {
        refresh();
        return contents.plans();
    }

    /** The key whose value is {@code value}, rereading the file when it changed since it was last read. */
    public Optional<StoredKey> find(String value) {
        refresh();
        String hash = sha256(value);
        return contents.keys().stream().filter(k -> MessageDigest.isEqual(
                k.sha256().getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII))).findFirst();
    }

    /** Makes a key: 40 random letters and digits, as API Gateway's are; its value is returned once and not stored. */
    public synchronized Created create(String name, List<String> plans) {
        refresh();
        if (contents.keys().stream().anyMatch(k -> k.name().equals(name))) {
            throw new IllegalArgumentException("an API key named " + name + " exists already; choose another name "
                    + "(faas keys list shows them)");
        }
        String value = random(40);
        StoredKey key = new StoredKey(random(10).toLowerCase(java.util.Locale.ROOT), name, sha256(value), plans,
                Instant.now().toString(), true);
        List<StoredKey> keys = new ArrayList<>(contents.keys());
        keys.add(key);
        write(new Contents(keys, contents.plans()));
        return new Created(key, value);
    }

    /** Adds or replaces a plan by name. */
    public synchronized void putPlan(UsagePlan plan) {
        refresh();
        List<UsagePlan> plans = new ArrayList<>(contents.plans().stream().filter(p -> !p.name().equals(plan.name())).toList());
        plans.add(plan);
        write(new Contents(contents.keys(), plans));
    }

    private void refresh() {
        try {
            long modified = Files.isRegularFile(file) ? Files.getLastModifiedTime(file).toMillis() : 0;
            if (modified == readModified) {
                return;
            }
            contents = modified == 0 ? new Contents(List.of(), List.of())
                    : JSON.readValue(file.toFile(), new TypeReference<Contents>() { });
            readModified = modified;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the API keys in " + file + ": " + e.getMessage()
                    + "; fix or delete the file", e);
        }
    }

    private void write(Contents next) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            JSON.writeValue(tmp.toFile(), next);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            contents = next;
            readModified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the API keys to " + file + ": " + e.getMessage(), e);
        }
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
