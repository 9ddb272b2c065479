package dev.localfaas.runtime.config;

import dev.localfaas.runtime.config.yaml.Position;

/**
 * One thing wrong with a project file, printed as {@code file:line:column: LogicalId: problem; fix}.
 *
 * @param logicalId the resource (or section, such as {@code Parameters}) it is about; "" for the file as a whole
 */
public record TemplateProblem(Position position, String logicalId, String message) {

    @Override
    public String toString() {
        return position + ": " + (logicalId.isEmpty() ? "" : logicalId + ": ") + message;
    }
}
