package dev.localfaas.runtime.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.localfaas.runtime.config.ApiResource;
import dev.localfaas.runtime.config.EventSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an authorizer's answer is read and judged, and the one-line messages a misconfiguration gets. */
class LambdaAuthorizerAnswerTest {

    static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:localfaas/$default/GET/users/42";

    private static AuthorizerAnswer policy(String statements) {
        return AuthorizerAnswer.parse(("{\"principalId\":\"u\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                + "\"Statement\":" + statements + "}}").getBytes(StandardCharsets.UTF_8), false, true);
    }

    @Test
    void wildcardsMatchAcrossSlashesAndAnExplicitDenyWins() {
        assertEquals(AuthorizerAnswer.Verdict.ALLOW, policy("[{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\","
                + "\"Resource\":\"arn:aws:execute-api:us-east-1:123456789012:localfaas/*/GET/users/*\"}]").judge(ARN));
        assertEquals(AuthorizerAnswer.Verdict.ALLOW, policy("{\"Effect\":\"Allow\",\"Action\":[\"execute-api:*\"],"
                + "\"Resource\":[\"arn:aws:execute-api:us-east-1:123456789012:localfaas/$default/GET/users/4?\"]}").judge(ARN));
        assertEquals(AuthorizerAnswer.Verdict.EXPLICIT_DENY, policy("[{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*/GET/*\"}]")
                .judge(ARN));
        assertEquals(AuthorizerAnswer.Verdict.IMPLICIT_DENY, policy("[{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\","
                + "\"Resource\":\"arn:aws:execute-api:us-east-1:123456789012:localfaas/*/POST/*\"}]").judge(ARN));
        assertEquals(AuthorizerAnswer.Verdict.IMPLICIT_DENY, policy("[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"*\"}]").judge(ARN), "only execute-api:Invoke statements count");
    }

    @Test
    void answersApiGatewayCannotReadAreNamed() {
        assertEquals("the answer has no principalId", assertThrows(IllegalArgumentException.class,
                () -> AuthorizerAnswer.parse("{\"policyDocument\":{}}".getBytes(StandardCharsets.UTF_8), false, true))
                .getMessage());
        assertEquals("a statement's Effect must be Allow or Deny, not 'allow'", assertThrows(IllegalArgumentException.class,
                () -> policy("[{\"Effect\":\"allow\",\"Action\":\"*\",\"Resource\":\"*\"}]")).getMessage());
        assertEquals("context value roles is an object or array; a REST API passes only strings, numbers and booleans",
                assertThrows(IllegalArgumentException.class, () -> AuthorizerAnswer.parse(("{\"principalId\":\"u\","
                        + "\"policyDocument\":{\"Statement\":[]},\"context\":{\"roles\":[\"a\"]}}")
                        .getBytes(StandardCharsets.UTF_8), false, true)).getMessage());
        assertEquals("a simple response needs a boolean isAuthorized", assertThrows(IllegalArgumentException.class,
                () -> AuthorizerAnswer.parse("{\"authorized\":true}".getBytes(StandardCharsets.UTF_8), true, false))
                .getMessage());
    }

    @Test
    void configurationErrorsAreOneLine() {
        assertEquals("identity source $context.identity.sourceIp is not a header or query string; write "
                + "$request.header.NAME or $request.querystring.NAME", assertThrows(IllegalArgumentException.class,
                () -> IdentitySources.of("$context.identity.sourceIp")).getMessage());
        assertEquals("authorizer A: EnableSimpleResponses needs AuthorizerPayloadFormatVersion 2.0",
                assertThrows(IllegalArgumentException.class, () -> new LambdaAuthorizer("A", "f",
                        LambdaAuthorizer.Kind.HTTP_1_0, IdentitySources.of("$request.header.x"), null, true,
                        Duration.ZERO)).getMessage());
        assertEquals("usage plan p: quota period YEAR is not DAY, WEEK or MONTH", assertThrows(
                IllegalArgumentException.class, () -> new UsagePlan("p", 0, 0, 5, "YEAR", List.of())).getMessage());
    }

    @Test
    void methodSettingsPickTheMostSpecificEntry() {
        ApiResource api = new ApiResource("Api", EventSource.ApiKind.REST, "Prod", null, null, false, null,
                Map.of("MethodSettings", List.of(
                        Map.of("ResourcePath", "/*", "HttpMethod", "*", "ThrottlingRateLimit", "100"),
                        Map.of("ResourcePath", "/~1users~1{id}", "HttpMethod", "GET", "ThrottlingRateLimit", "2",
                                "ThrottlingBurstLimit", "3"))));
        assertEquals("throttle rate 2.0/s burst 3", RouteThrottles.bucket(api, "GET", "/users/{id}").describe());
        assertEquals("throttle rate 100.0/s burst 100", RouteThrottles.bucket(api, "POST", "/users/{id}").describe());
        assertEquals("/users/{id}", RouteThrottles.decode("/~1users~1{id}"));
    }
}
