package dev.localfaas.runtime.config;

import dev.localfaas.runtime.config.yaml.Position;

/**
 * A problem found deep inside reading one property, thrown to the reader of the resource that holds it, which turns
 * it into a {@link TemplateProblem} with its logical id and reads on.
 */
public final class ConfigError extends RuntimeException {
    private final Position position;

    public ConfigError(Position position, String message) {
        super(message, null, false, false);
        this.position = position;
    }

    public Position position() {
        return position;
    }
}
