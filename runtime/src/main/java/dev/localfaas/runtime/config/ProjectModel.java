package dev.localfaas.runtime.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a project file declares that localfaas reads, resolved (globals merged, parameters, conditions and
 * intrinsics evaluated): the one model the run, list, invoke and validate commands, and later the gateway-access,
 * traffic, topic, bus and Kafka issues, read.
 *
 * @param file        the project file as the user named it
 * @param format      what kind of file it is
 * @param notEmulated resources read but not emulated, as {@code LogicalId (Type)}
 * @param warnings    one-line notices: events parsed but not served yet, remote layers skipped, ...
 * @param apiAccess   API keys, usage plans and their keys ({@code AWS::ApiGateway::*}), for the gateway's policies
 * @param upstreams   HTTP_PROXY integrations and their routes, served by the gateway as HTTP upstreams
 */
public record ProjectModel(
        Path file,
        ProjectFormat format,
        List<FunctionResource> functions,
        List<ApiResource> apis,
        List<QueueResource> queues,
        List<TopicResource> topics,
        List<RuleResource> rules,
        List<OutputValue> outputs,
        List<String> notEmulated,
        List<String> warnings,
        List<SubscriptionResource> subscriptions,
        List<ApiAccessResource> apiAccess,
        List<UpstreamResource> upstreams) {

    /** A model without HTTP_PROXY integrations. */
    public ProjectModel(Path file, ProjectFormat format, List<FunctionResource> functions, List<ApiResource> apis,
                        List<QueueResource> queues, List<TopicResource> topics, List<RuleResource> rules,
                        List<OutputValue> outputs, List<String> notEmulated, List<String> warnings,
                        List<SubscriptionResource> subscriptions, List<ApiAccessResource> apiAccess) {
        this(file, format, functions, apis, queues, topics, rules, outputs, notEmulated, warnings, subscriptions,
                apiAccess, List.of());
    }

    /** A model without API keys and usage plans. */
    public ProjectModel(Path file, ProjectFormat format, List<FunctionResource> functions, List<ApiResource> apis,
                        List<QueueResource> queues, List<TopicResource> topics, List<RuleResource> rules,
                        List<OutputValue> outputs, List<String> notEmulated, List<String> warnings,
                        List<SubscriptionResource> subscriptions) {
        this(file, format, functions, apis, queues, topics, rules, outputs, notEmulated, warnings, subscriptions,
                List.of());
    }

    /** A model without {@code AWS::SNS::Subscription}s (the Serverless Framework file declares none). */
    public ProjectModel(Path file, ProjectFormat format, List<FunctionResource> functions, List<ApiResource> apis,
                        List<QueueResource> queues, List<TopicResource> topics, List<RuleResource> rules,
                        List<OutputValue> outputs, List<String> notEmulated, List<String> warnings) {
        this(file, format, functions, apis, queues, topics, rules, outputs, notEmulated, warnings, List.of());
    }

    public ProjectModel {
        functions = List.copyOf(functions);
        apis = List.copyOf(apis);
        queues = List.copyOf(queues);
        topics = List.copyOf(topics);
        rules = List.copyOf(rules);
        outputs = List.copyOf(outputs);
        notEmulated = List.copyOf(notEmulated);
        warnings = List.copyOf(warnings);
        subscriptions = List.copyOf(subscriptions);
        apiAccess = List.copyOf(apiAccess);
        upstreams = List.copyOf(upstreams);
    }

    /** This model with {@code upstreams} as its HTTP_PROXY integrations. */
    public ProjectModel withUpstreams(List<UpstreamResource> upstreams) {
        return new ProjectModel(file, format, functions, apis, queues, topics, rules, outputs, notEmulated, warnings,
                subscriptions, apiAccess, upstreams);
    }

    /** The two project-file formats. */
    public enum ProjectFormat {
        SAM("SAM template"), SERVERLESS("Serverless Framework file");

        private final String label;

        ProjectFormat(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
