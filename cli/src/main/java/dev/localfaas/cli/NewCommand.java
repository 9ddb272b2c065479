package dev.localfaas.cli;

import dev.localfaas.cli.scaffold.ProjectSpec;
import dev.localfaas.cli.scaffold.ProjectTrigger;
import dev.localfaas.cli.scaffold.ProjectWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faas new}: a ready Maven project for one Lambda function, built and served in two commands. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Create a Maven project for one AWS Lambda function in the folder NAME: the handler, a unit "
                + "test, a SAM template.yaml, a sample event and a README. `mvn package` builds the JAR to deploy; "
                + "`faas dev` serves it and recompiles on save."},
        footer = {"", "Examples:", "  faas new hello-api", "  faas new orders-worker --trigger queue --java 21",
            "  faas new nightly-report --trigger schedule --package com.acme.reports"})
final class NewCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME",
            description = "The function's name, also its folder: lower-case letters, digits and dashes.")
    String name;

    @Option(names = "--trigger", paramLabel = "TRIGGER", defaultValue = "http", converter = TriggerConverter.class,
            completionCandidates = TriggerConverter.Names.class,
            description = "What invokes it: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ProjectTrigger trigger;

    @Option(names = "--java", paramLabel = "VERSION", defaultValue = "17",
            description = "Java release to compile for: 17, 21 or 25 (default: ${DEFAULT-VALUE}).")
    int java;

    @Option(names = "--package", paramLabel = "PACKAGE", defaultValue = "com.example",
            description = "Java package of the handler (default: ${DEFAULT-VALUE}).")
    String packageName;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to create the project (default: ./NAME).")
    Path dir;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ProjectSpec project;
        try {
            project = new ProjectSpec(name, trigger, java, packageName);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        Path target = dir != null ? dir : Path.of(name);
        List<Path> files;
        try {
            files = ProjectWriter.write(project, target);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Created " + target + " (" + trigger.option() + " trigger, Java " + java + "):");
        files.forEach(f -> out.println("  " + f));
        out.println();
        out.println("Next:");
        out.println("  cd " + target);
        out.println("  mvn package          # builds target/function/" + name + ".jar and runs the test");
        out.println("  faas dev             # serves it, recompiling on every save");
        if (!trigger.served()) {
            out.println("localfaas does not deliver " + trigger.option() + " triggers yet: invoke it with "
                    + "faas invoke " + name + " --dir target/function --event events/" + trigger.eventFile());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code --trigger} values, lower-case as users type them. */
    static final class TriggerConverter implements picocli.CommandLine.ITypeConverter<ProjectTrigger> {
        @Override
        public ProjectTrigger convert(String value) {
            try {
                return ProjectTrigger.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }

        /** For help and shell completion. */
        static final class Names extends ArrayList<String> {
            Names() {
                super(Arrays.stream(ProjectTrigger.values()).map(ProjectTrigger::option).toList());
            }
        }
    }
}
