package dev.localfaas.runtime.config;

import java.util.List;

/** A project file that cannot be served: every problem found, one line each, in file order. */
public final class TemplateException extends RuntimeException {
    private final List<TemplateProblem> problems;

    public TemplateException(List<TemplateProblem> problems) {
        super(problems.isEmpty() ? "invalid template" : problems.get(0).toString()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<TemplateProblem> problems() {
        return problems;
    }
}
