package dev.localfaas.runtime.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.DirectoryPackages;
import dev.localfaas.runtime.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FunctionDiscovery#scanFor}: only the packages that could declare a name are scanned, with scan's answer. */
class FocusedDiscoveryTest {

    private static FunctionCatalog full;

    @TempDir
    Path dir;

    @BeforeAll
    static void scanEverything() {
        full = FunctionDiscovery.scan(Samples.functions());
    }

    @Test
    void everySampleIsFoundWithTheSpecAFullScanGives() {
        for (FunctionSpec expected : full.functions()) {
            FunctionCatalog focused = FunctionDiscovery.scanFor(Samples.functions(), expected.name());
            assertEquals(expected, focused.find(expected.name()).orElseThrow(), expected.name());
        }
    }

    @Test
    void packagesThatCannotDeclareTheNameAreNotScanned() {
        FunctionCatalog focused = FunctionDiscovery.scanFor(Samples.functions(), "tick");
        assertEquals(List.of("tick"), focused.functions().stream().map(FunctionSpec::name).toList());
        // greeter's code says "hello" too: a package that merely mentions the name is scanned, and harmlessly so
        assertEquals(List.of("greeter", "hello"),
                FunctionDiscovery.scanFor(Samples.functions(), "hello").functions().stream().map(FunctionSpec::name).toList());
    }

    @Test
    void anUnknownNameGivesTheFullCatalogSoTheErrorCanListTheKnownFunctions() {
        assertEquals(full, FunctionDiscovery.scanFor(Samples.functions(), "nope"));
    }

    @Test
    void aNameDeclaredTwiceIsLeftOutAsAFullScanLeavesItOut() throws IOException {
        Files.copy(Samples.functions().resolve("hello.jar"), dir.resolve("hello.jar"));
        Files.copy(Samples.functions().resolve("tick.jar"), dir.resolve("tick.jar"));
        DirectoryPackages.explode(Samples.functions().resolve("hello.jar"), dir.resolve("again"),
                n -> n.startsWith("example/"));
        FunctionCatalog focused = FunctionDiscovery.scanFor(dir, "hello");
        assertEquals(FunctionDiscovery.scan(dir), focused);
        assertEquals(List.of("tick"), focused.functions().stream().map(FunctionSpec::name).toList());
        assertEquals(2, focused.problems().size());
    }

    @Test
    void theProbeAnswersFromClassBytesAndSkipsLibraryPackages() throws IOException {
        Path hello = Samples.functions().resolve("hello.jar");
        assertTrue(NameProbe.mayDeclare(hello, "hello"), "the @Function name");
        assertTrue(NameProbe.mayDeclare(hello, "Hello"), "the class's simple name");
        assertFalse(NameProbe.mayDeclare(hello, "tick"));
        // a class of Joda-Time, which the JAR bundles in a package that discovery never reads
        assertFalse(NameProbe.mayDeclare(hello, "ISOChronology"));
        assertTrue(NameProbe.mayDeclare(hello, "h\u00e9llo"), "unsure beyond ASCII: scan");
        Path dirPackage = DirectoryPackages.explode(hello, dir.resolve("hello-dir"), n -> n.startsWith("example/"));
        assertTrue(NameProbe.mayDeclare(dirPackage, "hello"));
        assertFalse(NameProbe.mayDeclare(dirPackage, "tick"));
        assertTrue(NameProbe.mayDeclare(DirectoryPackages.garbage(dir.resolve("broken.jar")), "tick"),
                "unreadable: scan, and let the scan report it");
    }
}
