package dev.localfaas.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The workload that the {@code faas} launcher records into a class-data-sharing archive (JDK AppCDS): the commands
 * users start most, run on the bundled samples with every output discarded and state in a temporary folder, so that
 * the archive holds the classes those commands load and later commands map them instead of reading, parsing and
 * verifying them again.
 *
 * <p>The launcher runs it in a JVM of its own ({@code -XX:ArchiveClassesAtExit}) and ignores its output and exit
 * code, so that recording the archive can never disturb a user's command: a JVM that fails to write an archive
 * exits with status 1 and prints on standard output, which would corrupt a command's result.
 */
public final class ClassDataTraining {

    private ClassDataTraining() {
    }

    /** {@code args[0]}: the samples folder (optional; without it only the command-line layer is recorded). */
    public static void main(String[] args) throws IOException {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        Faas.run(new String[] {"--help"}, nowhere, nowhere);
        Faas.run(new String[] {"invoke", "--help"}, nowhere, nowhere);
        if (args.length > 0 && Files.isDirectory(Path.of(args[0]))) {
            Path state = Files.createTempDirectory("faas-class-data");
            try {
                Faas.run(new String[] {"list", "--dir", args[0]}, nowhere, nowhere);
                Faas.run(new String[] {"invoke", "hello", "--dir", args[0], "--state-dir", state.toString()},
                        nowhere, nowhere);
            } finally {
                deleteTree(state);
            }
        }
        System.exit(0); // like Main, so that lingering daemon threads never delay writing the archive
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
