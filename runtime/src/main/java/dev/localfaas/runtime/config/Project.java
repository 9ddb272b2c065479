package dev.localfaas.runtime.config;

import dev.localfaas.runtime.function.FunctionCatalog;
import java.nio.file.Path;

/**
 * A project file read and checked: its model, and the functions it declares as the same {@code FunctionSpec}s
 * discovery produces, so that the engine, the gateway and the triggers serve it unchanged.
 *
 * @param events    the topics, subscriptions and rules it declares as resources, for publish/subscribe
 * @param directory the project's folder: CodeUri paths are relative to it, and state lives in its {@code .faas}
 */
public record Project(ProjectModel model, FunctionCatalog catalog, Path directory, TemplateEvents events) {

    public Project {
        events = events == null ? TemplateEvents.NONE : events;
    }
}
