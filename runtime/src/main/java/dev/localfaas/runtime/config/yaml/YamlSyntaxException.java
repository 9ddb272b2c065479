package dev.localfaas.runtime.config.yaml;

/** The file is not YAML; the message is one line, without the position, which {@link #position()} holds. */
public final class YamlSyntaxException extends RuntimeException {
    private final Position position;

    public YamlSyntaxException(Position position, String message) {
        super(message);
        this.position = position;
    }

    public Position position() {
        return position;
    }
}
