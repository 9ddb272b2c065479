package dev.localfaas.cli;

import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.config.FunctionResource;
import dev.localfaas.runtime.config.Project;
import dev.localfaas.runtime.gateway.Gateway;
import dev.localfaas.runtime.traffic.DeploymentPreference;
import dev.localfaas.runtime.traffic.DeploymentsEndpoint;
import java.io.PrintWriter;

/**
 * What {@code faas run} adds for versions and aliases: deployment notices on stderr, {@code --deploy-speed},
 * {@code /_faas/deployments}, per-version health in {@code /_faas/health}, and the template's
 * {@code AutoPublishAlias} functions published and deployed as their {@code DeploymentPreference} says.
 */
final class TrafficSetup {
    private TrafficSetup() {
    }

    static void apply(LocalFaas faas, Gateway gateway, Project template, double deploySpeed, PrintWriter err) {
        try {
            faas.deployments().speed(deploySpeed);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        faas.deployments().onNotice(line -> {
            err.println("faas: " + line);
            err.flush();
        });
        gateway.mount(DeploymentsEndpoint.PREFIX, new DeploymentsEndpoint(faas.deployments()));
        gateway.versionHealth(faas.deployments()::health);
        if (template == null) {
            return;
        }
        for (FunctionResource f : template.model().functions()) {
            if (f.autoPublishAlias() == null || f.autoPublishAlias().isEmpty()
                    || faas.function(f.name()).isEmpty()) {
                continue;
            }
            DeploymentPreference preference;
            try {
                preference = DeploymentPreference.parse(f.deploymentPreference(),
                        warning -> err.println("faas: warning: " + f.logicalId() + ": " + warning));
            } catch (IllegalArgumentException e) {
                throw CliException.usage(template.model().file() + ": " + f.logicalId() + ": " + e.getMessage());
            }
            faas.deployments().autoPublish(f.name(), f.autoPublishAlias(), preference);
        }
    }
}
