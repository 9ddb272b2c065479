package dev.localfaas.cli.dev;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches the {@code src/main} folders of a project's modules and reports which modules changed once a save has
 * settled: editors write a file in several steps (a temporary file, a rename, a touch), so changes are gathered
 * until none comes for {@link #SETTLE_MILLIS}.
 */
public final class SourceWatcher implements AutoCloseable {

    static final long SETTLE_MILLIS = 40;

    private final WatchService watch;
    private final Map<WatchKey, MavenModule> keys = new ConcurrentHashMap<>();
    private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
    private final Consumer<Set<MavenModule>> onChange;
    private final Thread thread;

    private SourceWatcher(List<MavenModule> modules, Consumer<Set<MavenModule>> onChange) throws IOException {
        this.watch = FileSystems.getDefault().newWatchService();
        this.onChange = onChange;
        for (MavenModule module : modules) {
            registerTree(module.dir().resolve("src/main"), module);
        }
        this.thread = new Thread(this::run, "faas-dev-sources");
        thread.setDaemon(true);
    }

    public static SourceWatcher start(List<MavenModule> modules, Consumer<Set<MavenModule>> onChange) throws IOException {
        SourceWatcher watcher = new SourceWatcher(modules, onChange);
        watcher.thread.start();
        return watcher;
    }

    private void registerTree(Path root, MavenModule module) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path dir : tree.filter(Files::isDirectory).toList()) {
                WatchKey key = dir.register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
                keys.put(key, module);
                dirs.put(key, dir);
            }
        }
    }

    private void run() {
        try {
            while (true) {
                Set<MavenModule> changed = new LinkedHashSet<>();
                WatchKey key = watch.take();
                do {
                    drain(key, changed);
                    key = watch.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
                } while (key != null);
                if (!changed.isEmpty()) {
                    onChange.accept(changed);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the command is stopping
        }
    }

    private void drain(WatchKey key, Set<MavenModule> changed) {
        MavenModule module = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (module == null || !(event.context() instanceof Path name)) {
                continue;
            }
            Path path = dirs.get(key).resolve(name);
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    registerTree(path, module);
                } catch (IOException e) {
                    // a folder that vanished at once: nothing to watch
                }
            }
            String file = name.toString();
            if (!file.startsWith(".") && !file.endsWith("~") && !file.endsWith(".swp")) {
                changed.add(module);
            }
        }
        if (!key.reset()) {
            keys.remove(key);
            dirs.remove(key);
        }
    }

    @Override
    public void close() throws IOException {
        watch.close();
        thread.interrupt();
    }
}
