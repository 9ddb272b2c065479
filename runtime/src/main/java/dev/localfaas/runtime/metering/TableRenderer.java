package dev.localfaas.runtime.metering;

import java.util.List;

/** The default report: aligned plain-text tables, then the arithmetic behind every figure. */
final class TableRenderer {
    private TableRenderer() {
    }

    static String render(UsageReport r) {
        StringBuilder out = new StringBuilder();
        out.append(ReportText.heading(r)).append('\n');
        out.append(usageTable(r)).append('\n');
        out.append(ReportText.allocatedLine(r)).append("\n\n");
        out.append("COST in US dollars (" + (r.options().freeTier() ? "after the free tier: the records taken as one "
                + "month" : "free tier not applied") + ")\n");
        out.append(costTable(r.functions(), r.total(), r)).append('\n');
        out.append(ReportText.sideBySideHeading(r)).append('\n');
        out.append(sideBySide(r)).append('\n');
        out.append(ReportText.concurrencyLine(r)).append("\n");
        ReportText.breakEvenLines(r).forEach(l -> out.append(l).append('\n'));
        out.append('\n');
        out.append("HOW IT ADDS UP\n");
        for (ProviderBill bill : r.bills().values()) {
            out.append(ReportText.providerHeading(bill.provider())).append('\n');
            out.append(ReportText.indent(ReportText.arithmetic(r, bill), "  "));
            out.append('\n');
        }
        r.projection().ifPresent(p -> out.append(projection(p, r)));
        // Warnings are not repeated here: the terminal shows them on stderr (faas report prints them there).
        return out.toString();
    }

    private static String usageTable(UsageReport r) {
        TextTable t = new TextTable(1, "FUNCTION", "RAN", "ERRORS", "TIMEOUTS", "THROTTLED", "COLD", "P50 ms",
                "P95 ms", "P99 ms", "MAX ms", "INIT P50 ms", "BILLED ms", "GB-s", "MEMORY MB");
        for (FunctionReport f : r.functions()) {
            t.row(ReportText.usageCells(f));
        }
        if (r.functions().size() > 1) {
            t.row(ReportText.usageCells(r.total()));
        }
        return t.render("");
    }

    static String costTable(List<FunctionReport> functions, FunctionReport total, UsageReport r) {
        TextTable t = new TextTable(2, "FUNCTION", "PROVIDER", "REQUESTS", "COMPUTE", "SERVICES", "TOTAL",
                "AFTER FREE TIER");
        for (FunctionReport f : functions) {
            costRows(t, f, r);
        }
        if (functions.size() > 1) {
            costRows(t, total, r);
        }
        return t.render("");
    }

    private static void costRows(TextTable t, FunctionReport f, UsageReport r) {
        boolean first = true;
        for (Provider p : r.providers()) {
            Cost c = f.cost().get(p.id());
            t.row(first ? f.name() : "", p.name(), Amounts.usd(c.requests()), Amounts.usd(c.compute()),
                    Amounts.usd(c.services()), Amounts.usd(c.total()),
                    Amounts.usd(f.costAfterFreeTier().get(p.id()).total()));
            first = false;
        }
    }

    static String sideBySide(UsageReport r) {
        TextTable t = new TextTable(1, "PROVIDER", "REQUESTS", "COMPUTE", "SERVICES", "PLAN FEE", "TOTAL",
                "BREAK-EVEN VS CONTAINER");
        ReportText.sideBySideRows(r).forEach(t::row);
        return t.render("");
    }

    private static String projection(Projection p, UsageReport r) {
        StringBuilder out = new StringBuilder();
        out.append(ReportText.projectionHeading(p)).append('\n');
        TextTable t = new TextTable(2, "FUNCTION", "PROVIDER", "REQUESTS", "GB-s", "COST", "AFTER FREE TIER");
        List<Projection.Row> rows = new java.util.ArrayList<>(p.functions());
        if (rows.size() > 1) {
            rows.add(p.total());
        }
        for (Projection.Row row : rows) {
            boolean first = true;
            for (Provider provider : r.providers()) {
                t.row(first ? row.name() : "", provider.name(), first ? Amounts.quantity(row.requests()) : "",
                        first ? Amounts.quantity(row.gbSeconds()) : "", Amounts.usd(row.cost().get(provider.id()).total()),
                        Amounts.usd(row.costAfterFreeTier().get(provider.id()).total()));
                first = false;
            }
        }
        out.append(t.render("")).append('\n');
        for (ProviderBill bill : p.bills().values()) {
            out.append(bill.provider().name()).append(", projected month\n");
            bill.totalLines().forEach(l -> out.append("    ").append(l).append('\n'));
            if (!bill.freeTierLines().isEmpty()) {
                out.append("  after the monthly free tier\n");
                bill.freeTierLines().forEach(l -> out.append("    ").append(l).append('\n'));
            }
        }
        return out.append('\n').toString();
    }
}
