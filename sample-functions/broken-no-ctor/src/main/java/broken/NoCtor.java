package broken;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Broken on purpose: Lambda creates handlers through a public no-argument constructor, and this one has none. */
public class NoCtor implements RequestHandler<Map<String, Object>, String> {

    private final String greeting;

    public NoCtor(String greeting) {
        this.greeting = greeting;
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        return greeting;
    }
}
