package dev.localfaas.cli;

import dev.localfaas.runtime.function.FunctionCatalog;
import dev.localfaas.runtime.function.FunctionDiscovery;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.QueueSpec;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code faas completion bash|zsh}: the shell completion script picocli makes from the command model, with the
 * function and queue names found in this folder's functions (so {@code faas invoke <TAB>} offers them).
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for faas: commands, options, and the function and queue names "
                + "found where it is run (in ./functions, ./target/function or . ; run it again after adding one)."},
        footer = {"", "Examples:", "  source <(faas completion bash)              # this shell",
            "  faas completion bash > ~/.local/share/bash-completion/completions/faas",
            "  faas completion zsh > \"${fpath[1]}/_faas\"   # or: source <(faas completion zsh) in ~/.zshrc"})
final class CompletionCommand implements Callable<Integer> {

    /** Where a project keeps its function JARs, looked at in this order. */
    private static final List<String> FUNCTION_DIRS = List.of("functions", "target/function", ".");

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw CliException.usage("no completion for shell " + shell + "; use bash or zsh");
        }
        // a fresh model, so the names found here do not change the command line that runs this command
        CommandLine faas = Faas.commandLine(new PrintStream(PrintStream.nullOutputStream()),
                new PrintStream(PrintStream.nullOutputStream()));
        FunctionCatalog catalog = catalogHere();
        Set<String> functions = new TreeSet<>(catalog.functions().stream().map(FunctionSpec::name).toList());
        Set<String> queues = new TreeSet<>();
        for (FunctionSpec function : catalog.functions()) {
            for (QueueSpec queue : function.queues()) {
                queues.add(queue.queue());
                if (queue.deadLetterQueue() != null && !queue.deadLetterQueue().isEmpty()) {
                    queues.add(queue.deadLetterQueue());
                }
            }
        }
        complete(faas.getSubcommands().get("invoke").getCommandSpec(), "FUNCTION", functions);
        complete(faas.getSubcommands().get("send").getCommandSpec(), "QUEUE", queues);
        String script = AutoComplete.bash("faas", faas);
        PrintWriter out = spec.commandLine().getOut();
        if (shell.equals("zsh")) {
            // picocli's script runs in zsh through bashcompinit, which it loads itself when it sees zsh
            out.println("# faas completion for zsh (bash-style, loaded through bashcompinit)");
        }
        out.print(script);
        out.flush();
        return ExitCodes.OK;
    }

    private static void complete(CommandSpec command, String label, Set<String> names) {
        if (names.isEmpty()) {
            return;
        }
        PositionalParamSpec old = command.positionalParameters().stream()
                .filter(p -> p.paramLabel().equals(label)).findFirst().orElseThrow();
        command.remove(old);
        command.addPositional(PositionalParamSpec.builder(old).completionCandidates(names).build());
    }

    private static FunctionCatalog catalogHere() {
        for (String dir : FUNCTION_DIRS) {
            Path path = Path.of(dir);
            if (Files.isDirectory(path)) {
                FunctionCatalog catalog = FunctionDiscovery.scan(path);
                if (!catalog.functions().isEmpty()) {
                    return catalog;
                }
            }
        }
        return new FunctionCatalog(List.of(), List.of());
    }
}
