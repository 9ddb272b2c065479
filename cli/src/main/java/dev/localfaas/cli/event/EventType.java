package dev.localfaas.cli.event;

import java.util.List;
import java.util.Optional;

/**
 * One event that {@code faas event generate SERVICE EVENT} writes: its JSON template (a resource under
 * {@code /events/}), the options that fill it, and the {@code aws-lambda-java-events} class a handler reads it with.
 */
public record EventType(String service, String event, String description, String eventsClass,
                        List<EventOption> options) {

    public EventType {
        options = List.copyOf(options);
    }

    /** The template resource, {@code /events/SERVICE-EVENT.json}. */
    public String resource() {
        return "/events/" + service + "-" + event + ".json";
    }

    public Optional<EventOption> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
