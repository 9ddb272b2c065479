package dev.localfaas.runtime.metering;

import java.util.ArrayList;
import java.util.List;

/** The report as Markdown: the table report's content, as tables and code blocks a README or an issue can hold. */
final class MarkdownRenderer {
    private MarkdownRenderer() {
    }

    static String render(UsageReport r) {
        StringBuilder out = new StringBuilder("# localfaas usage report\n\n");
        out.append("```\n").append(ReportText.heading(r).lines().skip(1).map(String::strip)
                .reduce("", (a, b) -> a + b + "\n")).append("```\n\n");
        out.append("## Usage\n\n");
        List<String[]> rows = new ArrayList<>();
        r.functions().forEach(f -> rows.add(ReportText.usageCells(f)));
        if (r.functions().size() > 1) {
            rows.add(ReportText.usageCells(r.total()));
        }
        table(out, 1, new String[] {"function", "ran", "errors", "timeouts", "throttled", "cold starts", "p50 ms",
            "p95 ms", "p99 ms", "max ms", "init p50 ms", "billed ms", "GB-s", "memory MB"}, rows);
        out.append('\n').append(ReportText.allocatedLine(r)).append("\n\n");
        out.append("## Cost in US dollars\n\n");
        out.append(r.options().freeTier() ? "After the free tier, the records are taken as one month.\n\n"
                : "Free tier not applied.\n\n");
        List<String[]> costs = ReportText.costRows(r);
        table(out, 2, ReportText.COST_COLUMNS, costs);
        out.append("\n## Side by side\n\n").append(escape(ReportText.sideBySideHeading(r))).append(".\n\n");
        table(out, 1, ReportText.SIDE_BY_SIDE_COLUMNS, ReportText.sideBySideRows(r));
        out.append('\n').append(escape(ReportText.concurrencyLine(r))).append("\n");
        List<String> be = ReportText.breakEvenLines(r);
        if (!be.isEmpty()) {
            out.append("\n```\n");
            be.forEach(l -> out.append(l).append('\n'));
            out.append("```\n");
        }
        out.append("\n## How it adds up\n\n");
        for (ProviderBill bill : r.bills().values()) {
            out.append("### ").append(escape(bill.provider().name())).append("\n\n")
                    .append(escape(ReportText.providerHeading(bill.provider()))).append("\n\n```\n")
                    .append(ReportText.indent(ReportText.arithmetic(r, bill), "")).append("```\n\n");
        }
        r.projection().ifPresent(p -> {
            out.append("## Projection\n\n").append(escape(ReportText.projectionHeading(p))).append("\n\n");
            List<String[]> prows = new ArrayList<>();
            List<Projection.Row> rowsToShow = new ArrayList<>(p.functions());
            if (rowsToShow.size() > 1) {
                rowsToShow.add(p.total());
            }
            for (Projection.Row row : rowsToShow) {
                for (Provider provider : r.providers()) {
                    prows.add(new String[] {row.name(), provider.name(), Amounts.quantity(row.requests()),
                        Amounts.quantity(row.gbSeconds()), Amounts.usd(row.cost().get(provider.id()).total()),
                        Amounts.usd(row.costAfterFreeTier().get(provider.id()).total())});
                }
            }
            table(out, 2, new String[] {"function", "provider", "requests", "GB-s", "cost", "after free tier"}, prows);
            out.append('\n');
            for (ProviderBill bill : p.bills().values()) {
                out.append("```\n").append(bill.provider().name()).append(", projected month\n");
                bill.totalLines().forEach(l -> out.append("  ").append(l).append('\n'));
                bill.freeTierLines().forEach(l -> out.append("  ").append(l).append('\n'));
                out.append("```\n\n");
            }
        });
        for (String w : r.warnings()) {
            out.append("> warning: ").append(escape(w)).append('\n');
        }
        return out.toString();
    }

    private static void table(StringBuilder out, int left, String[] header, List<String[]> rows) {
        out.append(row(header));
        StringBuilder rule = new StringBuilder("|");
        for (int i = 0; i < header.length; i++) {
            rule.append(i < left ? " --- |" : " ---: |");
        }
        out.append(rule).append('\n');
        rows.forEach(r -> out.append(row(r)));
    }

    private static String row(String[] cells) {
        StringBuilder s = new StringBuilder("|");
        for (String c : cells) {
            s.append(' ').append(escape(c)).append(" |");
        }
        return s.append('\n').toString();
    }

    /** Keeps a function name like {@code a|b} or {@code *x*} from breaking a table or turning bold. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
                .replace("<", "&lt;");
    }
}
