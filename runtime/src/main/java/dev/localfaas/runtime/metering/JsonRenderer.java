package dev.localfaas.runtime.metering;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The report as JSON: the stable schema of docs/metering.md. Dollar amounts and quantities keep full precision
 * (never rounded: a machine adds them up), durations are milliseconds to three places; {@code cost} is before any
 * free tier, {@code costAfterFreeTier} after.
 */
final class JsonRenderer {
    static final String SCHEMA = "localfaas-usage-report/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRenderer() {
    }

    static String render(UsageReport r) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = MAPPER.createGenerator(out).useDefaultPrettyPrinter()) {
            g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeStringField("source", r.source());
            g.writeStringField("generatedAt", r.generatedAt().toString());
            g.writeNumberField("records", r.records());
            instant(g, "firstStart", r.firstStart());
            instant(g, "lastStart", r.lastStart());
            g.writeBooleanField("freeTier", r.options().freeTier());
            g.writeArrayFieldStart("functions");
            for (FunctionReport f : r.functions()) {
                row(g, f);
            }
            g.writeEndArray();
            g.writeFieldName("total");
            row(g, r.total());
            if (r.projection().isPresent()) {
                projection(g, r.projection().get());
            }
            if (r.options().whatIfMemoryMb() > 0) {
                g.writeObjectFieldStart("whatIf");
                g.writeNumberField("memoryMb", r.options().whatIfMemoryMb());
                g.writeStringField("note", ReportText.whatIfNote(r));
                g.writeEndObject();
            }
            concurrency(g, r.load());
            if (r.breakEven().isPresent()) {
                breakEven(g, r.breakEven().get());
            }
            measuredMemory(g, r);
            g.writeObjectFieldStart("priceBook");
            g.writeArrayFieldStart("providers");
            for (Provider p : r.providers()) {
                MAPPER.writeTree(g, p.definition());
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("warnings");
            for (String w : r.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /**
     * Per provider that bills the memory used: how many records it billed on their measured memory, and how many ran;
     * absent when no provider in the report bills that way.
     */
    private static void measuredMemory(JsonGenerator g, UsageReport r) throws IOException {
        List<ProviderBill> observed = r.bills().values().stream()
                .filter(b -> b.provider().billing().memoryBasis() == BillingRules.MemoryBasis.OBSERVED).toList();
        if (observed.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("billedOnMeasuredMemory");
        for (ProviderBill b : observed) {
            g.writeObjectFieldStart(b.provider().id());
            g.writeNumberField("records", b.measuredMemory());
            g.writeNumberField("of", b.ran());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void row(JsonGenerator g, FunctionReport f) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", f.name());
        g.writeNumberField("invocations", f.invocations());
        g.writeNumberField("errors", f.errors());
        g.writeNumberField("timeouts", f.timeouts());
        g.writeNumberField("throttles", f.throttles());
        g.writeNumberField("coldStarts", f.coldStarts());
        percentiles(g, "durationMs", f.durationMs());
        percentiles(g, "initMs", f.initMs());
        g.writeNumberField("billedMs", f.billedMs());
        g.writeNumberField("gbSeconds", f.gbSeconds());
        if (f.memoryMb().isPresent()) {
            g.writeNumberField("memoryMb", f.memoryMb().getAsInt());
        } else {
            g.writeNullField("memoryMb");
        }
        g.writeObjectFieldStart("allocatedBytes");
        g.writeStringField("label", FunctionReport.ALLOCATED_LABEL);
        g.writeNumberField("p50", (long) f.allocatedBytes().p50());
        g.writeNumberField("max", (long) f.allocatedBytes().max());
        g.writeEndObject();
        costs(g, "cost", f.cost());
        costs(g, "costAfterFreeTier", f.costAfterFreeTier());
        g.writeEndObject();
    }

    private static void projection(JsonGenerator g, Projection p) throws IOException {
        g.writeObjectFieldStart("projection");
        g.writeNumberField("monthlyRequests", p.monthlyRequests());
        g.writeNumberField("factor", p.factor().stripTrailingZeros());
        g.writeArrayFieldStart("functions");
        for (Projection.Row row : p.functions()) {
            projected(g, row);
        }
        g.writeEndArray();
        g.writeFieldName("total");
        projected(g, p.total());
        g.writeEndObject();
    }

    private static void projected(JsonGenerator g, Projection.Row row) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", row.name());
        g.writeNumberField("requests", Amounts.machine(row.requests()));
        g.writeNumberField("gbSeconds", Amounts.machine(row.gbSeconds()));
        costs(g, "cost", row.cost());
        costs(g, "costAfterFreeTier", row.costAfterFreeTier());
        g.writeEndObject();
    }

    private static void percentiles(JsonGenerator g, String name, Percentiles p) throws IOException {
        g.writeObjectFieldStart(name);
        ms(g, "p50", p, p.p50());
        ms(g, "p95", p, p.p95());
        ms(g, "p99", p, p.p99());
        ms(g, "max", p, p.max());
        g.writeEndObject();
    }

    /** Milliseconds to three places, or null when nothing was measured (no cold start has no init p50). */
    private static void ms(JsonGenerator g, String field, Percentiles p, double value) throws IOException {
        if (p.isEmpty()) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros());
        }
    }

    private static void costs(JsonGenerator g, String name, Map<String, Cost> costs) throws IOException {
        g.writeObjectFieldStart(name);
        for (var e : costs.entrySet()) {
            g.writeObjectFieldStart(e.getKey());
            g.writeNumberField("requests", Amounts.machine(e.getValue().requests()));
            g.writeNumberField("compute", Amounts.machine(e.getValue().compute()));
            g.writeNumberField("services", Amounts.machine(e.getValue().services()));
            g.writeNumberField("fee", Amounts.machine(e.getValue().fee()));
            g.writeNumberField("total", Amounts.machine(e.getValue().total()));
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void concurrency(JsonGenerator g, ContainerLoad load) throws IOException {
        g.writeObjectFieldStart("concurrency");
        g.writeNumberField("peak", load.peakConcurrency());
        instant(g, "peakAt", load.peakAt());
        g.writeNumberField("peakMemoryMb", load.peakMemoryMb());
        g.writeNumberField("cpuShare", BigDecimal.valueOf(load.cpuShare()));
        g.writeEndObject();
    }

    private static void breakEven(JsonGenerator g, BreakEven b) throws IOException {
        g.writeObjectFieldStart("breakEven");
        g.writeStringField("container", b.container().id());
        g.writeObjectFieldStart("containerSize");
        g.writeNumberField("vcpu", b.size().vcpu());
        g.writeNumberField("memoryGb", b.size().memoryGb());
        g.writeEndObject();
        g.writeObjectFieldStart("providers");
        for (var e : b.volumes().entrySet()) {
            g.writeObjectFieldStart(e.getKey());
            if (e.getValue().isPresent()) {
                g.writeNumberField("monthlyRequests", e.getValue().get());
            } else {
                g.writeNullField("monthlyRequests");
            }
            g.writeStringField("verdict", b.verdicts().get(e.getKey()));
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("curves");
        for (var e : b.curves().entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (BreakEven.Point pt : e.getValue()) {
                g.writeStartObject();
                g.writeNumberField("monthlyRequests", pt.requests());
                g.writeNumberField("cost", Amounts.machine(pt.cost()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void instant(JsonGenerator g, String name, Instant t) throws IOException {
        if (t == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, t.toString());
        }
    }
}
