package dev.localfaas.runtime.metering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The prices every report is computed from: data, not code. The built-in book is the resource
 * {@code price-book.json}; a user's file replaces the providers it names (docs/pricing.md).
 *
 * @param origin where it came from ("built-in", or the files read)
 */
public record PriceBook(String origin, List<Provider> providers) {

    /** What {@code --provider} takes to mean every provider in the book. */
    public static final String ALL = "all";
    private static final String RESOURCE = "price-book.json";

    public PriceBook {
        providers = List.copyOf(providers);
    }

    public static PriceBook builtIn() {
        try (InputStream in = PriceBook.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from faas-runtime");
            }
            return PriceBookParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a price book file; every problem is a {@link PriceBookException} naming the file and the field. */
    public static PriceBook load(Path file) {
        try {
            return PriceBookParser.parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new PriceBookException(file + ": no such price book file; give the path of a JSON price book "
                    + "(see docs/pricing.md)");
        } catch (IOException e) {
            throw new PriceBookException(file + ": cannot be read (" + e.getMessage() + "); check the path and its "
                    + "permissions");
        }
    }

    /** The built-in book with {@code overrides}' providers replacing or joining the ones with the same id. */
    public PriceBook overriddenBy(PriceBook overrides) {
        Map<String, Provider> merged = new LinkedHashMap<>();
        providers.forEach(p -> merged.put(p.id(), p));
        overrides.providers().forEach(p -> merged.put(p.id(), p));
        return new PriceBook(origin + " + " + overrides.origin(), new ArrayList<>(merged.values()));
    }

    public Optional<Provider> provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * The providers a report shows, in book order: every one when none are named or for {@value #ALL} (the
     * comparison is the point), else the named ones, where a name is a provider id or a group ({@code aws},
     * {@code azure}, {@code google}, {@code cloudflare}, {@code vercel}, {@code container}).
     */
    public List<Provider> select(Collection<String> ids) {
        if (ids.isEmpty() || ids.contains(ALL)) {
            return providers;
        }
        for (String id : ids) {
            if (provider(id).isEmpty() && providers.stream().noneMatch(p -> p.group().equals(id))) {
                throw new PriceBookException("unknown provider '" + id + "'; choose from " + ids() + ", a group ("
                        + groups() + ") or " + ALL);
            }
        }
        return providers.stream().filter(p -> ids.contains(p.id()) || ids.contains(p.group())).toList();
    }

    /** The groups {@code --provider} accepts, in book order. */
    public String groups() {
        return providers.stream().map(Provider::group).distinct().collect(Collectors.joining(", "));
    }

    public String ids() {
        return providers.stream().map(Provider::id).collect(Collectors.joining(", "));
    }
}
