package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The report as CSV (RFC 4180), one row per function and provider, so that a spreadsheet can pivot it. The total
 * is the row named {@code total}; with {@code --monthly-requests}, rows whose scope is {@code projected} follow.
 */
final class CsvRenderer {
    static final List<String> HEADER = List.of("scope", "function", "provider", "invocations", "errors", "timeouts",
            "throttles", "coldStarts", "durationP50Ms", "durationP95Ms", "durationP99Ms", "durationMaxMs", "initP50Ms",
            "billedMs", "gbSeconds", "memoryMb", FunctionReport.ALLOCATED_LABEL + " p50",
            FunctionReport.ALLOCATED_LABEL + " max", "requestsCost", "computeCost", "servicesCost", "feeCost",
            "totalCost", "requestsCostAfterFreeTier", "computeCostAfterFreeTier", "servicesCostAfterFreeTier",
            "feeCostAfterFreeTier", "totalCostAfterFreeTier");

    private CsvRenderer() {
    }

    static String render(UsageReport r) {
        StringBuilder out = new StringBuilder();
        line(out, HEADER);
        List<FunctionReport> rows = new ArrayList<>(r.functions());
        rows.add(r.total());
        for (FunctionReport f : rows) {
            for (Provider p : r.providers()) {
                List<String> cells = new ArrayList<>(List.of("observed", f.name(), p.id(), n(f.invocations()),
                        n(f.errors()), n(f.timeouts()), n(f.throttles()), n(f.coldStarts()),
                        ms(f.durationMs(), f.durationMs().p50()), ms(f.durationMs(), f.durationMs().p95()),
                        ms(f.durationMs(), f.durationMs().p99()), ms(f.durationMs(), f.durationMs().max()),
                        ms(f.initMs(), f.initMs().p50()), n(f.billedMs()), Amounts.machine(f.gbSeconds()).toPlainString(),
                        f.memoryMb().isPresent() ? n(f.memoryMb().getAsInt()) : "",
                        n((long) f.allocatedBytes().p50()), n((long) f.allocatedBytes().max())));
                money(cells, f.cost().get(p.id()));
                money(cells, f.costAfterFreeTier().get(p.id()));
                line(out, cells);
            }
        }
        r.projection().ifPresent(proj -> {
            List<Projection.Row> projected = new ArrayList<>(proj.functions());
            projected.add(proj.total());
            for (Projection.Row row : projected) {
                for (Provider p : r.providers()) {
                    List<String> cells = new ArrayList<>(List.of("projected", row.name(), p.id(),
                            Amounts.machine(row.requests()).toPlainString(),
                            "", "", "", "", "", "", "", "", "", "",
                            Amounts.machine(row.gbSeconds()).toPlainString(),
                            "", "", ""));
                    money(cells, row.cost().get(p.id()));
                    money(cells, row.costAfterFreeTier().get(p.id()));
                    line(out, cells);
                }
            }
        });
        return out.toString();
    }

    private static void money(List<String> cells, Cost c) {
        cells.add(Amounts.machine(c.requests()).toPlainString());
        cells.add(Amounts.machine(c.compute()).toPlainString());
        cells.add(Amounts.machine(c.services()).toPlainString());
        cells.add(Amounts.machine(c.fee()).toPlainString());
        cells.add(Amounts.machine(c.total()).toPlainString());
    }

    private static String n(long v) {
        return Long.toString(v);
    }

    private static String ms(Percentiles p, double v) {
        return p.isEmpty() ? "" : BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(CsvRenderer::quote).collect(Collectors.joining(","))).append("\r\n");
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
