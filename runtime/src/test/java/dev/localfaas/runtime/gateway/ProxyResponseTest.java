package dev.localfaas.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Function responses mapped to HTTP as API Gateway maps them, and the ones it refuses. */
class ProxyResponseTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> values(ProxyResponse r, String name) {
        return r.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    @Test
    void restResponseFromTheEventsLibraryTests() {
        // aws-lambda-java-tests response/apigw_proxy_response.json (lambda-contract.md 7.1)
        ProxyResponse r = RestApiResponse.map(b("""
                {"statusCode":200,"headers":{"Content-Type":"application/json","X-Custom-Header":"custom-value"},
                 "multiValueHeaders":{"Set-Cookie":["cookie1=value1","cookie2=value2"]},
                 "body":"{\\"message\\":\\"Hello from Lambda\\"}","isBase64Encoded":false}"""));
        assertEquals(200, r.status());
        assertEquals(List.of("application/json"), values(r, "content-type"));
        assertEquals(List.of("custom-value"), values(r, "x-custom-header"));
        assertEquals(List.of("cookie1=value1", "cookie2=value2"), values(r, "set-cookie"));
        assertEquals("{\"message\":\"Hello from Lambda\"}", new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void restMultiValueHeadersWinOverSingleOnes() {
        ProxyResponse r = RestApiResponse.map(b("""
                {"statusCode":201,"headers":{"X-A":"single"},"multiValueHeaders":{"x-a":["m1","m2"]},"body":null}"""));
        assertEquals(List.of("m1", "m2"), values(r, "x-a"));
        assertEquals(List.of("application/json"), values(r, "content-type"));
        assertEquals(0, r.body().length);
    }

    @Test
    void base64BodiesAreDecoded() {
        ProxyResponse r = HttpApiResponse.map(b("""
                {"statusCode":200,"headers":{"content-type":"image/png"},"body":"AAEC/w==","isBase64Encoded":true}"""));
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, r.body());
    }

    @Test
    void httpApiCookiesBecomeSetCookieHeadersAndTextIsTheDefault() {
        ProxyResponse r = HttpApiResponse.map(b("""
                {"statusCode":302,"cookies":["a=1; Path=/","b=2"],"headers":{"Location":"/x"},"body":""}"""));
        assertEquals(302, r.status());
        assertEquals(List.of("a=1; Path=/", "b=2"), values(r, "set-cookie"));
        assertEquals(List.of("text/plain; charset=utf-8"), values(r, "content-type"));
    }

    @Test
    void httpApiResponseWithoutStatusCodeIsA200JsonBody() {
        ProxyResponse object = HttpApiResponse.map(b("{ \"message\": \"Hello from Lambda!\" }"));
        assertEquals(200, object.status());
        assertEquals(List.of("application/json"), values(object, "content-type"));
        assertEquals("{ \"message\": \"Hello from Lambda!\" }", new String(object.body(), StandardCharsets.UTF_8));
        ProxyResponse string = HttpApiResponse.map(b("\"Hello from Lambda!\""));
        assertEquals("Hello from Lambda!", new String(string.body(), StandardCharsets.UTF_8));
    }

    @Test
    void onlyATopLevelStatusCodeMakesAnHttpApiResponseTheFullForm() {
        ProxyResponse nested = HttpApiResponse.map(b("{\"result\":{\"statusCode\":500},\"list\":[1,{\"a\":null}]}"));
        assertEquals(200, nested.status());
        assertEquals("{\"result\":{\"statusCode\":500},\"list\":[1,{\"a\":null}]}",
                new String(nested.body(), StandardCharsets.UTF_8));
        assertEquals(201, HttpApiResponse.map(b("{\"body\":\"x\",\"statusCode\":201}")).status());
        assertEquals("[1,2]", new String(HttpApiResponse.map(b("[1,2]")).body(), StandardCharsets.UTF_8));
        assertEquals("the function's response is not JSON",
                assertThrows(MalformedResponseException.class, () -> HttpApiResponse.map(b("{\"a\":1} {}"))).getMessage());
        assertEquals("the function's response is not JSON",
                assertThrows(MalformedResponseException.class, () -> HttpApiResponse.map(b("{\"a\":[1}"))).getMessage());
        assertEquals("the function returned an empty response",
                assertThrows(MalformedResponseException.class, () -> HttpApiResponse.map(b(" \n "))).getMessage());
    }

    @Test
    void headersTheGatewayComputesAreNotTakenFromTheFunction() {
        ProxyResponse r = HttpApiResponse.map(b("""
                {"statusCode":200,"headers":{"Content-Length":"999","Transfer-Encoding":"chunked"},"body":"hi"}"""));
        assertEquals(List.of(), values(r, "content-length"));
        assertEquals(List.of(), values(r, "transfer-encoding"));
    }

    @Test
    void responsesApiGatewayWouldRefuse() {
        assertEquals("unexpected field 'message'; a REST API proxy response has only statusCode, headers, "
                        + "multiValueHeaders, body and isBase64Encoded",
                assertThrows(MalformedResponseException.class,
                        () -> RestApiResponse.map(b("{\"statusCode\":200,\"message\":\"hi\"}"))).getMessage());
        assertEquals("statusCode must be an HTTP status number, got null",
                assertThrows(MalformedResponseException.class,
                        () -> RestApiResponse.map(b("{\"body\":\"hi\"}"))).getMessage());
        assertEquals("a REST API (payload 1.0) response must be an object with statusCode and body",
                assertThrows(MalformedResponseException.class, () -> RestApiResponse.map(b("\"hi\""))).getMessage());
        assertEquals("body must be a string, got object; serialize it to a JSON string first",
                assertThrows(MalformedResponseException.class,
                        () -> HttpApiResponse.map(b("{\"statusCode\":200,\"body\":{\"a\":1}}"))).getMessage());
        assertEquals("the function's response is not JSON",
                assertThrows(MalformedResponseException.class, () -> HttpApiResponse.map(b("raw:abc"))).getMessage());
        assertEquals("the function returned an empty response",
                assertThrows(MalformedResponseException.class, () -> HttpApiResponse.map(new byte[0])).getMessage());
        assertEquals("statusCode 42 is not an HTTP status",
                assertThrows(MalformedResponseException.class,
                        () -> HttpApiResponse.map(b("{\"statusCode\":42}"))).getMessage());
        assertEquals("isBase64Encoded is true but body is not base64",
                assertThrows(MalformedResponseException.class, () -> HttpApiResponse.map(
                        b("{\"statusCode\":200,\"body\":\"%%%\",\"isBase64Encoded\":true}"))).getMessage());
    }
}
