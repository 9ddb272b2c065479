package dev.localfaas.runtime.config;

import dev.localfaas.runtime.config.yaml.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** Collects the problems of one project file, so that validate prints them all at once instead of the first. */
public final class Problems {
    private final List<TemplateProblem> problems = new ArrayList<>();

    public void add(Position at, String logicalId, String message) {
        problems.add(new TemplateProblem(at, logicalId, message));
    }

    /** Runs {@code read}; a {@link ConfigError} becomes a problem of {@code logicalId} and the answer is {@code fallback}. */
    public <T> T guard(String logicalId, T fallback, Supplier<T> read) {
        try {
            return read.get();
        } catch (ConfigError e) {
            add(e.position(), logicalId, e.getMessage());
            return fallback;
        }
    }

    /** How many problems so far, to tell whether reading one resource added any. */
    public int size() {
        return problems.size();
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** In file order: line, then column. */
    public List<TemplateProblem> list() {
        return problems.stream()
                .sorted(Comparator.comparing((TemplateProblem p) -> p.position().file().toString())
                        .thenComparingInt(p -> p.position().line()).thenComparingInt(p -> p.position().column()))
                .distinct()
                .toList();
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new TemplateException(list());
        }
    }
}
