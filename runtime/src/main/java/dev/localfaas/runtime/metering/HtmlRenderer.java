package dev.localfaas.runtime.metering;

import java.util.ArrayList;
import java.util.List;

/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts, system fonts, no script and no URL,
 * so that it opens offline and can be sent as a single file.
 */
final class HtmlRenderer {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em auto;max-width:1100px;\
            padding:0 1em;color:#222}
            h1{margin-bottom:.2em}.meta{color:#555;margin-top:0}
            table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{padding:.25em .6em;border-bottom:1px solid #ddd}
            th{text-align:left;background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}
            pre{background:#f7f7f7;padding:.8em;overflow-x:auto;font-size:.85em}
            svg{max-width:100%;height:auto;font-size:11px}svg .label{font-weight:600}svg .axis{fill:#555;font-size:10px}
            svg .value{fill:#333;font-size:10px}.note{color:#555;font-size:.9em}.warn{color:#a00}
            """;

    private HtmlRenderer() {
    }

    static String render(UsageReport r) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>localfaas usage report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n")
                .append("<body>\n<h1>localfaas usage report</h1>\n<p class=\"meta\">")
                .append(escape(ReportText.heading(r).lines().skip(1).map(String::strip)
                        .reduce((a, b) -> a + " · " + b).orElse(""))).append("</p>\n");
        h.append("<h2>Cost per function and provider</h2>\n<p class=\"note\">Before the free tier: the free tier of a ")
                .append("month usually brings a local run to $0, which would make a dull chart.</p>\n")
                .append(SvgCharts.cost(r));
        h.append("<h2>Side by side</h2>\n<p class=\"note\">").append(escape(ReportText.sideBySideHeading(r)))
                .append(".</p>\n");
        table(h, 1, ReportText.SIDE_BY_SIDE_COLUMNS, ReportText.sideBySideRows(r));
        h.append("<p class=\"note\">").append(escape(ReportText.concurrencyLine(r))).append("</p>\n");
        if (r.breakEven().isPresent()) {
            h.append("<h2>Break-even: FaaS against an always-on container</h2>\n<p class=\"note\">")
                    .append(escape(String.join(" ", ReportText.breakEvenLines(r)))).append("</p>\n")
                    .append(SvgCharts.breakEven(r));
        }
        h.append("<h2>How long invocations took</h2>\n").append(SvgCharts.durations(r));
        h.append("<h2>Cold versus warm</h2>\n<p class=\"note\">A cold start loads the function's classes and runs its ")
                .append("initialization first; since August 2025 AWS bills that time too.</p>\n")
                .append(SvgCharts.coldWarm(r));
        h.append("<h2>Usage</h2>\n");
        List<String[]> rows = new ArrayList<>();
        r.functions().forEach(f -> rows.add(ReportText.usageCells(f)));
        if (r.functions().size() > 1) {
            rows.add(ReportText.usageCells(r.total()));
        }
        table(h, 1, new String[] {"function", "ran", "errors", "timeouts", "throttled", "cold starts", "p50 ms", "p95 ms",
            "p99 ms", "max ms", "init p50 ms", "billed ms", "GB-s", "memory MB"}, rows);
        h.append("<p class=\"note\">").append(escape(ReportText.allocatedLine(r))).append("</p>\n");
        h.append("<h2>Cost in US dollars</h2>\n<p class=\"note\">").append(r.options().freeTier()
                ? "After the free tier, the records are taken as one month." : "Free tier not applied.").append("</p>\n");
        List<String[]> costs = ReportText.costRows(r);
        table(h, 2, ReportText.COST_COLUMNS, costs);
        h.append("<h2>How it adds up</h2>\n");
        for (ProviderBill bill : r.bills().values()) {
            h.append("<h3>").append(escape(bill.provider().name())).append("</h3>\n<p class=\"note\">")
                    .append(escape(ReportText.providerHeading(bill.provider()))).append("</p>\n<pre>")
                    .append(escape(ReportText.indent(ReportText.arithmetic(r, bill), ""))).append("</pre>\n");
        }
        r.projection().ifPresent(p -> {
            h.append("<h2>Projection</h2>\n<p>").append(escape(ReportText.projectionHeading(p))).append("</p>\n");
            List<String[]> prows = new ArrayList<>();
            List<Projection.Row> shown = new ArrayList<>(p.functions());
            if (shown.size() > 1) {
                shown.add(p.total());
            }
            for (Projection.Row row : shown) {
                for (Provider provider : r.providers()) {
                    prows.add(new String[] {row.name(), provider.name(), Amounts.quantity(row.requests()),
                        Amounts.quantity(row.gbSeconds()), Amounts.usd(row.cost().get(provider.id()).total()),
                        Amounts.usd(row.costAfterFreeTier().get(provider.id()).total())});
                }
            }
            table(h, 2, new String[] {"function", "provider", "requests", "GB-s", "cost", "after free tier"}, prows);
            for (ProviderBill bill : p.bills().values()) {
                h.append("<pre>").append(escape(bill.provider().name())).append(", projected month\n")
                        .append(escape(ReportText.indent(bill.totalLines(), "  ")))
                        .append(escape(ReportText.indent(bill.freeTierLines(), "  "))).append("</pre>\n");
            }
        });
        r.warnings().forEach(w -> h.append("<p class=\"warn\">warning: ").append(escape(w)).append("</p>\n"));
        return h.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder h, int left, String[] header, List<String[]> rows) {
        h.append("<table>\n<tr>");
        for (String c : header) {
            h.append("<th>").append(escape(c)).append("</th>");
        }
        h.append("</tr>\n");
        for (String[] row : rows) {
            h.append("<tr>");
            for (int i = 0; i < row.length; i++) {
                h.append(i < left ? "<td>" : "<td class=\"n\">").append(escape(row[i])).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
