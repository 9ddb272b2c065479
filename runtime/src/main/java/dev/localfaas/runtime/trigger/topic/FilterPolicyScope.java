package dev.localfaas.runtime.trigger.topic;

import dev.localfaas.runtime.trigger.pattern.PatternGrammar;

/** What a subscription's filter policy is matched against, as the SNS attribute {@code FilterPolicyScope} says. */
public enum FilterPolicyScope {
    MessageAttributes(PatternGrammar.SNS_MESSAGE_ATTRIBUTES),
    MessageBody(PatternGrammar.SNS_MESSAGE_BODY);

    private final PatternGrammar grammar;

    FilterPolicyScope(PatternGrammar grammar) {
        this.grammar = grammar;
    }

    public PatternGrammar grammar() {
        return grammar;
    }

    /** {@code MessageAttributes} or {@code MessageBody}; anything else is a one-line refusal. */
    public static FilterPolicyScope parse(String text) {
        try {
            return text == null || text.isBlank() ? MessageAttributes : valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new TopicRequestException("FilterPolicyScope '" + text + "' is not a scope; use MessageAttributes or MessageBody");
        }
    }
}
