package dev.localfaas.runtime.config.intrinsic;

import dev.localfaas.runtime.config.yaml.Position;
import dev.localfaas.runtime.config.yaml.YamlNode;
import java.util.Optional;

/**
 * What the names in a template's intrinsics mean: parameters, pseudo parameters, resources, conditions and mappings.
 * Resource values are the local ones (a queue's URL on the gateway, a function's local ARN).
 */
public interface Scope {

    /** The value of {@code Ref name}: a parameter, a pseudo parameter or a resource; empty when nothing has that name. */
    Optional<YamlNode> ref(String name, Position at);

    /**
     * The value of {@code Fn::GetAtt resource.attribute}; empty when there is no such resource.
     *
     * @throws dev.localfaas.runtime.config.ConfigError when the resource has no such attribute
     */
    Optional<String> getAtt(String resource, String attribute, Position at);

    /** Whether a named condition holds. @throws dev.localfaas.runtime.config.ConfigError when there is none */
    boolean condition(String name, Position at);

    /** {@code Fn::FindInMap}; empty when the map or a key is missing. */
    Optional<YamlNode> mapping(String map, String topKey, String secondKey);

    /** The region {@code Fn::GetAZs} lists zones of. */
    String region();
}
