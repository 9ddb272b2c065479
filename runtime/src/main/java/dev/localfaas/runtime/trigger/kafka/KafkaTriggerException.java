package dev.localfaas.runtime.trigger.kafka;

import java.util.List;

/** Kafka triggers that cannot run, one line per problem, each naming the function and the fix. */
public final class KafkaTriggerException extends RuntimeException {
    private final List<String> problems;

    public KafkaTriggerException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
