package dev.localfaas.cli.scaffold;

import java.util.Map;

/**
 * What invokes a new project's function: the handler template, its sample event, and whether localfaas serves the
 * trigger today. Topics are generated as AWS wants them but are only invoked here (README says so); Kafka is consumed
 * when {@code faas run} serves the project's template.yaml (see docs/kafka.md).
 */
public enum ProjectTrigger {
    HTTP("http", "apigateway", "http-api", true),
    SCHEDULE("schedule", "eventbridge", "scheduled", true),
    QUEUE("queue", "sqs", "receive-message", true),
    TOPIC("topic", "sns", "notification", false),
    KAFKA("kafka", "kafka", "self-managed", true);

    private final String option;
    private final String eventService;
    private final String event;
    private final boolean served;

    ProjectTrigger(String option, String eventService, String event, boolean served) {
        this.option = option;
        this.eventService = eventService;
        this.event = event;
        this.served = served;
    }

    /** The value of {@code --trigger}. */
    public String option() {
        return option;
    }

    public String eventService() {
        return eventService;
    }

    public String event() {
        return event;
    }

    /** Whether {@code faas run} delivers this trigger now, or only serves the function over Invoke. */
    public boolean served() {
        return served;
    }

    /** {@code events/FILE}: the sample event's file name. */
    public String eventFile() {
        return eventService + "-" + event + ".json";
    }

    /** Fields of the sample event that match the project: its route, queue, topic or rule. */
    public Map<String, String> eventFields(String name) {
        return switch (this) {
            case HTTP -> Map.of("path", "/" + name, "query", "name=Ada");
            case SCHEDULE -> Map.of("rule", name + "-schedule");
            case QUEUE -> Map.of("queue", name + "-queue", "body", "hello");
            case TOPIC -> Map.of("topic", name + "-topic");
            case KAFKA -> Map.of("topic", name + "-topic");
        };
    }

    /** Picocli's converter: the lower-case option value. */
    public static ProjectTrigger parse(String value) {
        for (ProjectTrigger trigger : values()) {
            if (trigger.option.equals(value)) {
                return trigger;
            }
        }
        throw new IllegalArgumentException("unknown trigger " + value + "; use http, schedule, queue, topic or kafka");
    }
}
