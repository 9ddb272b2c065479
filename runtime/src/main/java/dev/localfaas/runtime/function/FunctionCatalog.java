package dev.localfaas.runtime.function;

import java.util.List;
import java.util.Optional;

/** The functions found in a directory, and the problems that kept others out. */
public record FunctionCatalog(List<FunctionSpec> functions, List<DiscoveryProblem> problems) {

    public FunctionCatalog {
        functions = List.copyOf(functions);
        problems = List.copyOf(problems);
    }

    public Optional<FunctionSpec> find(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
