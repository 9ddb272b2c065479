package dev.localfaas.runtime.trigger.schedule;

import java.util.Collection;

/** A request to fire a function that has no schedule; the message is one line, the gateway answers 404 with it. */
public final class NoSuchScheduleException extends RuntimeException {

    NoSuchScheduleException(String function, Collection<String> scheduled) {
        super("function '" + function + "' has no schedule; "
                + (scheduled.isEmpty() ? "no function has one (add @ScheduleTrigger(\"rate(5 minutes)\") to a handler)"
                        : "functions with schedules: " + String.join(", ", scheduled)));
    }
}
