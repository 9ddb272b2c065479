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

    /**
     * A template is not watched as a folder of JARs is; its {@code AutoPublishAlias} functions are, so that a rebuilt
     * JAR publishes a version and deploys it ({@code target/functions/orders-rest.jar}: that folder is watched).
     */
    static java.util.List<dev.localfaas.runtime.function.FunctionsWatcher> watchAutoPublished(Project template,
            LocalFaas faas, Runnable reload, PrintWriter err) {
        if (template == null) {
            return java.util.List.of();
        }
        java.util.Set<java.nio.file.Path> folders = new java.util.TreeSet<>();
        for (FunctionResource f : template.model().functions()) {
            if (f.autoPublishAlias() != null && !f.autoPublishAlias().isEmpty() && f.code() != null) {
                folders.add(java.nio.file.Files.isDirectory(f.code()) ? f.code() : f.code().toAbsolutePath().getParent());
            }
        }
        java.util.List<dev.localfaas.runtime.function.FunctionsWatcher> watchers = new java.util.ArrayList<>();
        for (java.nio.file.Path folder : folders) {
            watchers.add(dev.localfaas.runtime.function.FunctionsWatcher.start(folder, RunCommand.RELOAD_QUIET, reload,
                    line -> err.println("faas: " + line)));
        }
        return watchers;
    }

    /** Whether a template has a function with AutoPublishAlias (then $LATEST is loaded from snapshots, as on reload). */
    static boolean autoPublishes(Project template) {
        return template != null && template.model().functions().stream()
                .anyMatch(f -> f.autoPublishAlias() != null && !f.autoPublishAlias().isEmpty());
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
