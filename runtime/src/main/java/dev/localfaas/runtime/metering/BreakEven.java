package dev.localfaas.runtime.metering;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where FaaS and the always-on container cost the same: the monthly volume of the observed mix at which each FaaS
 * provider's bill reaches the container's, and both bills as curves over volume for the chart.
 *
 * @param container the container provider compared against
 * @param size      the container's size (sized from the observed peak, or the user's)
 * @param volumes   per FaaS provider id, the monthly requests where it starts to cost more than the container, or
 *                  empty when it never does below {@link #MAX_REQUESTS} (or costs more from the first request)
 * @param verdicts  per FaaS provider id, one sentence saying which wins where
 * @param curves    per provider id (the container's included), monthly cost at each volume of {@link #GRID}
 */
public record BreakEven(Provider container, ContainerSize size, Map<String, Optional<BigDecimal>> volumes,
        Map<String, String> verdicts, Map<String, List<Point>> curves) {

    /** A volume and what a month of it costs. */
    public record Point(BigDecimal requests, BigDecimal cost) {
    }

    /** Volumes the search and the chart cover: 10^2 to 10^11 requests a month, four points a decade. */
    static final List<BigDecimal> GRID;
    static final BigDecimal MAX_REQUESTS = new BigDecimal("1E11");
    private static final MathContext MC = new MathContext(20, RoundingMode.HALF_EVEN);

    static {
        List<BigDecimal> grid = new ArrayList<>();
        for (int k = 8; k <= 44; k++) {
            grid.add(BigDecimal.valueOf(Math.pow(10, k / 4.0)).round(new MathContext(3)));
        }
        GRID = List.copyOf(grid);
    }

    static Optional<BreakEven> find(Pricing pricing, long ran) {
        Optional<Provider> container = pricing.providers().stream().filter(Provider::isContainer).findFirst();
        List<Provider> faas = pricing.providers().stream().filter(p -> !p.isContainer()).toList();
        if (container.isEmpty() || faas.isEmpty() || ran == 0) {
            return Optional.empty();
        }
        BigDecimal observed = BigDecimal.valueOf(ran);
        Map<String, List<Point>> curves = new LinkedHashMap<>();
        for (Provider p : pricing.providers()) {
            List<Point> points = new ArrayList<>();
            for (BigDecimal n : GRID) {
                points.add(new Point(n, pricing.monthly(p, n.divide(observed, MC))));
            }
            curves.put(p.id(), points);
        }
        Map<String, Optional<BigDecimal>> volumes = new LinkedHashMap<>();
        Map<String, String> verdicts = new LinkedHashMap<>();
        List<Point> box = curves.get(container.get().id());
        for (Provider p : faas) {
            List<Point> curve = curves.get(p.id());
            Optional<BigDecimal> volume = Optional.empty();
            String verdict;
            if (curve.get(0).cost().compareTo(box.get(0).cost()) >= 0) {
                verdict = "the container costs no more from " + Amounts.quantity(GRID.get(0)) + " requests a month on";
            } else {
                verdict = "FaaS costs less than the container at every volume up to " + Amounts.quantity(MAX_REQUESTS)
                        + " requests a month";
                for (int i = 1; i < GRID.size(); i++) {
                    if (curve.get(i).cost().compareTo(box.get(i).cost()) >= 0) {
                        BigDecimal n = bisect(pricing, p, container.get(), GRID.get(i - 1), GRID.get(i), observed);
                        volume = Optional.of(n);
                        verdict = "FaaS costs less below " + Amounts.quantity(n) + " requests a month, the container "
                                + "above";
                        break;
                    }
                }
            }
            volumes.put(p.id(), volume);
            verdicts.put(p.id(), verdict);
        }
        ContainerSize size = ContainerCalculator.plan(container.get(), pricing.load(), observed,
                pricing.options().containerSize()).size();
        return Optional.of(new BreakEven(container.get(), size, volumes, verdicts, curves));
    }

    /** The first whole volume in (low, high] where FaaS costs at least the container. */
    private static BigDecimal bisect(Pricing pricing, Provider faas, Provider box, BigDecimal low, BigDecimal high,
            BigDecimal observed) {
        BigDecimal lo = low;
        BigDecimal hi = high;
        while (hi.subtract(lo).compareTo(BigDecimal.ONE) > 0) {
            BigDecimal mid = lo.add(hi).divide(BigDecimal.valueOf(2), 0, RoundingMode.FLOOR);
            BigDecimal factor = mid.divide(observed, MC);
            if (pricing.monthly(faas, factor).compareTo(pricing.monthly(box, factor)) >= 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi.setScale(0, RoundingMode.CEILING);
    }
}
