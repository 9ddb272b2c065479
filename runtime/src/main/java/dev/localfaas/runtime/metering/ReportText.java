package dev.localfaas.runtime.metering;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The wording the text formats (table, Markdown, HTML) share, so that they say the same thing the same way. */
final class ReportText {

    /** The columns of the cost table in the Markdown and HTML reports. */
    static final String[] COST_COLUMNS = {"function", "provider", "requests", "compute", "services", "total",
        "after free tier"};

    /** The columns of the side-by-side table: one row per provider, the whole month after the free tier. */
    static final String[] SIDE_BY_SIDE_COLUMNS = {"provider", "requests", "compute", "services", "plan fee", "total",
        "break-even vs container"};

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
                    Amounts.usd(c.services()), Amounts.usd(c.total()),
                    Amounts.usd(f.costAfterFreeTier().get(p.id()).total())});
            }
        }
        return rows;
    }

    private ReportText() {
    }

    /**
     * Per provider, the month's bill after the free tier, part by part, and where it breaks even with the container:
     * the projected month when there is a projection (a local run is free almost everywhere), else the observed one.
     */
    static List<String[]> sideBySideRows(UsageReport r) {
        List<String[]> rows = new ArrayList<>();
        for (Provider p : r.providers()) {
            Cost c = r.projection().map(proj -> proj.total().costAfterFreeTier().get(p.id()))
                    .orElse(r.total().costAfterFreeTier().get(p.id()));
            rows.add(new String[] {p.name(), Amounts.usd(c.requests()), Amounts.usd(c.compute()),
                Amounts.usd(c.services()), Amounts.usd(c.fee()), Amounts.usd(c.total()), breakEvenCell(r, p)});
        }
        return rows;
    }

    private static String breakEvenCell(UsageReport r, Provider p) {
        if (r.breakEven().isEmpty()) {
            return "-";
        }
        BreakEven b = r.breakEven().get();
        if (p.isContainer()) {
            return p.id().equals(b.container().id()) ? "(the container: " + b.size() + ")" : "-";
        }
        List<BreakEven.Point> curve = b.curves().get(p.id());
        List<BreakEven.Point> box = b.curves().get(b.container().id());
        return b.volumes().get(p.id()).map(n -> "FaaS cheaper below " + Amounts.quantity(n) + "/month")
                .orElse(curve.get(0).cost().compareTo(box.get(0).cost()) >= 0 ? "container cheaper at any volume"
                        : "FaaS cheaper up to " + Amounts.quantity(BreakEven.MAX_REQUESTS) + "/month");
    }

    /** What the side-by-side table shows: the observed month or the projected one. */
    static String sideBySideHeading(UsageReport r) {
        return "SIDE BY SIDE: " + r.projection().map(p -> "the projected month of " + Amounts.quantity(p.monthlyRequests())
                + " requests").orElse("the month as recorded") + " on each provider, after the free tier";
    }

    /** {@code peak 2 invocations at once at ...; the handlers were on the CPU 3% of their wall time}. */
    static String concurrencyLine(UsageReport r) {
        ContainerLoad l = r.load();
        if (l.invocations() == 0) {
            return "CONCURRENCY: nothing ran";
        }
        return "CONCURRENCY: peak " + Amounts.count(l.peakConcurrency(), "invocation", "invocations") + " at once (at "
                + l.peakAt() + ", " + Amounts.quantity(l.peakMemoryMb()) + " MB of function memory); the handlers "
                + "spent " + Math.round(l.cpuShare() * 100) + "% of their wall time on the CPU"
                + r.breakEven().map(b -> "; an always-on container for this load: " + b.size()).orElse("");
    }

    /** Said wherever a what-if report is shown: what changed and what did not. */
    static String whatIfNote(UsageReport r) {
        return "what-if: every invocation re-priced at " + Amounts.quantity(r.options().whatIfMemoryMb())
                + " MB; durations and CPU time are kept as measured, though on the real cloud they would change "
                + "with the CPU that comes with the memory";
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
        if (r.options().whatIfMemoryMb() > 0) {
            s.append("  ").append(whatIfNote(r)).append('\n');
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
        p.billing().memoryLine(bill.measuredMemory(), bill.ran()).ifPresent(out::add);
        p.billing().standIns(bill.measuredMemory(), bill.ran()).forEach(s -> out.add("stand-in: " + s));
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

    /** The break-even paragraph: the container it is measured against and each provider's verdict. */
    static List<String> breakEvenLines(UsageReport r) {
        List<String> out = new ArrayList<>();
        r.breakEven().ifPresent(b -> {
            out.add("BREAK-EVEN against " + b.container().name() + ", " + b.size()
                    + " (the observed mix at any monthly volume; free tiers and plan fees included)");
            for (Provider p : r.providers()) {
                if (!p.isContainer()) {
                    out.add("  " + p.name() + ": " + b.verdicts().get(p.id()));
                }
            }
        });
        return out;
    }

    static String indent(List<String> lines, String indent) {
        return lines.stream().map(l -> indent + l + "\n").collect(Collectors.joining());
    }
}
