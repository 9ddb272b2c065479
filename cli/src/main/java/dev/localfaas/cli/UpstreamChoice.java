package dev.localfaas.cli;

import dev.localfaas.runtime.config.Project;
import dev.localfaas.runtime.gateway.upstream.TemplateUpstreams;
import dev.localfaas.runtime.gateway.upstream.UpstreamArgument;
import dev.localfaas.runtime.gateway.upstream.UpstreamSpec;
import dev.localfaas.runtime.gateway.upstream.Upstreams;
import java.util.ArrayList;
import java.util.List;

/** {@code faas run --upstream} arguments, and a template's HTTP_PROXY integrations, as the gateway's upstreams. */
final class UpstreamChoice {

    private UpstreamChoice() {
    }

    static Upstreams parse(List<String> arguments, Project template) {
        List<UpstreamSpec> specs = new ArrayList<>();
        try {
            if (template != null) {
                specs.addAll(TemplateUpstreams.specs(template.model()));
            }
            for (String argument : arguments) {
                specs.add(UpstreamArgument.parse(argument));
            }
            return Upstreams.of(specs);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }
}
