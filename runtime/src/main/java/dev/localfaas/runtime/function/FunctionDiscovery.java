package dev.localfaas.runtime.function;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Finds the functions in a directory. Every {@code *.jar} directly in it is a deployment package, and so is every
 * sub-directory laid out like an unzipped Lambda ZIP (classes at its root, dependencies in {@code lib/*.jar}); each
 * package is scanned on its own ({@link DeploymentPackage#in}).
 *
 * <p>A function is a public concrete class implementing {@code RequestHandler} or {@code RequestStreamHandler}, or a
 * class or public method annotated {@code @Function}. Nothing is loaded: handler types and annotations are read from
 * bytecode by name, so the runtime needs neither the AWS libraries nor faas-api. A package or handler that the Lambda
 * runtime could not use becomes a {@link DiscoveryProblem}; every other function is still found.
 */
public final class FunctionDiscovery {

    private FunctionDiscovery() {
    }

    /**
     * Scans {@code dir}.
     *
     * @throws IllegalArgumentException if {@code dir} is not a directory
     * @throws UncheckedIOException     if the directory cannot be listed
     */
    public static FunctionCatalog scan(Path dir) {
        requireDirectory(dir);
        return catalog(DeploymentPackage.in(dir));
    }

    /**
     * Scans only the packages of {@code dir} that could declare a function named {@code name} ({@link NameProbe}), for
     * a command that needs that one function: the answer for {@code name} is the one {@link #scan} gives — found,
     * with the same spec, or left out as a duplicate — while other functions may be missing. When {@code name} is not
     * found, the whole directory is scanned, so that the catalog lists the functions and problems that explain why.
     *
     * @throws IllegalArgumentException if {@code dir} is not a directory
     * @throws UncheckedIOException     if the directory cannot be listed
     */
    public static FunctionCatalog scanFor(Path dir, String name) {
        requireDirectory(dir);
        List<Path> packages = DeploymentPackage.in(dir);
        FunctionCatalog some = catalog(packages.stream().filter(p -> NameProbe.mayDeclare(p, name)).toList());
        return some.find(name).isPresent() ? some : catalog(packages);
    }

    private static void requireDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no such directory: " + dir);
        }
    }

    private static FunctionCatalog catalog(List<Path> packages) {
        List<FunctionSpec> found = new ArrayList<>();
        List<DiscoveryProblem> problems = new ArrayList<>();
        for (JarScanner.Result result : scanAll(packages)) {
            found.addAll(result.functions());
            problems.addAll(result.problems());
        }
        List<FunctionSpec> functions = withoutDuplicateNames(found, problems);
        functions.sort(Comparator.comparing(FunctionSpec::name));
        problems.sort(Comparator.comparing((DiscoveryProblem p) -> p.jar().getFileName().toString())
                .thenComparing(DiscoveryProblem::message));
        return new FunctionCatalog(functions, problems);
    }

    /** Packages are independent, so they are scanned side by side; results keep the order of {@code jars}. */
    private static List<JarScanner.Result> scanAll(List<Path> jars) {
        int threads = Math.min(jars.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            return jars.stream().map(JarScanner::scan).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "faas-discovery");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<JarScanner.Result>> results = new ArrayList<>();
            for (Path jar : jars) {
                results.add(pool.submit(() -> JarScanner.scan(jar)));
            }
            List<JarScanner.Result> done = new ArrayList<>();
            for (Future<JarScanner.Result> result : results) {
                done.add(result.get());
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("discovery interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A name used twice is ambiguous for every trigger. A holder that is its package's only function and is named
     * after its class (SAM's starter names every handler {@code helloworld.App}) takes its package's name instead
     * ({@link PackageNames}); every holder of a name still shared is left out, each with a problem.
     */
    private static List<FunctionSpec> withoutDuplicateNames(List<FunctionSpec> found, List<DiscoveryProblem> problems) {
        Set<FunctionSpec> renamed = new HashSet<>();
        found = namedAfterPackageOnClash(found, renamed);
        Map<String, List<FunctionSpec>> byName = found.stream()
                .collect(Collectors.groupingBy(FunctionSpec::name, LinkedHashMap::new, Collectors.toList()));
        List<FunctionSpec> unique = new ArrayList<>();
        for (List<FunctionSpec> holders : byName.values()) {
            if (holders.size() == 1) {
                unique.add(holders.get(0));
                continue;
            }
            for (FunctionSpec holder : holders) {
                String others = holders.stream().filter(h -> h != holder)
                        .map(h -> file(h) + " (" + subject(h) + ")")
                        .collect(Collectors.joining(" and "));
                problems.add(new DiscoveryProblem(holder.jar(), file(holder) + ": " + subject(holder)
                        + ": function name \"" + holder.name() + "\" is also declared by " + others + "; "
                        + (holders.size() == 2 ? "both are" : "all " + holders.size() + " are")
                        + " left out; " + (renamed.contains(holder) ? "rename one of the JARs (a function is named after its JAR"
                                + " when its class name is taken) or give each" : "give each")
                        + " a distinct name with @Function(name = \"...\")"));
            }
        }
        return unique;
    }

    private static List<FunctionSpec> namedAfterPackageOnClash(List<FunctionSpec> found, Set<FunctionSpec> renamed) {
        Map<String, Long> byName = found.stream()
                .collect(Collectors.groupingBy(FunctionSpec::name, Collectors.counting()));
        Map<Path, Long> byPackage = found.stream()
                .collect(Collectors.groupingBy(FunctionSpec::jar, Collectors.counting()));
        List<FunctionSpec> named = new ArrayList<>();
        for (FunctionSpec f : found) {
            boolean classNamed = f.name().equals(simpleName(f.handlerClass()));
            if (byName.get(f.name()) > 1 && classNamed && byPackage.get(f.jar()) == 1) {
                f = f.withName(PackageNames.functionName(f.jar()));
                renamed.add(f);
            }
            named.add(f);
        }
        return named;
    }

    private static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }

    private static String file(FunctionSpec spec) {
        return DeploymentPackage.label(spec.jar());
    }

    private static String subject(FunctionSpec spec) {
        return (spec.handlerMethod().isPresent() ? "method " : "class ") + spec.handler();
    }
}
