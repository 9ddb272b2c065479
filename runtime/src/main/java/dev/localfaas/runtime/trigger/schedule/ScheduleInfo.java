package dev.localfaas.runtime.trigger.schedule;

import java.time.Instant;
import java.util.List;

/**
 * One schedule as {@code faas run} lists it.
 *
 * @param function      the function it invokes
 * @param rule          the EventBridge rule name it stands for ({@code tick-schedule})
 * @param ruleArn       that rule's ARN, as the event's {@code resources} names it
 * @param expression    the expression as written
 * @param enabled       false when {@code enabled = false}: listed, never fired
 * @param constantInput true when it delivers its constant input instead of the scheduled event
 * @param nextFirings   the next three firings (UTC instants), fewer when it stops firing, none when disabled
 * @param warnings      what works here but not on AWS
 */
public record ScheduleInfo(
        String function,
        String rule,
        String ruleArn,
        String expression,
        boolean enabled,
        boolean constantInput,
        List<Instant> nextFirings,
        List<String> warnings) {

    public ScheduleInfo {
        nextFirings = List.copyOf(nextFirings);
        warnings = List.copyOf(warnings);
    }
}
