package dev.localfaas.runtime.function;

import java.util.List;
import java.util.Optional;

/** The functions found in a directory, and the problems that kept others out. */
public record FunctionCatalog(List<FunctionSpec> functions, List<DiscoveryProblem> problems) {

    public FunctionCatalog {
        functions = List.copyOf(functions);
        problems = List.copyOf(problems);
    }

    /**
     * This catalog, with the functions that {@code previous} served from a package that is now an incomplete JAR
     * (being written slowly, or broken) kept in service, and the package's problem saying so. A build or copy that
     * pauses mid-file then never takes a function offline; the new version comes in once its JAR is whole.
     */
    public FunctionCatalog keepingLastGood(FunctionCatalog previous) {
        if (previous == null || problems.isEmpty()) {
            return this;
        }
        List<FunctionSpec> kept = new java.util.ArrayList<>(functions);
        List<DiscoveryProblem> told = new java.util.ArrayList<>();
        for (DiscoveryProblem problem : problems) {
            List<FunctionSpec> lastGood = previous.functions().stream()
                    .filter(f -> f.jar().equals(problem.jar()) && find(f.name()).isEmpty()).toList();
            if (lastGood.isEmpty() || !DeploymentPackage.isIncompleteJar(problem.jar())) {
                told.add(problem);
                continue;
            }
            kept.addAll(lastGood);
            told.add(new DiscoveryProblem(problem.jar(), problem.jar().getFileName() + ": not a complete JAR (still being"
                    + " written, or broken); the previous version of " + String.join(", ", lastGood.stream()
                    .map(FunctionSpec::name).toList()) + " keeps serving until it is a valid JAR"));
        }
        kept.sort(java.util.Comparator.comparing(FunctionSpec::name));
        return new FunctionCatalog(kept, told);
    }

    public Optional<FunctionSpec> find(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
