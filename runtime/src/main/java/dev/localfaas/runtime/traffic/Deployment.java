package dev.localfaas.runtime.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * The state of one deployment, changed only by {@link Deployments} while holding this object's lock: the step it is
 * on, the new version's share, and how it ended.
 */
final class Deployment {
    final String id;
    final String function;
    final String alias;
    final String from;
    final String to;
    final DeploymentPreference preference;
    final Instant started = Instant.now();
    private final List<String> events = new ArrayList<>();
    String status = DeploymentRecord.IN_PROGRESS;
    String reason = "";
    double weight;
    int step = -1;
    Instant ended;
    ScheduledFuture<?> next;

    Deployment(String id, String function, String alias, String from, String to, DeploymentPreference preference) {
        this.id = id;
        this.function = function;
        this.alias = alias;
        this.from = from;
        this.to = to;
        this.preference = preference;
    }

    boolean running() {
        return status.equals(DeploymentRecord.IN_PROGRESS);
    }

    void event(String what) {
        events.add(Instant.now() + " " + what);
    }

    void end(String outcome, String why) {
        status = outcome;
        reason = why;
        ended = Instant.now();
        event(outcome + (why.isEmpty() ? "" : ": " + why));
        if (next != null) {
            next.cancel(false);
        }
    }

    synchronized DeploymentRecord record() {
        return new DeploymentRecord(id, function, alias, from, to, preference.type().label(),
                preference.rules().describe(), status, reason, weight, started.toString(),
                ended == null ? "" : ended.toString(), events);
    }
}
