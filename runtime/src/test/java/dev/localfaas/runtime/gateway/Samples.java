package dev.localfaas.runtime.gateway;

import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.HttpRoute;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The sample and fixture JARs built by the sample-functions module, described as discovery would describe them.
 */
final class Samples {

    static final String MAP = "java.util.Map";
    static final String V2_EVENT = "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent";
    static final String V1_EVENT = PayloadFormat.REST_EVENT_TYPE;
    static final String STREAM = "java.io.InputStream";

    private Samples() {
    }

    static Path functions() {
        Path dir = Path.of(System.getProperty("faas.samples.dir", "../sample-functions/target/functions"));
        if (!Files.isRegularFile(dir.resolve("hello.jar"))) {
            throw new IllegalStateException(dir + " has no sample JARs; build them first: mvn -B package -DskipTests");
        }
        return dir;
    }

    static Path testFunctions() {
        return functions().resolveSibling("test-functions");
    }

    static FunctionSpec spec(String name, Path jar, String handler, String inputType, int timeoutSeconds,
                             int concurrency, List<HttpRoute> routes) {
        return new FunctionSpec(name, jar, handler, 128, timeoutSeconds, concurrency, Map.of(), inputType, routes,
                List.of(), List.of());
    }

    static FunctionSpec hello() {
        return spec("hello", functions().resolve("hello.jar"), "example.Hello", MAP, 3, 0, List.of());
    }

    static FunctionSpec usersApi() {
        return spec("users-api", functions().resolve("users-api.jar"), "example.UsersApi", V2_EVENT, 3, 0,
                List.of(new HttpRoute("GET", "/users/{id}")));
    }

    static FunctionSpec ordersRest() {
        return spec("orders-rest", functions().resolve("orders-rest.jar"), "example.OrdersRest", V1_EVENT, 3, 0,
                List.of(new HttpRoute("POST", "/orders")));
    }

    static FunctionSpec behaviour(String name, String handler, int timeoutSeconds, int concurrency) {
        return spec(name, testFunctions().resolve("fixtures-behaviour.jar"), handler, MAP, timeoutSeconds, concurrency,
                List.of());
    }

    static FunctionSpec thrower() {
        return behaviour("thrower", "fixtures.behaviour.Thrower", 3, 0);
    }

    static FunctionSpec sleeper() {
        return behaviour("sleeper", "fixtures.behaviour.Sleeper", 1, 2);
    }

    static FunctionSpec events(String name, String handler, String inputType) {
        return spec(name, testFunctions().resolve("fixtures-events.jar"), handler, inputType, 3, 0, List.of());
    }

    static FunctionSpec echoHttp() {
        return events("echo-http", "fixtures.events.EchoHttp", V2_EVENT);
    }

    static FunctionSpec echoRest() {
        return events("echo-rest", "fixtures.events.EchoRest", V1_EVENT);
    }

    static FunctionSpec httpResponse() {
        return events("http-response", "fixtures.events.HttpResponse", MAP);
    }
}
