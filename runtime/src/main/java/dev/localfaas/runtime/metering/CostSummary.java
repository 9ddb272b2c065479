package dev.localfaas.runtime.metering;

import java.util.ArrayList;
import java.util.List;

/** The few lines {@code faas run} prints when it stops: what ran and what it would have cost. */
public final class CostSummary {
    private CostSummary() {
    }

    /**
     * @param reportCommand the command that shows the full report, e.g. {@code faas report --dir ./functions}
     */
    public static String render(UsageReport r, String reportCommand) {
        FunctionReport t = r.total();
        if (t.invocations() == 0 && t.throttles() == 0) {
            return "usage: no invocations, nothing to bill\n";
        }
        StringBuilder s = new StringBuilder("usage: ")
                .append(Amounts.count(t.invocations(), "invocation", "invocations")).append(" of ")
                .append(Amounts.count(r.functions().size(), "function", "functions")).append(" (")
                .append(Amounts.count(t.errors(), "error", "errors")).append(", ")
                .append(Amounts.count(t.timeouts(), "timeout", "timeouts")).append(", ")
                .append(Amounts.quantity(t.throttles())).append(" throttled, ")
                .append(Amounts.count(t.coldStarts(), "cold start", "cold starts")).append("); ")
                .append(Amounts.quantity(t.billedMs())).append(" billed ms, ").append(Amounts.quantity(t.gbSeconds()))
                .append(" GB-s\n");
        List<String[]> rows = new ArrayList<>();
        for (Provider p : r.providers()) {
            rows.add(new String[] {p.name(), Amounts.usd(t.cost().get(p.id()).total()), r.options().freeTier()
                ? "(" + Amounts.usd(t.costAfterFreeTier().get(p.id()).total()) + " after the monthly free tier)" : ""});
        }
        TextTable table = new TextTable(1, "", "", "");
        rows.forEach(table::row);
        table.render("  ").lines().skip(1).forEach(l -> s.append(l).append('\n'));
        return s.append("full report, with the arithmetic: ").append(reportCommand).append('\n').toString();
    }
}
