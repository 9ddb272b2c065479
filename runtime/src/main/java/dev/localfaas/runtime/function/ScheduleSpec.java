package dev.localfaas.runtime.function;

/** A schedule trigger: an EventBridge expression, an optional constant input (JSON) and whether it fires. */
public record ScheduleSpec(String expression, String input, boolean enabled) {
}
