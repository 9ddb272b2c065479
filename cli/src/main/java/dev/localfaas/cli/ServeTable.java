package dev.localfaas.cli;

import dev.localfaas.runtime.function.DiscoveryProblem;
import dev.localfaas.runtime.function.FunctionCatalog;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.QueueSpec;
import dev.localfaas.runtime.gateway.RouteEntry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** What {@code faas run} serves, printed before it says it is ready: every function's routes, schedules, queues. */
final class ServeTable {

    private static final List<String> HEADER = List.of("FUNCTION", "ROUTES", "SCHEDULES", "QUEUES");

    private ServeTable() {
    }

    static void print(PrintWriter out, FunctionCatalog catalog, List<RouteEntry> routes, String baseUrl) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (FunctionSpec f : catalog.functions()) {
            List<String> r = routes.stream().filter(e -> e.function().equals(f.name()))
                    .map(e -> e.route().routeKey()).sorted().toList();
            List<String> s = f.schedules().stream()
                    .map(sc -> sc.expression() + (sc.enabled() ? "" : " (disabled)")).toList();
            List<String> q = f.queues().stream().map(QueueSpec::queue).toList();
            rows.add(List.of(f.name(), cell(r), cell(s), cell(q)));
        }
        if (catalog.functions().isEmpty()) {
            out.println("No functions yet: put shaded Lambda JARs in the folder and they are picked up.");
        } else {
            printAligned(out, rows);
        }
        out.println();
        out.println("Invoke API  POST " + baseUrl + "/2015-03-31/functions/{name}/invocations");
        out.println("Admin       GET  " + baseUrl + "/_faas/functions");
        printProblems(out, catalog.problems());
    }

    static void printProblems(PrintWriter out, List<DiscoveryProblem> problems) {
        if (!problems.isEmpty()) {
            out.println(problems.size() == 1 ? "1 problem:" : problems.size() + " problems:");
            problems.forEach(p -> out.println("  " + p.message()));
        }
    }

    private static String cell(List<String> values) {
        return values.isEmpty() ? "-" : String.join(", ", values);
    }

    private static void printAligned(PrintWriter out, List<List<String>> rows) {
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
