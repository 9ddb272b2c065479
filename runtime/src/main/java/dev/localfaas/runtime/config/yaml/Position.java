package dev.localfaas.runtime.config.yaml;

import java.nio.file.Path;

/**
 * Where a node starts in a project file, 1-based as editors count, so every problem can be reported as
 * {@code file:line:column}.
 *
 * @param file the file as the user named it (relative paths stay relative, so messages stay short)
 */
public record Position(Path file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
