package dev.localfaas.runtime.traffic;

import dev.localfaas.runtime.gateway.AdminEndpoint;
import dev.localfaas.runtime.gateway.AdminRequest;
import dev.localfaas.runtime.gateway.AdminResponse;
import java.util.Map;

/**
 * {@code GET /_faas/deployments}: every deployment of this run, newest last, with its steps and how it ended, and the
 * health of each version that ran ({@code faas deployments} prints it).
 */
public final class DeploymentsEndpoint implements AdminEndpoint {

    public static final String PREFIX = "/_faas/deployments";

    private final Deployments deployments;

    public DeploymentsEndpoint(Deployments deployments) {
        this.deployments = deployments;
    }

    @Override
    public AdminResponse handle(AdminRequest request) {
        if (!request.method().equals("GET")) {
            return AdminResponse.methodNotAllowed(request.method(), request.path());
        }
        return AdminResponse.ok(Map.of("deployments", deployments.history(), "health", deployments.health()));
    }
}
