package dev.localfaas.runtime.metering;

import dev.localfaas.runtime.execution.Outcome;

/**
 * Invocations by how they ended: the one place that says which outcomes ran (and are billed) and which count as
 * errors, for the report's tallies and the Prometheus counters alike. Not thread-safe; its owner guards it.
 */
final class OutcomeCounts {
    private long ran;
    private long errors;
    private long timeouts;
    private long throttles;

    /** Counts one outcome; false when the request was throttled and never ran. */
    boolean add(Outcome outcome) {
        switch (outcome) {
            case THROTTLED -> {
                throttles++;
                return false;
            }
            case ERROR -> errors++;
            case TIMEOUT -> timeouts++;
            case OK -> { }
        }
        ran++;
        return true;
    }

    long ran() {
        return ran;
    }

    long errors() {
        return errors;
    }

    long timeouts() {
        return timeouts;
    }

    long throttles() {
        return throttles;
    }
}
