package dev.localfaas.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.execution.Invocation;
import dev.localfaas.runtime.execution.InvocationResult;
import dev.localfaas.runtime.execution.Outcome;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.execution.Trigger;
import dev.localfaas.runtime.function.DiscoveryProblem;
import dev.localfaas.runtime.function.FunctionCatalog;
import dev.localfaas.runtime.function.FunctionSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Directory deployment packages (an unzipped Lambda ZIP: classes at the root, dependencies in {@code lib/*.jar}),
 * built here from the sample JARs, discovered and invoked through the facade.
 */
class DirectoryPackageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path functions;

    @Test
    void classesAtTheRootWithDependenciesInLibAreDiscoveredAndInvoked() throws IOException {
        Path behaviour = behaviourDir("behaviour");
        Files.copy(Samples.functions().resolve("hello.jar"), functions.resolve("hello.jar"));
        try (LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(functions))) {
            FunctionCatalog catalog = faas.catalog();
            assertEquals(List.of(), catalog.problems());
            assertEquals(behaviour.toAbsolutePath().normalize(), catalog.find("env-probe").orElseThrow().jar());
            assertEquals(functions.resolve("hello.jar").toAbsolutePath().normalize(),
                    catalog.find("hello").orElseThrow().jar());

            // the handler interface and Context come from lib/dependencies.jar, the handler from the root
            JsonNode probe = invokeOk(faas, "env-probe", "{}");
            assertEquals("hi", probe.get("env").get("GREETING").asText());
            assertEquals(behaviour.toAbsolutePath().normalize().toString(),
                    probe.get("env").get("LAMBDA_TASK_ROOT").asText(), "the package root is the task root");
            assertEquals("env-probe", probe.get("context").get("functionName").asText());
            assertEquals("{\"message\":\"Hello, Ada!\"}", text(faas.invoke("hello", event("{\"name\":\"Ada\"}"))));
        }
    }

    @Test
    void runtimeClassesStayInvisibleToADirectoryPackage() throws IOException {
        behaviourDir("behaviour");
        try (LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(functions))) {
            JsonNode seen = invokeOk(faas, "isolation", "{}");
            assertEquals(5, seen.get("isolation").size());
            seen.get("isolation").fields().forEachRemaining(e -> assertEquals("ClassNotFoundException",
                    e.getValue().asText(), e.getKey() + " leaked into the function"));
            assertTrue(seen.get("contextClassLoaderIsFunctionLoader").asBoolean());
        }
    }

    @Test
    void aHandlerInsideALibJarIsFound() throws IOException {
        Path app = Files.createDirectories(functions.resolve("app/lib"));
        Files.copy(Samples.functions().resolve("hello.jar"), app.resolve("hello.jar"));
        try (LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(functions))) {
            assertEquals(functions.resolve("app").toAbsolutePath().normalize(),
                    faas.catalog().find("hello").orElseThrow().jar());
            assertEquals("{\"message\":\"Hello, world!\"}", text(faas.invoke("hello", event("{}"))));
        }
    }

    @Test
    void hiddenFoldersAndFoldersWithoutClassesOrLibAreNotPackages() throws IOException {
        Files.createDirectories(functions.resolve("events"));
        Files.writeString(functions.resolve("events/hello.json"), "{}");
        DirectoryPackages.explode(Samples.behaviourJar(), functions.resolve(".hidden"), n -> n.startsWith("fixtures/"));
        DirectoryPackages.explode(Samples.behaviourJar(), functions.resolve(".faas"), n -> n.startsWith("fixtures/"));
        Files.copy(Samples.functions().resolve("hello.jar"), functions.resolve("hello.jar"));
        try (LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(functions))) {
            assertEquals(List.of("hello"), faas.catalog().functions().stream().map(FunctionSpec::name).toList());
            assertEquals(List.of(), faas.catalog().problems());
        }
    }

    @Test
    void aBrokenLibJarIsNamedAndTheOtherClassesStillLoad() throws IOException {
        Path behaviour = behaviourDir("behaviour");
        DirectoryPackages.garbage(behaviour.resolve("lib/broken.jar"));
        try (LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(functions))) {
            assertEquals(List.of("behaviour/: lib/broken.jar is not a JAR (zip) file, so its classes are left out;"
                    + " rebuild it or remove it"), messages(faas.catalog()));
            assertEquals("hi", invokeOk(faas, "env-probe", "{}").get("env").get("GREETING").asText());
        }
    }

    @Test
    void aFolderWithoutFunctionsIsReportedByItsName() throws IOException {
        // only the dependencies: lib/ makes it a package, but nothing in it is a handler
        Path deps = DirectoryPackages.explode(Samples.functions().resolve("hello.jar"), functions.resolve("deps-only"),
                n -> n.startsWith("example/"));
        Files.delete(deps.resolve("example/Hello.class"));
        Files.delete(deps.resolve("example"));
        try (LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(functions))) {
            assertEquals(List.of("deps-only/: no function found: no public class implements RequestHandler or"
                    + " RequestStreamHandler and nothing is annotated @Function; add a handler or move the folder"
                    + " out of the functions folder"), messages(faas.catalog()));
        }
    }

    @Test
    void aNameDeclaredByAJarAndAFolderIsReportedWithBoth() throws IOException {
        DirectoryPackages.explode(Samples.functions().resolve("hello.jar"), functions.resolve("hello-dir"),
                n -> n.startsWith("example/"));
        Files.copy(Samples.functions().resolve("hello.jar"), functions.resolve("hello.jar"));
        try (LocalFaas faas = LocalFaas.open(RuntimeConfig.forDirectory(functions))) {
            assertEquals(List.of(), faas.catalog().functions());
            assertEquals(List.of(
                    "hello-dir/: class example.Hello: function name \"hello\" is also declared by hello.jar"
                            + " (class example.Hello); both are left out; give each a distinct name with"
                            + " @Function(name = \"...\")",
                    "hello.jar: class example.Hello: function name \"hello\" is also declared by hello-dir/"
                            + " (class example.Hello); both are left out; give each a distinct name with"
                            + " @Function(name = \"...\")"), messages(faas.catalog()));
        }
    }

    private Path behaviourDir(String name) {
        return DirectoryPackages.explode(Samples.behaviourJar(), functions.resolve(name),
                entry -> entry.startsWith("fixtures/"));
    }

    private static JsonNode invokeOk(LocalFaas faas, String function, String json) throws IOException {
        InvocationResult result = faas.invoke(function, event(json));
        assertEquals(Outcome.OK, result.outcome(), text(result));
        return JSON.readTree(result.payload());
    }

    private static Invocation event(String json) {
        return Invocation.of(json.getBytes(StandardCharsets.UTF_8), Trigger.CLI);
    }

    private static String text(InvocationResult result) {
        return new String(result.payload(), StandardCharsets.UTF_8);
    }

    private static List<String> messages(FunctionCatalog catalog) {
        return catalog.problems().stream().map(DiscoveryProblem::message).collect(Collectors.toList());
    }
}
