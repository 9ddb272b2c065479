package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.localfaas.api.Function;
import java.util.Map;

/**
 * The smallest useful function: {"name":"Ada"} in, {"message":"Hello, Ada!"} out.
 *
 * <p>On AWS the handler string is {@code example.Hello}; the annotation only names the function for localfaas.
 */
@Function(name = "hello")
public class Hello implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object name = event == null ? null : event.get("name");
        String who = name == null || name.toString().isBlank() ? "world" : name.toString();

        // Both end up in the function's log: stdout as on Lambda, the logger as one log record.
        System.out.println("hello: greeting " + who);
        context.getLogger().log("hello: request " + context.getAwsRequestId() + " in " + context.getFunctionName() + "\n");

        return Map.of("message", "Hello, " + who + "!");
    }
}
