package dev.localfaas.cli;

import dev.localfaas.runtime.config.ApiResource;
import dev.localfaas.runtime.config.OutputValue;
import dev.localfaas.runtime.config.ProjectModel;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code faas run} says about a project file besides the table: what it does not emulate, and the outputs. */
final class TemplateNotes {
    private TemplateNotes() {
    }

    /** Warnings (events read but not served, layers skipped) on stderr; resources not emulated, once, on stdout. */
    static void print(PrintWriter out, PrintWriter err, ProjectModel model) {
        model.warnings().forEach(w -> err.println("faas: warning: " + w));
        err.flush();
        if (!model.notEmulated().isEmpty()) {
            out.println("Not emulated (read, then left alone): " + String.join(", ", model.notEmulated()));
            out.println();
        }
    }

    /**
     * The template's outputs as it resolves them; an API Gateway URL ({@code https://API.execute-api.REGION.
     * amazonaws.com/STAGE/path}) of one of its APIs is followed by the URL that serves the same route here.
     */
    static void printOutputs(PrintWriter out, ProjectModel model, String gatewayUrl) {
        if (model.outputs().isEmpty()) {
            return;
        }
        out.println();
        out.println("Outputs");
        int width = model.outputs().stream().mapToInt(o -> o.name().length()).max().orElse(0);
        for (OutputValue o : model.outputs()) {
            out.println("  " + String.format("%-" + width + "s", o.name()) + "  " + o.value()
                    + (o.description().isEmpty() ? "" : "  (" + o.description().strip() + ")"));
            localUrl(o.value(), model, gatewayUrl).ifPresent(local ->
                    out.println("  " + " ".repeat(width) + "  -> here: " + local));
        }
    }

    /** Where {@code value}, an API Gateway URL of one of the template's APIs, is served by this gateway. */
    static Optional<String> localUrl(String value, ProjectModel model, String gatewayUrl) {
        Matcher m = API_URL.matcher(value.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<ApiResource> api = model.apis().stream().filter(a -> a.logicalId().equals(m.group(1))).findFirst();
        if (api.isEmpty()) {
            return Optional.empty();
        }
        String path = m.group(2) == null || m.group(2).isEmpty() ? "/" : m.group(2);
        String stage = "/" + api.get().stageName();
        // the stage is the URL's first segment on AWS (except an HTTP API's $default); the local gateway has none
        if (path.equals(stage)) {
            path = "/";
        } else if (path.startsWith(stage + "/")) {
            path = path.substring(stage.length());
        }
        return Optional.of(gatewayUrl + path);
    }

    private static final Pattern API_URL = Pattern.compile(
            "https://([^./]+)\\.execute-api\\.[^./]+\\.amazonaws\\.com(?:\\.cn)?(/[^?#]*)?");
}
