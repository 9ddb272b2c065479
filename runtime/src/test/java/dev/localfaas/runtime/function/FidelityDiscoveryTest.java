package dev.localfaas.runtime.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, points 2 and 3: handlers in {@code com.amazonaws.serverless.sample} packages are found, and two JARs whose
 * handler classes share a simple name (SAM's {@code helloworld.App}) are named after their JARs.
 */
class FidelityDiscoveryTest {

    static final Path TEST_FUNCTIONS = FunctionDiscoveryTest.TEST_FUNCTIONS;
    static final Path CLASHES = FunctionDiscoveryTest.SAMPLES.resolveSibling("clash-functions");

    @Test
    void handlersInAUserPackageUnderComAmazonawsAreFound() {
        FunctionCatalog catalog = FunctionDiscovery.scan(TEST_FUNCTIONS);
        assertEquals("com.amazonaws.serverless.sample.fixture.StreamLambdaHandler",
                catalog.find("StreamLambdaHandler").orElseThrow().handler(), "found by its interface, unannotated");
        assertEquals("com.amazonaws.serverless.sample.fixture.Annotated",
                catalog.find("container-annotated").orElseThrow().handler(), "found by @Function");
        assertTrue(catalog.functions().stream().noneMatch(f -> f.handler().startsWith("com.amazonaws.serverless.proxy")),
                "the adapter library itself is not a function");
    }

    @Test
    void twoJarsWithTheSameHandlerClassAreNamedAfterTheirJars() {
        FunctionCatalog catalog = FunctionDiscovery.scan(CLASHES);
        assertEquals(List.of(), catalog.problems());
        assertEquals(List.of("goodbye-world", "hello-world"), catalog.functions().stream().map(FunctionSpec::name).toList());
        assertEquals("helloworld.App", catalog.find("hello-world").orElseThrow().handler());
        assertEquals("hello-world-1.0.jar", catalog.find("hello-world").orElseThrow().jar().getFileName().toString());
        assertTrue(FunctionDiscovery.scanFor(CLASHES, "goodbye-world").find("goodbye-world").isPresent());
    }

    @Test
    void aClashThatRemainsNamesBothJarsAndTheFixWhileTheRestServe(@TempDir Path dir) throws IOException {
        Files.copy(CLASHES.resolve("hello-world-1.0.jar"), dir.resolve("hello-world-1.0.jar"));
        Files.copy(CLASHES.resolve("hello-world-1.0.jar"), dir.resolve("hello-world-2.0.jar"));
        Files.copy(CLASHES.resolve("goodbye-world-1.0.jar"), dir.resolve("goodbye-world-1.0.jar"));
        FunctionCatalog catalog = FunctionDiscovery.scan(dir);
        assertEquals(List.of("goodbye-world"), catalog.functions().stream().map(FunctionSpec::name).toList());
        assertEquals("hello-world-1.0.jar: class helloworld.App: function name \"hello-world\" is also declared by"
                + " hello-world-2.0.jar (class helloworld.App); both are left out; rename one of the JARs (a function is"
                + " named after its JAR when its class name is taken) or give each a distinct name with"
                + " @Function(name = \"...\")", catalog.problems().get(0).message());
        assertEquals(2, catalog.problems().size());
    }

    @Test
    void aJarNameLosesItsExtensionAndVersion() {
        assertEquals("hello-world", PackageNames.functionName(Path.of("hello-world-1.0.jar")));
        assertEquals("orders", PackageNames.functionName(Path.of("orders-2.3.1-SNAPSHOT.jar")));
        assertEquals("HelloWorldFunction", PackageNames.functionName(Path.of("HelloWorldFunction-1.0.jar")));
        assertEquals("app", PackageNames.functionName(Path.of("app.jar")));
        assertEquals("my-fn", PackageNames.functionName(Path.of("my.fn_v2.jar")));
        assertEquals("orders", PackageNames.functionName(Path.of("orders")));
    }
}
