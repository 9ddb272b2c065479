package broken;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.localfaas.api.Function;
import java.util.Map;

/**
 * Broken on purpose: its static initializer throws, so loading the class fails during init (an
 * {@code ExceptionInInitializerError}). Discovery reads bytecode only and lists it; invoking it reports the error.
 */
@Function(name = "bad-init")
public class BadInit implements RequestHandler<Map<String, Object>, String> {

    private static final String CONFIG = loadConfig();

    private static String loadConfig() {
        throw new RuntimeException("boom in static init");
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        return CONFIG;
    }
}
