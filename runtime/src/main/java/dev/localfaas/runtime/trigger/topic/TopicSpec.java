package dev.localfaas.runtime.trigger.topic;

import java.util.regex.Pattern;

/**
 * A topic as a template declares it ({@code AWS::SNS::Topic}: {@code TopicName}, {@code FifoTopic},
 * {@code ContentBasedDeduplication}) or publishing creates it. A FIFO topic's name ends in {@code .fifo}.
 */
public record TopicSpec(String name, boolean contentBasedDeduplication) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,251}(\\.fifo)?");

    public TopicSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new TopicRequestException("'" + name + "' is not a topic name; use 1 to 256 letters, digits, - or _"
                    + " (a FIFO topic ends in .fifo)");
        }
    }

    public static TopicSpec named(String name) {
        return new TopicSpec(name, false);
    }

    public boolean fifo() {
        return name.endsWith(".fifo");
    }
}
