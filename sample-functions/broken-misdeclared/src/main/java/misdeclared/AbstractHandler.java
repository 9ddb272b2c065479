package misdeclared;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.localfaas.api.Function;
import java.util.Map;

/** Declared as a function, but abstract: the runtime cannot create it. */
@Function(name = "abstract-handler")
public abstract class AbstractHandler implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        return "never";
    }
}
