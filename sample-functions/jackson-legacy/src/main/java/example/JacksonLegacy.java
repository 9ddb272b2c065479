package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import dev.localfaas.api.Function;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function that bundles its own, old Jackson (2.12.7), as many real Lambda JARs do. It reports the Jackson
 * version it actually runs with and which of the emulator's classes it can see: in an isolated function, its own
 * Jackson wins and every runtime class is a {@code ClassNotFoundException}.
 */
@Function(name = "jackson-legacy")
public class JacksonLegacy implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** Classes on the emulator's own class path; none may be visible to a function. */
    static final List<String> RUNTIME_CLASSES = List.of(
            "dev.localfaas.runtime.execution.FunctionInvoker",
            "io.undertow.Undertow",
            "picocli.CommandLine",
            "io.github.classgraph.ClassGraph",
            "org.sqlite.JDBC");

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("jacksonVersion", PackageVersion.VERSION.toString());
        result.put("isolation", probe(RUNTIME_CLASSES));
        result.put("echo", writeWithOwnJackson(event));
        return result;
    }

    /** "visible" or "ClassNotFoundException" per class name. */
    static Map<String, String> probe(List<String> classNames) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String name : classNames) {
            try {
                Class.forName(name);
                seen.put(name, "visible");
            } catch (ClassNotFoundException e) {
                seen.put(name, "ClassNotFoundException");
            } catch (LinkageError e) {
                seen.put(name, e.getClass().getName());
            }
        }
        return seen;
    }

    private String writeWithOwnJackson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return "cannot serialize: " + e.getOriginalMessage();
        }
    }
}
