package dev.localfaas.runtime.config;

/** One entry of {@code Outputs}, resolved: what {@code faas run} prints at start. */
public record OutputValue(String name, String value, String description) {
}
