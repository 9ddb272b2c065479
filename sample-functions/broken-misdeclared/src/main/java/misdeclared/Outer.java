package misdeclared;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Holds a public handler that forgot {@code static}: it needs an Outer instance to exist. */
public class Outer {

    public class Inner implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> input, Context context) {
            return "never";
        }
    }
}
