package dev.localfaas.cli;

import dev.localfaas.runtime.config.ProjectFiles;
import dev.localfaas.runtime.gateway.policy.ApiKeyStore;
import dev.localfaas.runtime.gateway.policy.KeyUsage;
import dev.localfaas.runtime.gateway.policy.UsagePlan;
import dev.localfaas.runtime.metering.UsageLedger;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code faas keys}: API keys for routes that require one ({@code ApiKeyRequired}), kept hashed in the project's
 * state folder, where {@code faas run} finds them (even while it runs), and what each has used of its plan's quota.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Manage the API keys that faas run checks on routes with ApiKeyRequired (x-api-key header).",
            "Keys live in DIR/.faas/api-keys.json, stored as SHA-256 hashes: a key's value is printed once, when made."},
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Usage.class,
            KeysCommand.Plan.class},
        footer = {"", "Examples:", "  faas keys create alice --plan UsersApiUsagePlan",
            "  curl -H \"x-api-key: <the printed key>\" http://127.0.0.1:3000/users/42",
            "  faas keys plan basic --rate 5 --burst 10 --quota 1000 --period DAY",
            "  faas keys list"})
final class KeysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** Where the keys live: {@code --state-dir}, else the project folder's {@code .faas}. */
    static final class Where {
        @Option(names = {"-d", "--dir"}, paramLabel = "DIR", description = "The functions folder (default: this "
                + "folder when it holds a template.yaml or serverless.yml, else ./functions).")
        Path dir;

        @Option(names = "--state-dir", paramLabel = "DIR", description = "Where state lives (default: DIR/.faas).")
        Path stateDir;

        Path stateDir() {
            if (stateDir != null) {
                return stateDir;
            }
            Path functions = dir != null ? dir : ProjectFiles.find(Path.of("")).isPresent() ? Path.of("")
                    : Path.of("functions");
            return UsageLedger.defaultStateDir(functions);
        }

        ApiKeyStore store() {
            try {
                return ApiKeyStore.open(stateDir());
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Make an API key and print it (only this once).")
    static final class Create implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "Who the key is for.")
        String name;

        @Option(names = "--plan", paramLabel = "PLAN", description = "A usage plan it belongs to: a template's "
                + "UsagePlanName (or logical id) or one of faas keys plan (repeatable).")
        List<String> plans = new ArrayList<>();

        @Mixin
        Where where;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ApiKeyStore.Created created;
            try {
                created = where.store().create(name, plans);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(created.value());
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            err.println("faas: API key " + name + " (id " + created.key().id() + ")"
                    + (plans.isEmpty() ? " in no usage plan yet: routes that require a key refuse it (403)"
                    : " in plan " + String.join(", ", plans)) + "; its value is not shown again");
            err.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the keys, their plans, and this period's use of each plan's quota.")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        Where where;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ApiKeyStore store = where.store();
            if (store.keys().isEmpty()) {
                out.println("no API keys in " + store.file() + " yet: faas keys create NAME --plan PLAN makes one");
                return ExitCodes.OK;
            }
            Map<String, KeyUsage.Entry> usage = read(where);
            String format = "%-20s %-12s %-24s %8s %10s  %s%n";
            out.printf(format, "NAME", "ID", "PLAN", "USED", "REMAINING", "CREATED");
            for (ApiKeyStore.StoredKey k : store.keys()) {
                List<String> plans = k.plans().isEmpty() ? List.of("-") : k.plans();
                for (String plan : plans) {
                    KeyUsage.Entry e = usage.get(k.id() + "/" + plan);
                    out.printf(format, k.name(), k.id(), plan, e == null ? 0 : e.used(),
                            e == null || e.limit() == 0 ? "-" : e.remaining() + "/" + e.period(), k.created());
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "usage", mixinStandardHelpOptions = true,
            description = "Show each key's use of its plans: this period's count, the quota, when it resets, in all.")
    static final class Usage implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Only this key.")
        String name;

        @Mixin
        Where where;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Map<String, KeyUsage.Entry> usage = read(where);
            List<KeyUsage.Entry> shown = usage.values().stream().filter(e -> name == null || e.name().equals(name)).toList();
            if (shown.isEmpty()) {
                out.println(name == null ? "no key has been used yet" : "key " + name + " has not been used yet");
                return ExitCodes.OK;
            }
            for (KeyUsage.Entry e : shown) {
                out.println(e.name() + " (" + e.key() + "), plan " + e.plan() + ": " + e.used() + " this "
                        + e.period().toLowerCase(java.util.Locale.ROOT) + " (since " + e.periodStart() + ")"
                        + (e.limit() == 0 ? ", no quota" : " of " + e.limit() + ", " + e.remaining() + " left")
                        + "; " + e.total() + " in all");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "Make or change a usage plan, for a folder without a template (a template's plans win).")
    static final class Plan implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--rate", paramLabel = "RPS", description = "Requests per second per key (default: no throttle).")
        double rate;

        @Option(names = "--burst", paramLabel = "N", description = "Requests at once per key (default: the rate).")
        int burst;

        @Option(names = "--quota", paramLabel = "N", description = "Requests per period per key (default: none).")
        long quota;

        @Option(names = "--period", paramLabel = "PERIOD", defaultValue = "DAY",
                description = "DAY, WEEK or MONTH (default: ${DEFAULT-VALUE}).")
        String period;

        @Mixin
        Where where;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                UsagePlan plan = new UsagePlan(name, rate, burst, quota, period, List.of());
                where.store().putPlan(plan);
                spec.commandLine().getOut().println("usage " + plan.describe());
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
            return ExitCodes.OK;
        }
    }

    private static Map<String, KeyUsage.Entry> read(Where where) {
        try {
            return KeyUsage.read(where.stateDir());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }
}
