package dev.localfaas.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.HttpRoute;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

    static FunctionSpec fn(String name, HttpRoute... routes) {
        return new FunctionSpec(name, Path.of(name + ".jar"), "example.X", 128, 3, 0, Map.of(), "java.util.Map",
                List.of(routes), List.of(), List.of());
    }

    static HttpRoute r(String method, String path) {
        return new HttpRoute(method, path);
    }

    private static String route(Router router, String method, String path) {
        return router.match(method, path).map(m -> m.function().name() + " " + m.routeKey()).orElse("none");
    }

    @Test
    void literalBeatsParameterBeatsGreedy() {
        Router router = Router.build(List.of(
                fn("me", r("GET", "/users/me")),
                fn("user", r("GET", "/users/{id}")),
                fn("any", r("ANY", "/{proxy+}"))));
        assertEquals("me GET /users/me", route(router, "GET", "/users/me"));
        assertEquals("user GET /users/{id}", route(router, "GET", "/users/42"));
        assertEquals("any ANY /{proxy+}", route(router, "GET", "/users/42/orders"));
        assertEquals("any ANY /{proxy+}", route(router, "POST", "/users/42"));
    }

    @Test
    void namedMethodBeatsAnyOnTheSamePath() {
        Router router = Router.build(List.of(fn("get", r("GET", "/items")), fn("other", r("ANY", "/items"))));
        assertEquals("get GET /items", route(router, "GET", "/items"));
        assertEquals("other ANY /items", route(router, "DELETE", "/items"));
    }

    @Test
    void greedyVariableBindsTheRestOfThePathAndNeedsOneSegment() {
        Router router = Router.build(List.of(fn("files", r("GET", "/files/{proxy+}"))));
        RouteMatch m = router.match("GET", "/files/a/b/c.txt").orElseThrow();
        assertEquals(Map.of("proxy", "a/b/c.txt"), m.pathParameters());
        assertTrue(router.match("GET", "/files").isEmpty());
        assertTrue(router.match("GET", "/files/").isEmpty());
    }

    @Test
    void parametersBindAndTrailingSlashIsIgnored() {
        Router router = Router.build(List.of(fn("o", r("GET", "/users/{userId}/orders/{orderId}"))));
        assertEquals(Map.of("userId", "7", "orderId", "9"),
                router.match("GET", "/users/7/orders/9/").orElseThrow().pathParameters());
        assertTrue(router.match("GET", "/users/7/orders").isEmpty());
        assertTrue(router.match("POST", "/users/7/orders/9").isEmpty());
    }

    @Test
    void functionWithoutTriggerGetsItsNameAndEverythingBelow() {
        Router router = Router.build(List.of(fn("hello")));
        assertEquals("hello ANY /hello", route(router, "POST", "/hello"));
        assertEquals("hello ANY /hello/{proxy+}", route(router, "GET", "/hello/a/b"));
        assertEquals(2, router.entries().stream().filter(RouteEntry::implicit).count());
    }

    @Test
    void functionTriggeredOnlyByAScheduleOrAQueueGetsNoHttpRoute() {
        FunctionSpec tick = new FunctionSpec("tick", Path.of("tick.jar"), "example.Tick", 128, 3, 0, Map.of(), "",
                List.of(), List.of(new dev.localfaas.runtime.function.ScheduleSpec("rate(1 minute)", "", true)), List.of());
        FunctionSpec worker = new FunctionSpec("worker", Path.of("worker.jar"), "example.W", 128, 3, 0, Map.of(), "",
                List.of(), List.of(), List.of(new dev.localfaas.runtime.function.QueueSpec("q", 10, 0, 0, "", 30)));
        Router router = Router.build(List.of(tick, worker));
        assertEquals("none", route(router, "GET", "/tick"));
        assertEquals("none", route(router, "POST", "/worker"));
        assertEquals(0, router.entries().size());
    }

    @Test
    void conflictingRoutesNameBothFunctions() {
        GatewayException e = assertThrows(GatewayException.class, () -> Router.build(List.of(
                fn("users-a", r("GET", "/users/{id}")), fn("users-b", r("GET", "/users/{name}")))));
        assertEquals("route GET /users/{name} of users-b conflicts with GET /users/{id} of users-a; "
                + "change the method or path of one of them", e.getMessage());
    }

    @Test
    void declaredRouteConflictsWithAnotherFunctionsImplicitRoute() {
        GatewayException e = assertThrows(GatewayException.class, () -> Router.build(List.of(
                fn("hello"), fn("other", r("ANY", "/hello")))));
        assertEquals("route ANY /hello of other conflicts with ANY /hello of hello; "
                + "change the method or path of one of them", e.getMessage());
    }

    @Test
    void sameShapeWithDifferentMethodsIsNoConflict() {
        Router router = Router.build(List.of(fn("a", r("GET", "/x/{id}")), fn("b", r("POST", "/x/{id}"))));
        assertEquals("b POST /x/{id}", route(router, "POST", "/x/1"));
    }

    @Test
    void routesUnderTheGatewaysOwnPathsAreRefused() {
        GatewayException e = assertThrows(GatewayException.class,
                () -> Router.build(List.of(fn("sneaky", r("GET", "/_faas/health")))));
        assertEquals("sneaky: route GET /_faas/health is under /_faas/, which the gateway itself serves; "
                + "choose another path", e.getMessage());
    }

    @Test
    void malformedRoutesSayWhatToWrite() {
        assertEquals("f: route FETCH /x: unknown method; use one of GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS or ANY",
                assertThrows(GatewayException.class, () -> Router.build(List.of(fn("f", r("FETCH", "/x"))))).getMessage());
        assertEquals("f: route GET x/y: a path must start with '/'; write /x/y",
                assertThrows(GatewayException.class, () -> Router.build(List.of(fn("f", r("GET", "x/y"))))).getMessage());
        assertEquals("f: route GET /{proxy+}/x: a greedy variable {proxy+} must be the last segment",
                assertThrows(GatewayException.class, () -> Router.build(List.of(fn("f", r("GET", "/{proxy+}/x"))))).getMessage());
        assertEquals("f: route GET /a{b}: a path variable must be a whole segment such as {id}",
                assertThrows(GatewayException.class, () -> Router.build(List.of(fn("f", r("GET", "/a{b}"))))).getMessage());
        assertEquals("f: route GET /a//b: empty path segment; remove the doubled '/'",
                assertThrows(GatewayException.class, () -> Router.build(List.of(fn("f", r("GET", "/a//b"))))).getMessage());
    }

    @Test
    void rootRouteMatchesOnlyTheRoot() {
        Router router = Router.build(List.of(fn("root", r("GET", "/"))));
        assertEquals("root GET /", route(router, "GET", "/"));
        assertTrue(router.match("GET", "/x").isEmpty());
    }
}
