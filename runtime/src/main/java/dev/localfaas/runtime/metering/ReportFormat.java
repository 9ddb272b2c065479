package dev.localfaas.runtime.metering;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The formats {@code faas report --format} writes, each with its renderer. */
public enum ReportFormat {
    TABLE("table", TableRenderer::render),
    JSON("json", JsonRenderer::render),
    CSV("csv", CsvRenderer::render),
    MARKDOWN("markdown", MarkdownRenderer::render),
    HTML("html", HtmlRenderer::render);

    private final String id;
    private final Function<UsageReport, String> renderer;

    ReportFormat(String id, Function<UsageReport, String> renderer) {
        this.id = id;
        this.renderer = renderer;
    }

    public String id() {
        return id;
    }

    public String render(UsageReport report) {
        return renderer.apply(report);
    }

    public static Optional<ReportFormat> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
    }
}
