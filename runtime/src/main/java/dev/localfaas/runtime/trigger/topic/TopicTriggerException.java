package dev.localfaas.runtime.trigger.topic;

import java.util.List;

/** Subscriptions that cannot be installed, one line each naming the subscription and the fix. */
public final class TopicTriggerException extends RuntimeException {
    private final List<String> problems;

    public TopicTriggerException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
