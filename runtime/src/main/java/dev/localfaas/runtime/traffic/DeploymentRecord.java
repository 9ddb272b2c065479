package dev.localfaas.runtime.traffic;

import java.util.List;

/**
 * One deployment as {@code faas deployments} shows it.
 *
 * @param id       {@code d-1}, {@code d-2} ... in this run
 * @param from     the version the alias pointed to before, "" for a new alias
 * @param to       the version being deployed
 * @param status   {@code in-progress}, {@code succeeded}, {@code rolled-back}, {@code aborted} or {@code stopped}
 * @param reason   why it ended as it did ("" while in progress or when it succeeded)
 * @param weight   the new version's current share of the alias's calls
 * @param events   what happened, in order, each line with its time
 */
public record DeploymentRecord(String id, String function, String alias, String from, String to, String type,
                               String rules, String status, String reason, double weight, String started,
                               String ended, List<String> events) {

    public static final String IN_PROGRESS = "in-progress";
    public static final String SUCCEEDED = "succeeded";
    public static final String ROLLED_BACK = "rolled-back";
    public static final String ABORTED = "aborted";
    public static final String STOPPED = "stopped";

    public DeploymentRecord {
        events = List.copyOf(events);
    }
}
