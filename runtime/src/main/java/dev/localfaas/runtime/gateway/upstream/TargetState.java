package dev.localfaas.runtime.gateway.upstream;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * One target's health and counters; the one owner of whether it is in rotation. Active checks and passive
 * observations both report here; a change is announced once to {@code onChange} (which adds or removes the target
 * in the load balancer), never decided elsewhere.
 * <ul>
 *   <li>in rotation: {@code unhealthyThreshold} failed checks in a row, or as many 5xx answers in a row, eject it; a
 *       refused or broken connection ejects it at once (there is nothing ambiguous about it);</li>
 *   <li>ejected: only active checks bring it back, after {@code healthyThreshold} passes in a row.</li>
 * </ul>
 */
final class TargetState {

    final UpstreamTarget target;
    private final HealthCheck rules;
    private final BiConsumer<TargetState, Boolean> onChange;
    private boolean healthy = true;
    private volatile boolean inRotation = true;
    private int passes;
    private int failures;
    private int serverErrors;
    private String lastProblem = "";
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong ejections = new AtomicLong();

    TargetState(UpstreamTarget target, HealthCheck rules, BiConsumer<TargetState, Boolean> onChange) {
        this.target = target;
        this.rules = rules;
        this.onChange = onChange;
    }

    boolean healthy() {
        return inRotation;
    }

    synchronized String lastProblem() {
        return lastProblem;
    }

    /** An active check's result; {@code problem} says why it failed. */
    synchronized void checked(boolean passed, String problem) {
        Boolean change = null;
        if (passed) {
            failures = 0;
            passes++;
            if (!healthy && passes >= rules.healthyThreshold()) {
                change = healthy = true;
                serverErrors = 0;
            }
        } else {
            passes = 0;
            failures++;
            lastProblem = "health check: " + problem;
            if (healthy && failures >= rules.unhealthyThreshold()) {
                change = healthy = false;
            }
        }
        announce(change);
    }

    /** A proxied request got an answer with this status. */
    synchronized void answered(int status) {
        Boolean change = null;
        if (status < 500) {
            serverErrors = 0;
        } else {
            errors.incrementAndGet();
            serverErrors++;
            lastProblem = "answered " + status;
            if (healthy && serverErrors >= rules.unhealthyThreshold()) {
                change = healthy = false;
                passes = 0;
            }
        }
        announce(change);
    }

    /** Connecting to the target failed, or the connection broke before it answered. */
    synchronized void connectionFailed(String problem) {
        Boolean change = null;
        errors.incrementAndGet();
        lastProblem = problem;
        if (healthy) {
            change = healthy = false;
            passes = 0;
        }
        announce(change);
    }

    /** Under this target's lock, so that an ejection and a re-admission reach the balancer in the order they happened. */
    private void announce(Boolean change) {
        if (change != null) {
            inRotation = change;
            if (!change) {
                ejections.incrementAndGet();
            }
            onChange.accept(this, change);
        }
    }
}
