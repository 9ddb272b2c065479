package dev.localfaas.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.localfaas.runtime.function.DiscoveryProblem;
import dev.localfaas.runtime.function.FunctionCatalog;
import dev.localfaas.runtime.function.FunctionSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A catalog as JSON for scripts: stable field names, paths as absolute strings, every setting and trigger. */
final class CatalogJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CatalogJson() {
    }

    static String write(Path dir, FunctionCatalog catalog) {
        Map<String, Object> root = object(
                "directory", dir.toAbsolutePath().normalize().toString(),
                "functions", catalog.functions().stream().map(CatalogJson::function).toList(),
                "problems", catalog.problems().stream().map(CatalogJson::problem).toList());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the catalog as JSON", e);
        }
    }

    private static Map<String, Object> function(FunctionSpec f) {
        return object(
                "name", f.name(),
                "handler", f.handler(),
                "jar", f.jar().toString(),
                "memoryMb", f.memoryMb(),
                "timeoutSeconds", f.timeoutSeconds(),
                "concurrency", f.concurrency(),
                "inputType", f.inputType(),
                "environment", new TreeMap<>(f.environment()),
                "httpRoutes", f.httpRoutes().stream().map(r -> object("method", r.method(), "path", r.path())).toList(),
                "schedules", f.schedules().stream().map(s -> object(
                        "expression", s.expression(), "input", s.input(), "enabled", s.enabled())).toList(),
                "queues", f.queues().stream().map(q -> object(
                        "queue", q.queue(),
                        "batchSize", q.batchSize(),
                        "maxBatchingWindowSeconds", q.maxBatchingWindowSeconds(),
                        "maxReceiveCount", q.maxReceiveCount(),
                        "deadLetterQueue", q.deadLetterQueue(),
                        "visibilityTimeoutSeconds", q.visibilityTimeoutSeconds())).toList());
    }

    private static Map<String, Object> problem(DiscoveryProblem p) {
        return object("jar", p.jar().toString(), "message", p.message());
    }

    /** A JSON object whose fields keep the order given: name, value, name, value, ... */
    private static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }
}
