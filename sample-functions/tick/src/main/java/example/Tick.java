package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.localfaas.api.Function;
import dev.localfaas.api.ScheduleTrigger;

/**
 * A scheduled function: EventBridge (here: faas run) invokes it every minute with a "Scheduled Event" whose
 * {@code time} is the scheduled time in UTC and whose {@code resources} name the rule.
 */
@Function(name = "tick")
@ScheduleTrigger("rate(1 minute)")
public class Tick implements RequestHandler<ScheduledEvent, String> {

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        String rule = event.getResources() == null || event.getResources().isEmpty()
                ? "(no rule)" : String.join(",", event.getResources());
        context.getLogger().log("tick: " + event.getDetailType() + " at " + event.getTime() + " from " + rule + "\n");
        return "tick at " + event.getTime();
    }
}
