package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * The HTML report's charts as inline SVG: no script, no font, no URL, so that the page works offline and can be
 * mailed as one file. Each bar carries a {@code <title>}, which browsers show as a tooltip.
 */
final class SvgCharts {
    static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};
    private static final int LABEL = 170;
    private static final int PLOT = 460;
    private static final int WIDTH = LABEL + PLOT + 270; // room for the value written after the longest bar

    private SvgCharts() {
    }

    /** Grouped horizontal bars: for each function, one bar per provider, cost before the free tier. */
    static String cost(UsageReport r) {
        List<Provider> providers = r.providers();
        int bar = 14;
        int group = providers.size() * (bar + 2) + 12;
        int top = 14 + 18 * providers.size();
        int height = top + Math.max(1, r.functions().size()) * group + 8;
        BigDecimal max = r.functions().stream().flatMap(f -> f.cost().values().stream()).map(Cost::total)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        StringBuilder s = open("cost-chart", height, "Cost per function and provider, before the free tier");
        for (int i = 0; i < providers.size(); i++) {
            int x = LABEL;
            int y = 8 + i * 18;
            s.append(rect(x, y, 12, 12, color(i), null));
            s.append(text(x + 16, y + 10, providers.get(i).name(), "start", ""));
        }
        int y = top;
        for (FunctionReport f : r.functions()) {
            s.append(text(LABEL - 8, y + group / 2 - 4, f.name(), "end", "label"));
            for (int i = 0; i < providers.size(); i++) {
                BigDecimal cost = f.cost().get(providers.get(i).id()).total();
                double w = max.signum() == 0 ? 0 : cost.divide(max, 6, RoundingMode.HALF_UP).doubleValue() * PLOT;
                int by = y + i * (bar + 2);
                s.append(rect(LABEL, by, Math.max(w, cost.signum() > 0 ? 1 : 0), bar, color(i),
                        f.name() + " on " + providers.get(i).name() + ": " + Amounts.usd(cost)));
                s.append(text(LABEL + w + 4, by + bar - 3, Amounts.usd(cost), "start", "value"));
            }
            y += group;
        }
        return s.append("</svg>\n").toString();
    }

    /** One histogram per function: how many invocations took how long (handler time, 1-2-5 buckets). */
    static String durations(UsageReport r) {
        int rowHeight = 150;
        int height = Math.max(1, r.functions().size()) * rowHeight + 10;
        StringBuilder s = open("duration-chart", height, "Distribution of handler durations per function");
        int y = 10;
        for (FunctionReport f : r.functions()) {
            List<DurationHistogram.Bucket> buckets = f.durationHistogram().buckets();
            long max = Math.max(1, f.durationHistogram().max());
            int w = PLOT * 3 / 2 / buckets.size();
            int base = y + 110;
            s.append(text(10, y + 12, f.name() + " (p50 " + Amounts.ms(f.durationMs().p50()) + " ms, p99 "
                    + Amounts.ms(f.durationMs().p99()) + " ms)", "start", "label"));
            for (int i = 0; i < buckets.size(); i++) {
                DurationHistogram.Bucket b = buckets.get(i);
                double h = b.count() == 0 ? 0 : Math.max(2, 85.0 * b.count() / max); // one call stays visible
                int x = 10 + i * w;
                s.append(rect(x + 2, base - h, w - 4, h, PALETTE[0], f.name() + " " + b.label() + ": "
                        + Amounts.quantity(b.count()) + " invocations"));
                if (b.count() > 0) {
                    s.append(text(x + w / 2.0, base - h - 3, Amounts.quantity(b.count()), "middle", "value"));
                }
                s.append(text(x + w / 2.0, base + 13, b.label(), "middle", "axis"));
            }
            s.append(line(10, base, 10 + buckets.size() * w, base));
            y += rowHeight;
        }
        return s.append("</svg>\n").toString();
    }

    /** Per function, warm against cold: how many of each and what their callers waited (p50, init shaded). */
    static String coldWarm(UsageReport r) {
        int rowHeight = 64;
        int height = 30 + Math.max(1, r.functions().size()) * rowHeight;
        double max = r.functions().stream().mapToDouble(f -> Math.max(f.warmMs().p50(), f.coldMs().p50())).max()
                .orElse(0);
        StringBuilder s = open("cold-warm-chart", height, "Cold starts versus warm invocations per function");
        s.append(rect(10, 8, 12, 12, PALETTE[2], null)).append(text(26, 18, "warm: handler time", "start", ""));
        s.append(rect(180, 8, 12, 12, PALETTE[3], null)).append(text(196, 18, "cold: init", "start", ""));
        s.append(rect(290, 8, 12, 12, PALETTE[1], null)).append(text(306, 18, "cold: handler time", "start", ""));
        int y = 30;
        for (FunctionReport f : r.functions()) {
            s.append(text(LABEL - 8, y + 26, f.name(), "end", "label"));
            double warm = scale(f.warmMs().p50(), max);
            s.append(rect(LABEL, y + 4, warm, 18, PALETTE[2], f.name() + " warm p50 " + Amounts.ms(f.warmMs().p50())
                    + " ms"));
            s.append(text(LABEL + warm + 4, y + 17, "warm × " + Amounts.quantity(f.invocations() - f.coldStarts())
                    + (f.warmMs().isEmpty() ? "" : ", p50 " + Amounts.ms(f.warmMs().p50()) + " ms"), "start", "value"));
            double init = scale(Math.min(f.initMs().p50(), f.coldMs().p50()), max);
            double cold = scale(f.coldMs().p50(), max);
            s.append(rect(LABEL, y + 28, init, 18, PALETTE[3], f.name() + " init p50 " + Amounts.ms(f.initMs().p50())
                    + " ms"));
            s.append(rect(LABEL + init, y + 28, Math.max(0, cold - init), 18, PALETTE[1], f.name() + " cold p50 "
                    + Amounts.ms(f.coldMs().p50()) + " ms in all"));
            s.append(text(LABEL + cold + 4, y + 41, "cold × " + Amounts.quantity(f.coldStarts()) + (f.coldMs().isEmpty()
                    ? "" : ", p50 " + Amounts.ms(f.coldMs().p50()) + " ms (init " + Amounts.ms(f.initMs().p50())
                    + " ms)"), "start", "value"));
            y += rowHeight;
        }
        return s.append("</svg>\n").toString();
    }

    /**
     * Monthly cost against monthly requests, both on log axes: one line per provider, the container's dashed, each
     * crossover circled. A month that costs less than a cent (a free tier's flat start) is drawn on the bottom axis.
     */
    static String breakEven(UsageReport r) {
        if (r.breakEven().isEmpty()) {
            return "";
        }
        BreakEven b = r.breakEven().get();
        int left = 70;
        int top = 20;
        int w = 620;
        int h = 340;
        double x0 = Math.log10(BreakEven.GRID.get(0).doubleValue());
        double x1 = Math.log10(BreakEven.GRID.get(BreakEven.GRID.size() - 1).doubleValue());
        double yMax = b.curves().values().stream().flatMap(List::stream)
                .mapToDouble(pt -> pt.cost().doubleValue()).max().orElse(1);
        double y0 = -2; // $0.01: the floor a free month is drawn on
        double y1 = Math.max(0, Math.ceil(Math.log10(Math.max(yMax, 0.1))));
        int legendTop = top + h + 40;
        int height = legendTop + 18 * b.curves().size() + 10;
        StringBuilder s = open("break-even-chart", height, "Monthly cost against monthly requests, log axes");
        s.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(w)
                .append("\" height=\"").append(h).append("\" fill=\"none\" stroke=\"#ccc\"/>\n");
        for (int d = (int) Math.ceil(x0); d <= x1; d++) {
            double x = left + (d - x0) / (x1 - x0) * w;
            s.append(line(x, top, x, top + h).replace("#888", "#eee"));
            s.append(text(x, top + h + 14, "10^" + d, "middle", "axis"));
        }
        for (int d = (int) y0; d <= y1; d++) {
            double y = top + h - (d - y0) / (y1 - y0) * h;
            s.append(line(left, y, left + w, y).replace("#888", "#eee"));
            s.append(text(left - 6, y + 3, d < 0 ? "$" + BigDecimal.ONE.movePointLeft(-d).toPlainString()
                    : "$" + BigDecimal.ONE.movePointRight(d).toPlainString(), "end", "axis"));
        }
        s.append(text(left + w / 2.0, top + h + 30, "requests a month (log)", "middle", "axis"));
        s.append(text(12, top + h / 2.0, "$ a month (log)", "start", "axis"));
        int i = 0;
        for (var e : b.curves().entrySet()) {
            Provider p = r.providers().stream().filter(q -> q.id().equals(e.getKey())).findFirst().orElseThrow();
            StringBuilder pts = new StringBuilder();
            for (BreakEven.Point pt : e.getValue()) {
                pts.append(num(xOf(pt.requests().doubleValue(), left, w, x0, x1))).append(',')
                        .append(num(yOf(pt.cost().doubleValue(), top, h, y0, y1))).append(' ');
            }
            s.append("<polyline fill=\"none\" stroke=\"").append(color(i)).append("\" stroke-width=\"2\"")
                    .append(p.isContainer() ? " stroke-dasharray=\"6 4\"" : "").append(" points=\"")
                    .append(pts.toString().trim()).append("\"><title>").append(HtmlRenderer.escape(p.name()))
                    .append("</title></polyline>\n");
            s.append(rect(left, legendTop + i * 18, 12, 12, color(i), null));
            s.append(text(left + 18, legendTop + i * 18 + 10, p.name() + (p.isContainer() ? " (" + b.size() + ")"
                    : b.volumes().get(p.id()).map(n -> ": break-even at " + Amounts.quantity(n) + " requests a month")
                    .orElse(": " + b.verdicts().get(p.id()))), "start", ""));
            i++;
        }
        List<BreakEven.Point> box = b.curves().get(b.container().id());
        for (var e : b.volumes().entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            double n = e.getValue().get().doubleValue();
            double cost = interpolate(box, n);
            double cx = xOf(n, left, w, x0, x1);
            double cy = yOf(cost, top, h, y0, y1);
            s.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy))
                    .append("\" r=\"5\" fill=\"none\" stroke=\"#000\"><title>")
                    .append(HtmlRenderer.escape(e.getKey() + " = container at " + Amounts.quantity(e.getValue().get())
                            + " requests a month")).append("</title></circle>\n");
        }
        return s.append("</svg>\n").toString();
    }

    private static double xOf(double requests, int left, int w, double x0, double x1) {
        return left + (Math.log10(requests) - x0) / (x1 - x0) * w;
    }

    private static double yOf(double cost, int top, int h, double y0, double y1) {
        double l = cost < 0.01 ? y0 : Math.log10(cost);
        return top + h - (l - y0) / (y1 - y0) * h;
    }

    /** The cost between two points of a curve, straight on the log-log chart. */
    private static double interpolate(List<BreakEven.Point> curve, double n) {
        for (int k = 1; k < curve.size(); k++) {
            double a = curve.get(k - 1).requests().doubleValue();
            double c = curve.get(k).requests().doubleValue();
            if (n <= c) {
                double ca = Math.max(curve.get(k - 1).cost().doubleValue(), 1e-9);
                double cc = Math.max(curve.get(k).cost().doubleValue(), 1e-9);
                double t = (Math.log10(n) - Math.log10(a)) / (Math.log10(c) - Math.log10(a));
                return Math.pow(10, Math.log10(ca) + t * (Math.log10(cc) - Math.log10(ca)));
            }
        }
        return curve.get(curve.size() - 1).cost().doubleValue();
    }

    private static double scale(double value, double max) {
        return max <= 0 ? 0 : value / max * PLOT;
    }

    private static StringBuilder open(String id, int height, String label) {
        return new StringBuilder("<svg id=\"").append(id).append("\" role=\"img\" aria-label=\"")
                .append(HtmlRenderer.escape(label)).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\">\n<title>").append(HtmlRenderer.escape(label)).append("</title>\n");
    }

    private static String color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    private static String rect(double x, double y, double w, double h, String fill, String title) {
        String r = "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h)
                + "\" fill=\"" + fill + "\"";
        return title == null ? r + "/>\n" : r + "><title>" + HtmlRenderer.escape(title) + "</title></rect>\n";
    }

    private static String text(double x, double y, String text, String anchor, String cls) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\""
                + (cls.isEmpty() ? "" : " class=\"" + cls + "\"") + ">" + HtmlRenderer.escape(text) + "</text>\n";
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2)
                + "\" stroke=\"#888\"/>\n";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
