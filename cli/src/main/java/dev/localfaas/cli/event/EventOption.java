package dev.localfaas.cli.event;

/**
 * A field of a sample event that people change, set with {@code --name value}.
 *
 * @param name         the option's name without dashes
 * @param defaultValue used when the option is not given; may name other options as {@code {{other}}}
 * @param help         one line for {@code faas event list}
 */
public record EventOption(String name, String defaultValue, String help) {
}
