package broken;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.localfaas.api.Function;
import java.util.Map;

/** A valid function among broken ones: the others' problems must not stop it. */
@Function(name = "survivor")
public class Survivor implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        return "still here";
    }
}
