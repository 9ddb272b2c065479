package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faas validate}, and the commands that refuse an invalid template before anything starts. */
class ValidateCommandTest {

    @TempDir
    Path tmp;

    private Path app(String template) throws Exception {
        Path app = Files.createDirectories(tmp.resolve("app"));
        Files.copy(CliRun.samples().resolve("hello.jar"), app.resolve("hello.jar"));
        return Files.writeString(app.resolve("template.yaml"), template);
    }

    private static final String GOOD = """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Greeting:
                Type: String
            Resources:
              Hello:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: hello
                  Runtime: java21
                  CodeUri: hello.jar
                  Handler: example.Hello::handleRequest
                  Environment:
                    Variables:
                      GREETING: !Ref Greeting
              Bucket:
                Type: AWS::S3::Bucket
            """;

    @Test
    void aValidTemplateIsValid() throws Exception {
        Path file = app(GOOD);
        CliRun run = CliRun.of("validate", "-t", file.toString(), "--parameter-overrides", "Greeting=hi");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(file + " is valid" + System.lineSeparator(), run.out());
    }

    @Test
    void everyProblemIsOneLineWithItsPositionAndExit2() throws Exception {
        Path file = app(GOOD.replace("example.Hello::", "example.Helo::").replace("!Ref Greeting", "!Ref Greting"));
        CliRun run = CliRun.of("validate", "-t", file.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals(String.join(System.lineSeparator(),
                file + ":3:3: Greeting: parameter Greeting has no Default and no override; pass --parameter-overrides"
                        + " Greeting=VALUE or give it a Default",
                file + ":15:21: Hello: !Ref Greting: no parameter, resource or pseudo parameter is named Greting;"
                        + " declare it under Parameters or Resources, or fix the name",
                "2 problems", ""), run.out());
    }

    @Test
    void anInvalidFilterPolicyIsAProblemAtItsEventOrSubscription() throws Exception {
        Path file = app(GOOD.replace("          GREETING: !Ref Greeting\n", """
                                  GREETING: !Ref Greeting
                              Events:
                                Large:
                                  Type: SNS
                                  Properties:
                                    Topic: !Ref Orders
                                    FilterPolicy:
                                      amount: [{numeric: [">", lots]}]
                          Orders:
                            Type: AWS::SNS::Topic
                          Copies:
                            Type: AWS::SNS::Subscription
                            Properties:
                              TopicArn: !Ref Orders
                              Protocol: sqs
                              Endpoint: arn:aws:sqs:us-east-1:123456789012:copies
                              FilterPolicy: '{"store": "web"}'
                        """));
        CliRun run = CliRun.of("validate", "-t", file.toString(), "--parameter-overrides", "Greeting=hi");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.out() + run.err());
        assertEquals(String.join(System.lineSeparator(),
                file + ":18:11: Hello: event Large FilterPolicy: filter policy key \"amount\" numeric takes operator and"
                        + " number pairs, like [\">\", 0, \"<=\", 150] or [\"=\", 301.5]",
                file + ":26:5: Copies: FilterPolicy: filter policy key \"store\" must be an array of values, like"
                        + " \"store\": [\"web\"]",
                "2 problems", ""), run.out());
    }

    @Test
    void runRefusesAnInvalidTemplateAndStartsNothing() throws Exception {
        Path file = app(GOOD.replace("CodeUri: hello.jar", "CodeUri: missing.jar"));
        CliRun run = CliRun.of("run", "-t", file.toString(), "--port", "0", "--parameter-overrides", "Greeting=hi");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("", run.out(), "nothing started, nothing printed on stdout");
        assertEquals(String.join(System.lineSeparator(),
                file + ":11:16: Hello: CodeUri missing.jar does not exist; build it (mvn package) or fix the path",
                "faas: " + file + " has 1 problem; nothing was started (faas validate -t " + file + " lists them)", ""),
                run.err());
        assertFalse(Files.exists(file.resolveSibling(".faas")), "no state was created");
    }

    @Test
    void listAndInvokeReadTheTemplate() throws Exception {
        Path file = app(GOOD);
        CliRun list = CliRun.of("list", "-t", file.toString(), "--parameter-overrides", "Greeting=hi");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.matches("hello\\s+example.Hello::handleRequest\\s+128 MB\\s+3 s.*")),
                list.out());
        assertTrue(list.out().contains("Not emulated (read, then left alone): Bucket (AWS::S3::Bucket)"), list.out());

        Path event = Files.writeString(tmp.resolve("event.json"), "{\"name\":\"template\"}");
        CliRun invoke = CliRun.of("invoke", "hello", "-t", file.toString(), "--parameter-overrides", "Greeting=hi",
                "--event", event.toString());
        assertEquals(0, invoke.exitCode(), invoke.err());
        assertEquals("{\"message\":\"Hello, template!\"}" + System.lineSeparator(), invoke.out());

        CliRun report = CliRun.of("report", "-t", file.toString());
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(report.out().lines().anyMatch(l -> l.startsWith("hello ")), report.out());
    }

    @Test
    void validateWithoutATemplateSaysHowToNameOne() {
        CliRun run = CliRun.of("validate", "-t", tmp.resolve("nope.yaml").toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("faas: no such file: " + tmp.resolve("nope.yaml") + "; pass -t with your template.yaml or"
                + " serverless.yml" + System.lineSeparator(), run.err());
    }
}
