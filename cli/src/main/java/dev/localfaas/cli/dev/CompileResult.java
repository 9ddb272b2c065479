package dev.localfaas.cli.dev;

import java.nio.file.Path;
import java.util.List;

/**
 * What one recompile of a module gave: its classes (in {@code output}) or the errors, each {@code file:line: message}.
 */
public record CompileResult(boolean ok, Path output, List<String> errors, long millis) {
    public CompileResult {
        errors = List.copyOf(errors);
    }
}
