package dev.localfaas.cli;

import dev.localfaas.runtime.metering.ContainerSize;
import dev.localfaas.runtime.metering.PriceBook;
import dev.localfaas.runtime.metering.PriceBookException;
import dev.localfaas.runtime.metering.ReportFormat;
import dev.localfaas.runtime.metering.ReportOptions;
import dev.localfaas.runtime.metering.UsageLedger;
import dev.localfaas.runtime.metering.UsageReader;
import dev.localfaas.runtime.metering.UsageRecord;
import dev.localfaas.runtime.metering.UsageReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code faas report}: the bill for the recorded usage, per function and provider, with the arithmetic shown. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {"What the recorded invocations would cost: per function the requests, errors, cold starts, "
                + "durations and GB-seconds, and the cost on each provider before and after the free tier, with "
                + "the arithmetic shown; the month side by side on every provider, and the monthly volume at which "
                + "each FaaS provider costs as much as an always-on container."},
        footer = {"", "Examples:", "  faas report --dir functions", "  faas report --provider all --monthly-requests 3000000",
            "  faas report --format html --out report.html", "  faas report --since 1h --function hello --format json",
            "  faas report --provider aws,cloudflare --scale 100x", "  faas report --what-if memory=512"})
final class ReportCommand implements Callable<Integer> {

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR",
            description = "Functions folder whose usage to report; reads DIR/.faas/usage.jsonl (default: functions).")
    Path dir;

    @Option(names = {"-t", "--template"}, paramLabel = "FILE",
            description = "Report the usage of the project of this template.yaml or serverless.yml (its folder's .faas).")
    Path template;

    @Option(names = "--usage", paramLabel = "FILE", description = "Read this usage file instead of the folder's.")
    Path usage;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where the usage was recorded (default: DIR/.faas).")
    Path stateDir;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Only invocations that started at or after TIME: 2026-08-01T10:00:00Z, 2026-08-01, or an age "
                    + "such as 30m, 2h, 7d.")
    String since;

    @Option(names = "--function", paramLabel = "NAME", description = "Only this function.")
    String function;

    @Option(names = "--provider", paramLabel = "P", split = ",",
            description = "Providers to price, repeatable or comma-separated: a provider id (aws-x86_64, aws-arm64, "
                    + "azure-consumption, azure-flex-consumption, gcp-cloud-run-functions, cloudflare-workers, "
                    + "vercel-functions, aws-fargate), a group (aws, azure, google, cloudflare, vercel, container), "
                    + "or all (default: all).")
    List<String> providers = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, csv, markdown or html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path out;

    @Option(names = "--monthly-requests", paramLabel = "N",
            description = "Also project the observed mix to N requests a month.")
    Long monthlyRequests;

    @Option(names = "--scale", paramLabel = "FACTOR",
            description = "Also project the observed mix to FACTOR times as many requests, e.g. 100x.")
    String scale;

    @Option(names = "--what-if", paramLabel = "memory=MB",
            description = "Re-price every invocation at another memory size, e.g. memory=512 (durations are kept as "
                    + "measured).")
    String whatIf;

    @Option(names = "--container-size", paramLabel = "VCPU:GB",
            description = "Size of the always-on container to compare with, e.g. 1:2 (default: sized from the "
                    + "observed peak concurrency).")
    String containerSize;

    @Option(names = "--by-version", description = "A line per function version (fn:$LATEST, fn:3) instead of per function.")
    boolean byVersion;

    @Option(names = "--no-free-tier", description = "Do not apply the monthly free tiers.")
    boolean noFreeTier;

    @Option(names = "--prices", paramLabel = "FILE",
            description = "A price book whose providers replace the built-in ones with the same id (docs/pricing.md).")
    Path prices;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ReportFormat fmt = ReportFormat.byId(format).orElseThrow(() -> CliException.usage("--format " + format
                + " is not a format; use one of " + ReportFormat.ids()));
        if (monthlyRequests != null && monthlyRequests < 1) {
            throw CliException.usage("--monthly-requests " + monthlyRequests + " must be at least 1");
        }
        if (monthlyRequests != null && scale != null) {
            throw CliException.usage("--monthly-requests and --scale both set the projected volume; give one of them");
        }
        Path file = usageFile();
        ReportOptions options = new ReportOptions(providers, !noFreeTier, monthlyRequests == null ? 0 : monthlyRequests,
                since == null ? null : TimeArgument.parse("--since", since, Instant.now()), function,
                scale == null ? null : scaleFactor(scale), whatIf == null ? 0 : whatIfMemory(whatIf),
                containerSize == null ? null : ContainerSize.parse(containerSize).orElseThrow(() -> CliException.usage(
                        "--container-size " + containerSize + " is not VCPU:GB; write it as e.g. 1:2 or 0.25:0.5")));
        PriceBook book = priceBook();
        if (!Files.exists(file)) {
            stdout.println(noUsageYet(file));
            return ExitCodes.OK;
        }
        UsageReport report;
        try {
            report = UsageReport.fromFile(file, book, options, byVersion);
        } catch (PriceBookException e) {
            throw CliException.usage(e.getMessage());
        } catch (UncheckedIOException e) {
            throw CliException.usage(e.getMessage());
        }
        report.warnings().forEach(w -> stderr.println("faas: warning: " + w));
        if (report.isEmpty()) {
            return nothingInScope(file, options, stdout);
        }
        write(fmt.render(report), fmt, stdout);
        return ExitCodes.OK;
    }

    /** {@code 100x}, {@code 100} or {@code 0.5x}: how many times the observed invocations to project. */
    static BigDecimal scaleFactor(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            BigDecimal f = new BigDecimal(t.endsWith("x") ? t.substring(0, t.length() - 1) : t);
            if (f.signum() > 0) {
                return f;
            }
        } catch (NumberFormatException e) {
            // falls through to the usage error
        }
        throw CliException.usage("--scale " + text + " is not a factor; write it as e.g. 100x or 0.5x");
    }

    /** {@code memory=512}: the memory size a what-if re-prices at, 128 to 10,240 MB as Lambda allows. */
    static int whatIfMemory(String text) {
        String t = text.trim();
        if (t.startsWith("memory=")) {
            try {
                int mb = Integer.parseInt(t.substring("memory=".length()).trim());
                if (mb >= 128 && mb <= 10_240) {
                    return mb;
                }
            } catch (NumberFormatException e) {
                // falls through to the usage error
            }
        }
        throw CliException.usage("--what-if " + text + " is not memory=MB with 128 to 10240 MB; write it as e.g. "
                + "memory=512");
    }

    private Path usageFile() {
        if (usage != null && (dir != null || stateDir != null)) {
            throw CliException.usage("--usage names the file itself; leave out " + (dir != null ? "--dir" : "--state-dir"));
        }
        if (usage != null) {
            return usage;
        }
        Path functions = dir != null ? dir : template != null ? template.toAbsolutePath().getParent()
                : dev.localfaas.runtime.config.ProjectFiles.find(Path.of("")).isPresent() ? Path.of("") : Path.of("functions");
        return UsageLedger.fileIn(stateDir != null ? stateDir : UsageLedger.defaultStateDir(functions));
    }

    private PriceBook priceBook() {
        try {
            PriceBook book = PriceBook.builtIn();
            book = prices == null ? book : book.overriddenBy(PriceBook.load(prices));
            book.select(providers); // an unknown provider is a usage error before any reading
            return book;
        } catch (PriceBookException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private String noUsageYet(Path file) {
        String folder = dir != null ? dir.toString() : "functions";
        return "No usage recorded yet in " + file + ": invoke a function first (faas invoke NAME --dir " + folder
                + ", or faas run " + folder + " and call it), then run faas report again.";
    }

    private int nothingInScope(Path file, ReportOptions options, PrintWriter stdout) {
        if (function != null) {
            TreeSet<String> names = new TreeSet<>();
            UsageReader.read(file, (UsageRecord r) -> names.add(r.function()));
            if (!names.contains(function)) {
                throw CliException.usage("no usage of function '" + function + "' in " + file
                        + (names.isEmpty() ? "; it holds no records" : "; functions with usage: " + String.join(", ", names)));
            }
        }
        if (options.since() != null) {
            stdout.println("No usage in " + file + " since " + options.since() + (function == null ? "" : " for " + function)
                    + "; try an earlier --since.");
        } else {
            stdout.println(noUsageYet(file));
        }
        return ExitCodes.OK;
    }

    private void write(String text, ReportFormat fmt, PrintWriter stdout) {
        if (out == null) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        try {
            Files.writeString(out, text);
        } catch (IOException e) {
            throw CliException.usage("cannot write the report to " + out + " (" + e.getMessage()
                    + "); check that its folder exists and is writable");
        }
        stdout.println("Wrote the " + fmt.id() + " report to " + out + ".");
    }
}
