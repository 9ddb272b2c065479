package misdeclared;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/**
 * A valid handler without any annotation: its name is its simple class name, and its input type (SQSEvent) is only
 * found by walking up to {@code Base<T> implements RequestHandler<T, String>}.
 */
public class Unnamed extends Base<SQSEvent> {

    @Override
    protected String describe(SQSEvent input) {
        return input.getRecords().size() + " records";
    }
}
