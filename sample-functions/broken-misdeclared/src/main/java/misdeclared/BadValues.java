package misdeclared;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.localfaas.api.Function;
import java.util.Map;

/** Every @Function value here is one AWS would reject. */
@Function(name = "bad values", memoryMb = 64, timeoutSeconds = 901, concurrency = -1,
        environment = {"NOEQUALS", "9LIVES=cat", "AWS_REGION=eu-west-1", "DUP=1", "DUP=2"})
public class BadValues implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        return "never";
    }
}
