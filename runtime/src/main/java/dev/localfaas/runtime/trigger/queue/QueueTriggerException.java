package dev.localfaas.runtime.trigger.queue;

import java.util.List;

/** Queue triggers that cannot start; each problem is one line naming the function, the queue and the fix. */
public final class QueueTriggerException extends RuntimeException {
    private final List<String> problems;

    public QueueTriggerException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
