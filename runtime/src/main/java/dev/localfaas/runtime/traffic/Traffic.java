package dev.localfaas.runtime.traffic;

import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.execution.UnknownFunctionException;
import dev.localfaas.runtime.function.FunctionSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Versions and aliases of the functions, with Lambda's rules: publishing copies the package and configuration into
 * an immutable numbered version; an alias points to a version and may send a share of the calls to one more;
 * {@link #route} turns a call's qualifier into the version that runs it. Triggers other than the Invoke API target a
 * function's {@link #triggerAlias trigger alias} when it has one (SAM's {@code AutoPublishAlias} wiring).
 */
public final class Traffic {

    private static final Pattern ALIAS_NAME = Pattern.compile("(?!^[0-9]+$)[a-zA-Z0-9_-]{1,128}");
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,9}");

    private final Function<String, Optional<FunctionSpec>> latest;
    private final VersionStore versions;
    private final AliasStore aliases;
    private final Map<String, FunctionSpec> specs = new ConcurrentHashMap<>();
    private final Map<String, String> triggerAliases = new ConcurrentHashMap<>();
    private volatile Consumer<Alias> aliasChanged = alias -> { };

    /**
     * @param stateDir where versions live ({@code STATE/versions})
     * @param latest   the function's current ({@code $LATEST}) spec by name
     */
    public Traffic(Path stateDir, Function<String, Optional<FunctionSpec>> latest) {
        this.latest = latest;
        this.versions = new VersionStore(stateDir.resolve("versions"));
        this.aliases = new AliasStore(versions);
    }

    /**
     * Publishes the function's current package and configuration as a new version (or returns the newest one when
     * nothing changed since).
     */
    public PublishedVersion publish(String function, String description) {
        FunctionSpec spec = latest.apply(function).orElseThrow(() -> TrafficException.notFound("Function not found: "
                + function + "; see faas list for the functions served"));
        return versions.publish(spec, description);
    }

    public List<PublishedVersion> versions(String function) {
        requireFunction(function);
        return versions.list(function);
    }

    public Optional<PublishedVersion> version(String function, String number) {
        return NUMBER.matcher(number).matches() ? versions.get(function, Integer.parseInt(number)) : Optional.empty();
    }

    public Optional<PublishedVersion> newestVersion(String function) {
        return versions.newest(function);
    }

    public List<Alias> aliases(String function) {
        requireFunction(function);
        return aliases.list(function);
    }

    public Optional<Alias> alias(String function, String name) {
        return aliases.get(function, name);
    }

    /**
     * Creates or updates an alias: all calls to {@code version}, except the share {@code weights} gives one more
     * version. The switch is atomic: a call runs the old routing or the new one.
     *
     * @throws TrafficException naming what is wrong: an unknown function or version, a bad name or weight
     */
    public Alias setAlias(String function, String name, String version, Map<String, Double> weights,
                          String description) {
        requireFunction(function);
        if (!ALIAS_NAME.matcher(name).matches()) {
            throw TrafficException.invalid("alias name '" + name + "' must be 1 to 128 letters, digits, - or _, and "
                    + "not a number (numbers are versions)");
        }
        requireVersion(function, version);
        if (weights.size() > 1) {
            throw TrafficException.invalid("an alias routes to at most one additional version; " + weights.size()
                    + " given (" + String.join(", ", weights.keySet()) + ")");
        }
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            if (w.getKey().equals(Route.LATEST) || !NUMBER.matcher(w.getKey()).matches()) {
                throw TrafficException.invalid("the additional version of alias " + name + " must be a published "
                        + "version number, not " + w.getKey());
            }
            requireVersion(function, w.getKey());
            if (w.getKey().equals(version)) {
                throw TrafficException.invalid("alias " + name + " already points to version " + version
                        + "; the additional version must be another one");
            }
            if (w.getValue() == null || w.getValue() < 0 || w.getValue() > 1 || w.getValue().isNaN()) {
                throw TrafficException.invalid("the weight of version " + w.getKey() + " is " + w.getValue()
                        + "; use a share from 0.0 to 1.0, e.g. 0.1 for 10% of the calls");
            }
        }
        Alias alias = new Alias(function, name, version, description == null
                ? aliases.get(function, name).map(Alias::description).orElse("") : description,
                weights, UUID.randomUUID().toString());
        aliases.put(alias);
        aliasChanged.accept(alias);
        return alias;
    }

    public boolean deleteAlias(String function, String name) {
        return aliases.delete(function, name);
    }

    /** Told of every alias change (a deployment watches the alias it moves). */
    public void onAliasChange(Consumer<Alias> listener) {
        this.aliasChanged = listener;
    }

    /** Events, routes and queues of {@code function} now run {@code alias} (null: {@code $LATEST} again). */
    public void triggerAlias(String function, String alias) {
        if (alias == null) {
            triggerAliases.remove(function);
        } else {
            triggerAliases.put(function, alias);
        }
    }

    public Optional<String> triggerAlias(String function) {
        return Optional.ofNullable(triggerAliases.get(function));
    }

    /**
     * The version a call runs.
     *
     * @param qualifier the qualifier the caller named ({@code 3}, {@code live}, {@code $LATEST}), or null
     * @throws UnknownFunctionException when the function has no such version or alias
     */
    public Route route(String function, String qualifier, Trigger trigger) {
        String q = qualifier;
        if (q == null && trigger != Trigger.INVOKE && trigger != Trigger.CLI) {
            q = triggerAliases.get(function);
        }
        if (q == null) {
            return new Route(function, Route.LATEST, null, null);
        }
        if (q.equals(Route.LATEST)) {
            return new Route(function, Route.LATEST, null, q);
        }
        String version = q;
        if (!NUMBER.matcher(q).matches()) {
            Alias alias = aliases.get(function, q).orElseThrow(() -> new UnknownFunctionException(function, qualifier));
            version = alias.pick();
            if (version.equals(Route.LATEST)) {
                return new Route(function, Route.LATEST, null, q);
            }
        }
        return new Route(function, version, spec(function, version, qualifier), q);
    }

    /** Whether a call with this qualifier would find something to run. */
    public boolean resolves(String function, String qualifier) {
        if (latest.apply(function).isEmpty()) {
            return false;
        }
        if (qualifier == null || qualifier.equals(Route.LATEST)) {
            return true;
        }
        return NUMBER.matcher(qualifier).matches() ? version(function, qualifier).isPresent()
                : aliases.get(function, qualifier).isPresent();
    }

    private FunctionSpec spec(String function, String version, String qualifier) {
        String key = function + ":" + version;
        FunctionSpec known = specs.get(key);
        if (known != null) {
            return known;
        }
        PublishedVersion v = version(function, version)
                .orElseThrow(() -> new UnknownFunctionException(function, qualifier));
        return specs.computeIfAbsent(key, k -> v.spec());
    }

    private void requireFunction(String function) {
        if (latest.apply(function).isEmpty()) {
            throw TrafficException.notFound("Function not found: " + function + "; see faas list for the functions"
                    + " served");
        }
    }

    private void requireVersion(String function, String version) {
        if (version.equals(Route.LATEST)) {
            return;
        }
        if (!NUMBER.matcher(version).matches()) {
            throw TrafficException.invalid("version '" + version + "' is not a version number or $LATEST");
        }
        if (version(function, version).isEmpty()) {
            throw TrafficException.notFound("Function not found: " + function + ":" + version + "; publish it first"
                    + " (faas versions publish " + function + ")");
        }
    }
}
