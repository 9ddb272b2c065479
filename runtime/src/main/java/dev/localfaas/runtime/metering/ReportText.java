package dev.localfaas.runtime.metering;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The wording the text formats (table, Markdown, HTML) share, so that they say the same thing the same way. */
final class ReportText {

    /** The columns of the cost table in the Markdown and HTML reports. */
    static final String[] COST_COLUMNS = {"function", "provider", "requests", "compute", "total", "after free tier"};

    /** One row per function (and the total, when there are several) and provider, in US dollars. */
    static List<String[]> costRows(UsageReport r) {
        List<String[]> rows = new ArrayList<>();
        List<FunctionReport> all = new ArrayList<>(r.functions());
        if (r.functions().size() > 1) {
            all.add(r.total());
        }
        for (FunctionReport f : all) {
            for (Provider p : r.providers()) {
                Cost c = f.cost().get(p.id());
                rows.add(new String[] {f.name(), p.name(), Amounts.usd(c.requests()), Amounts.usd(c.compute()),
                    Amounts.usd(c.total()), Amounts.usd(f.costAfterFreeTier().get(p.id()).total())});
            }
        }
        return rows;
    }

    private ReportText() {
    }

    static String heading(UsageReport r) {
        StringBuilder s = new StringBuilder("localfaas usage report\n");
        s.append("  source   ").append(r.source()).append(" (").append(Amounts.quantity(r.records()))
                .append(r.records() == 1 ? " record" : " records");
        if (r.firstStart() != null) {
            s.append(", ").append(r.firstStart()).append(" to ").append(r.lastStart());
        }
        s.append(")\n");
        if (r.options().since() != null) {
            s.append("  since    ").append(r.options().since()).append('\n');
        }
        if (r.options().function() != null) {
            s.append("  function ").append(r.options().function()).append('\n');
        }
        s.append("  prices   ").append(r.providers().stream().map(Provider::name).collect(Collectors.joining(", ")))
                .append('\n');
        return s.toString();
    }

    static String[] usageCells(FunctionReport f) {
        return new String[] {f.name(), Amounts.quantity(f.invocations()), Amounts.quantity(f.errors()),
            Amounts.quantity(f.timeouts()), Amounts.quantity(f.throttles()), Amounts.quantity(f.coldStarts()),
            ms(f.durationMs(), f.durationMs().p50()), ms(f.durationMs(), f.durationMs().p95()),
            ms(f.durationMs(), f.durationMs().p99()), ms(f.durationMs(), f.durationMs().max()),
            ms(f.initMs(), f.initMs().p50()), Amounts.quantity(f.billedMs()), Amounts.quantity(f.gbSeconds()),
            f.memoryMb().isPresent() ? Amounts.quantity(f.memoryMb().getAsInt()) : "mixed"};
    }

    private static String ms(Percentiles p, double value) {
        return p.isEmpty() ? "-" : Amounts.ms(value);
    }

    /** {@code allocated bytes (stand-in for memory) per invocation: hello p50 1,024, max 4,096; ...}. */
    static String allocatedLine(UsageReport r) {
        return FunctionReport.ALLOCATED_LABEL + " per invocation: " + r.functions().stream()
                .map(f -> f.name() + " p50 " + Amounts.quantity((long) f.allocatedBytes().p50()) + ", max "
                        + Amounts.quantity((long) f.allocatedBytes().max()))
                .collect(Collectors.joining("; "));
    }

    static String providerHeading(Provider p) {
        return p.name() + " — " + p.id() + ", " + p.region() + ": bills "
                + p.rates().stream().map(rate -> rate.unit().id()).collect(Collectors.joining(" + "))
                + "; time " + p.billing().describe();
    }

    /** The arithmetic of one provider's bill: per function, the total, the free tier, the stand-ins, the source. */
    static List<String> arithmetic(UsageReport r, ProviderBill bill) {
        List<String> out = new ArrayList<>();
        for (FunctionReport f : r.functions()) {
            out.add(f.name());
            bill.lines().get(f.name()).forEach(l -> out.add("  " + l));
        }
        if (r.functions().size() > 1) {
            out.add("total");
            bill.totalLines().forEach(l -> out.add("  " + l));
        }
        if (r.options().freeTier()) {
            out.add("after the monthly free tier");
            bill.freeTierLines().forEach(l -> out.add("  " + l));
        } else {
            out.add("free tier not applied (--no-free-tier)");
        }
        Provider p = bill.provider();
        p.billing().standIns().forEach(s -> out.add("stand-in: " + s));
        if (!p.notes().isBlank()) {
            out.add("note: " + p.notes());
        }
        out.add("prices: " + p.source() + "; read " + p.read());
        return out;
    }

    static String projectionHeading(Projection p) {
        return "PROJECTION to " + Amounts.quantity(p.monthlyRequests()) + " requests a month (the observed mix of "
                + "functions, durations, memory and cold starts × " + Amounts.quantity(p.factor()) + ")";
    }

    static String indent(List<String> lines, String indent) {
        return lines.stream().map(l -> indent + l + "\n").collect(Collectors.joining());
    }
}
