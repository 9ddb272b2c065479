package dev.localfaas.cli;

import dev.localfaas.runtime.config.OutputValue;
import dev.localfaas.runtime.config.ProjectModel;
import java.io.PrintWriter;

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

    static void printOutputs(PrintWriter out, ProjectModel model) {
        if (model.outputs().isEmpty()) {
            return;
        }
        out.println();
        out.println("Outputs");
        int width = model.outputs().stream().mapToInt(o -> o.name().length()).max().orElse(0);
        for (OutputValue o : model.outputs()) {
            out.println("  " + String.format("%-" + width + "s", o.name()) + "  " + o.value()
                    + (o.description().isEmpty() ? "" : "  (" + o.description().strip() + ")"));
        }
    }
}
