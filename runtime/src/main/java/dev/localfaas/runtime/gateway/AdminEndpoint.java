package dev.localfaas.runtime.gateway;

/**
 * A JSON endpoint under {@code /_faas/}, mounted with {@link Gateway#mount(String, AdminEndpoint)}: queues,
 * schedules, usage and the like plug into the gateway this way without knowing Undertow. It runs on a worker
 * thread and may block.
 */
@FunctionalInterface
public interface AdminEndpoint {

    /**
     * @return the status and the value to write as JSON; an exception becomes a JSON 500
     */
    AdminResponse handle(AdminRequest request) throws Exception;
}
