package dev.localfaas.runtime.trigger.bus;

import dev.localfaas.runtime.trigger.delivery.DeliveryCounts;
import dev.localfaas.runtime.trigger.pattern.EventPattern;
import dev.localfaas.runtime.trigger.pattern.PatternException;
import dev.localfaas.runtime.trigger.pattern.PatternGrammar;
import java.util.ArrayList;
import java.util.List;

/** A rule in service: its compiled pattern, the shaping of each target's input, and its counts. */
final class Rule {

    final RuleSpec spec;
    final String arn;
    final boolean declared;
    final EventPattern pattern;
    final List<TargetInput> inputs;
    final DeliveryCounts counts = new DeliveryCounts();

    private Rule(RuleSpec spec, String arn, boolean declared, EventPattern pattern, List<TargetInput> inputs) {
        this.spec = spec;
        this.arn = arn;
        this.declared = declared;
        this.pattern = pattern;
        this.inputs = inputs;
    }

    /** @throws BusRequestException naming the rule when its pattern or a target's input shaping is invalid */
    static Rule compile(RuleSpec spec, String arn, boolean declared) {
        return compile(spec, arn, declared, true);
    }

    /** @param targetsRequired false for {@code PutRule}, whose targets come with {@code PutTargets} */
    static Rule compile(RuleSpec spec, String arn, boolean declared, boolean targetsRequired) {
        if (targetsRequired && spec.targets().isEmpty()) {
            throw new BusRequestException(spec.describe() + ": has no target; give it a function or a queue");
        }
        try {
            EventPattern pattern = EventPattern.compile(spec.pattern(), PatternGrammar.EVENTBRIDGE);
            List<TargetInput> inputs = new ArrayList<>();
            spec.targets().forEach(t -> inputs.add(TargetInput.of(t)));
            return new Rule(spec, arn, declared, pattern, inputs);
        } catch (PatternException | BusRequestException e) {
            throw new BusRequestException(spec.describe() + ": " + e.getMessage());
        }
    }
}
