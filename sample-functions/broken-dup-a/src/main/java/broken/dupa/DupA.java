package broken.dupa;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.localfaas.api.Function;
import java.util.Map;

/** Broken on purpose: dup-a.jar and dup-b.jar both declare a function named "dup", so neither may run. */
@Function(name = "dup")
public class DupA implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        return "dup from a";
    }
}
