package dev.localfaas.runtime.trigger.bus;

import dev.localfaas.runtime.function.EventSources;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.trigger.delivery.Target;
import java.util.List;
import java.util.Map;

/**
 * One rule, wherever it was declared: {@code @EventRule} on a function, an {@code AWS::Events::Rule} or an
 * {@code EventBridgeRule} event in a template, or {@code POST /_faas/rules}.
 *
 * @param bus        the event bus ({@code default} for the account's default bus)
 * @param name       the rule's name, unique on its bus
 * @param pattern    the EventBridge event pattern JSON
 * @param targets    where matching events go, each with its input shaping
 * @param declaredBy who declared it, for messages
 */
public record RuleSpec(String bus, String name, String pattern, List<RuleTarget> targets, String declaredBy) {

    public RuleSpec {
        targets = List.copyOf(targets);
        declaredBy = declaredBy == null ? "" : declaredBy;
    }

    /**
     * A rule target: a function or a queue, receiving the event itself, the part {@code inputPath} selects, or what
     * {@code inputTransformer} builds (at most one of the two). {@code id} is the target's id when {@code PutTargets}
     * gave one, else null.
     */
    public record RuleTarget(Target target, String inputPath, InputTransformerSpec inputTransformer, String id) {
        public RuleTarget(Target target, String inputPath, InputTransformerSpec inputTransformer) {
            this(target, inputPath, inputTransformer, null);
        }

        public static RuleTarget of(Target target) {
            return new RuleTarget(target, null, null);
        }

        /** The target's id on its rule ({@code PutTargets}); a declared target goes by its function or queue name. */
        public String effectiveId() {
            return id != null ? id : target.name();
        }
    }

    /** {@code InputPathsMap} (name to JSON path such as {@code $.detail.state}) and {@code InputTemplate}. */
    public record InputTransformerSpec(Map<String, String> inputPathsMap, String inputTemplate) {
        public InputTransformerSpec {
            inputPathsMap = Map.copyOf(inputPathsMap);
        }
    }

    /** The rule an {@code @EventRule} declares: its function is the one target; unnamed rules are {@code fn-rule-N}. */
    public static RuleSpec of(FunctionSpec function, EventSources.EventRuleSpec rule, int index) {
        String name = rule.name().isEmpty() ? function.name() + "-rule-" + (index + 1) : rule.name();
        return new RuleSpec(rule.bus(), name, rule.pattern(), List.of(RuleTarget.of(Target.function(function.name()))),
                function.name());
    }

    public String describe() {
        return (declaredBy.isEmpty() ? "" : declaredBy + ": ") + "rule " + name + " on bus " + bus;
    }
}
