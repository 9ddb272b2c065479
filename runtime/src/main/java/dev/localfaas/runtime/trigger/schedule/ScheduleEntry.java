package dev.localfaas.runtime.trigger.schedule;

import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.ScheduleSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One schedule of one function, validated: its parsed expression and the name of the EventBridge rule it stands for
 * ({@code tick-schedule}, then {@code tick-schedule-2} for a function's second schedule).
 */
record ScheduleEntry(String function, int index, ScheduleSpec spec, ScheduleExpression expression, String rule) {

    /** The schedules of these functions, and the one-line problem of each schedule that cannot run. */
    record Plan(List<ScheduleEntry> entries, List<ScheduleExpressionException> problems) {
    }

    static Plan plan(List<FunctionSpec> functions) {
        List<ScheduleEntry> entries = new ArrayList<>();
        List<ScheduleExpressionException> problems = new ArrayList<>();
        for (FunctionSpec function : functions) {
            for (int i = 0; i < function.schedules().size(); i++) {
                ScheduleSpec spec = function.schedules().get(i);
                try {
                    ScheduleExpression expression = ScheduleExpression.parse(spec.expression());
                    ScheduledEventFactory.checkInput(spec);
                    entries.add(new ScheduleEntry(function.name(), i, spec, expression, ruleName(function.name(), i)));
                } catch (ScheduleExpressionException e) {
                    String jar = function.jar() == null ? "?" : String.valueOf(function.jar().getFileName());
                    problems.add(e.inFunction(function.name(), jar));
                }
            }
        }
        return new Plan(entries, problems);
    }

    static String ruleName(String function, int index) {
        return function + "-schedule" + (index == 0 ? "" : "-" + (index + 1));
    }

    /** Identifies a schedule across reloads: a function's nth schedule. */
    String key() {
        return function + "#" + index;
    }
}
