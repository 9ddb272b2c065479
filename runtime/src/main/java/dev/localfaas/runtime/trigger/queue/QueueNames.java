package dev.localfaas.runtime.trigger.queue;

import java.util.regex.Pattern;

/** SQS queue name rules: 1 to 80 letters, digits, hyphens and underscores; a FIFO queue's name ends in .fifo. */
public final class QueueNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}|[A-Za-z0-9_-]{1,75}\\.fifo");

    private QueueNames() {
    }

    /** The problem with this name, or null when it is a valid queue name. */
    public static String problem(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return "queue name '" + name + "' is invalid; use 1 to 80 letters, digits, hyphens or underscores";
        }
        return null;
    }

    public static String require(String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new QueueRequestException(problem);
        }
        return name;
    }

    /** Whether the name is a FIFO queue's. */
    public static boolean isFifo(String name) {
        return name.endsWith(".fifo");
    }
}
