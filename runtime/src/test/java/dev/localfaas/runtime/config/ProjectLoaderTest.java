package dev.localfaas.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localfaas.runtime.LocalFaas;
import dev.localfaas.runtime.execution.RuntimeConfig;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.QueueSpec;
import dev.localfaas.runtime.gateway.Gateway;
import dev.localfaas.runtime.gateway.GatewayConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates read into FunctionSpecs, every intrinsic resolved, and each bad template one line with its position. */
class ProjectLoaderTest {

    @TempDir
    Path tmp;

    private List<String> problems(String template, String... jars) {
        Path file = TemplateFixture.project(tmp.resolve("app"), template, jars);
        List<TemplateProblem> found = ProjectLoader.validate(file, ProjectOptions.defaults());
        TemplateException thrown = assertThrows(TemplateException.class,
                () -> ProjectLoader.load(file, ProjectOptions.defaults()));
        assertEquals(found, thrown.problems());
        return found.stream().map(p -> p.toString().replace(file.toString(), "template.yaml")).toList();
    }

    @Test
    void everyIntrinsicResolvesToLocalValues() {
        Path file = TemplateFixture.project(tmp.resolve("shop"), "every-intrinsic.yaml", "fixtures-behaviour.jar");
        Project project = ProjectLoader.load(file, ProjectOptions.defaults());
        FunctionSpec probe = project.catalog().find("env-probe-dev").orElseThrow();
        assertEquals(512, probe.memoryMb(), "!FindInMap");
        assertEquals(10, probe.timeoutSeconds(), "!If on a false condition");
        assertEquals("java.util.Map", probe.inputType());
        Map<String, String> env = probe.environment();
        assertEquals("hello-dev-us-east-1", env.get("GREETING"));
        assertEquals("http://127.0.0.1:3000/123456789012/shop-work-dev", env.get("QUEUE_URL"), "!Ref Queue is its URL");
        assertEquals("arn:aws:sqs:us-east-1:123456789012:shop-work-dev", env.get("QUEUE_ARN"));
        assertEquals("shop-work-dev", env.get("QUEUE_NAME"));
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:env-probe-dev", env.get("SELF_ARN"));
        assertEquals("b", env.get("SECOND_ZONE"), "a CommaDelimitedList parameter is a list");
        assertEquals("z", env.get("SPLIT_LAST"));
        assertEquals("dev in 123456789012/shop/aws ${Literal}", env.get("SUB_LIST"));
        assertEquals(env.get("QUEUE_ARN"), env.get("LONG_SUB"));
        assertEquals("adev" + env.get("QUEUE_URL"), env.get("LONG_JOIN"));
        assertEquals("yes", env.get("BOTH"));
        assertEquals("yes", env.get("EITHER"));
        assertEquals("no", env.get("LONG_FORM_CONDITION"));
        assertEquals("arn:aws:sns:us-east-1:123456789012:alerts", env.get("TOPIC"));
        assertFalse(env.containsKey("DROPPED"), "AWS::NoValue removes the variable");
        assertEquals("aGk=", env.get("BASE64"));
        assertEquals("256", env.get("MEMORY_PARAM"));
        assertEquals("global", env.get("FROM_GLOBALS"), "Globals.Function variables merge");

        ProjectModel model = project.model();
        assertEquals(List.of("shop-work-dev", "WorkDlq"), model.queues().stream().map(QueueResource::name).toList(),
                "the ProdOnly queue's condition is false");
        QueueResource work = model.queues().get(0);
        assertEquals(60, work.visibilityTimeoutSeconds());
        assertEquals("WorkDlq", work.deadLetterQueue());
        assertEquals(4, work.maxReceiveCount());
        assertEquals(List.of("Table (AWS::DynamoDB::Table)"), model.notEmulated());
        assertEquals(List.of(new OutputValue("QueueUrl", env.get("QUEUE_URL"), "")), model.outputs());
    }

    @Test
    void parameterOverridesChooseTheOtherBranch() {
        Path file = TemplateFixture.project(tmp.resolve("shop"), "every-intrinsic.yaml", "fixtures-behaviour.jar");
        Project project = ProjectLoader.load(file, ProjectOptions.defaults().withParameterOverrides(Map.of("Stage", "prod")));
        FunctionSpec probe = project.catalog().find("env-probe-prod").orElseThrow();
        assertEquals(1024, probe.memoryMb());
        assertEquals(30, probe.timeoutSeconds());
        assertEquals("kept", probe.environment().get("DROPPED"));
        assertEquals("no", probe.environment().get("BOTH"));
        assertEquals(3, project.model().queues().size(), "ProdOnly exists in prod");
        assertEquals(2, project.model().outputs().size());

        List<TemplateProblem> bad = ProjectLoader.validate(file, ProjectOptions.defaults()
                .withParameterOverrides(Map.of("Stage", "test", "Stag", "x")));
        assertEquals(List.of(
                file + ":6:3: Stage: parameter Stage is 'test', which is not one of its AllowedValues [dev, prod]; pass one of them",
                file + ":6:3: Parameters: --parameter-overrides names Stag, which the template does not declare; declare it under"
                        + " Parameters or fix the name (declared: Stage, Zones, Memory)"),
                bad.stream().map(TemplateProblem::toString).limit(2).toList()); // then what the bad value leads to
    }

    @Test
    void theResolvedEnvironmentReachesTheFunctionThroughTheGateway() throws Exception {
        Path file = TemplateFixture.project(tmp.resolve("shop"), "every-intrinsic.yaml", "fixtures-behaviour.jar");
        Project project = ProjectLoader.load(file, ProjectOptions.defaults());
        RuntimeConfig config = RuntimeConfig.forDirectory(project.directory()).withStateDir(tmp.resolve("state"));
        try (LocalFaas faas = LocalFaas.open(config, UnaryOperator.identity(), project::catalog)) {
            Gateway gateway = Gateway.create(GatewayConfig.defaults().withPort(0), faas);
            gateway.start();
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        gateway.url() + "/2015-03-31/functions/env-probe-dev/invocations"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                JsonNode env = new ObjectMapper().readTree(r.body()).path("env");
                assertEquals("hello-dev-us-east-1", env.path("GREETING").asText(), r.body());
                assertEquals("512", env.path("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText(), r.body());
                assertEquals("env-probe-dev", env.path("AWS_LAMBDA_FUNCTION_NAME").asText(), r.body());
            } finally {
                gateway.stop();
            }
        }
    }

    @Test
    void theSamplePipelineTemplateWiresTheQueueAndItsRedrivePolicy() {
        Path file = Path.of("../sample-functions/template.yaml").toAbsolutePath().normalize();
        Project project = ProjectLoader.load(file, ProjectOptions.defaults());
        FunctionSpec rest = project.catalog().find("orders-rest").orElseThrow();
        assertEquals("1.0", rest.httpRoutes().get(0).payloadFormat());
        assertEquals("POST /orders", rest.httpRoutes().get(0).routeKey());
        FunctionSpec worker = project.catalog().find("orders-worker").orElseThrow();
        assertEquals(List.of(new QueueSpec("orders", 5, 0, 3, "orders-dlq", 5)), worker.queues());
        assertEquals(512, worker.memoryMb());
        assertEquals(List.of(new dev.localfaas.runtime.trigger.topic.TopicSpec("order-events", false)),
                project.events().topics());
        assertEquals(List.of(new dev.localfaas.runtime.trigger.topic.SubscriptionSpec("order-events",
                dev.localfaas.runtime.trigger.delivery.Target.queue("orders"), "",
                dev.localfaas.runtime.trigger.topic.FilterPolicyScope.MessageAttributes, true,
                "template.yaml OrdersQueueSubscription")), project.events().subscriptions());
        assertEquals(List.of(new dev.localfaas.runtime.function.EventSources.TopicTriggerSpec("order-events",
                "{\"order\":{\"amount\":[{\"numeric\":[\">\",100]}]}}", "MessageBody")),
                project.catalog().find("orders-audit").orElseThrow().events().topics());
        assertEquals(List.of(), project.model().warnings(), "everything in the sample is served");
    }

    @Test
    void badTopicsSubscriptionsAndRuleTargetsAreProblemsAtTheirResource() {
        assertEquals(List.of(
                "template.yaml:10:5: Orders: topic Orders has FifoTopic: true, so its TopicName must end in .fifo, as SNS"
                        + " requires; fix TopicName",
                "template.yaml:17:17: Mail: Protocol 'email' is not delivered locally; use sqs (Endpoint: !GetAtt Q.Arn)"
                        + " or lambda (Endpoint: !GetAtt Fn.Arn)",
                "template.yaml:20:5: Nightly: target log has Arn 'arn:aws:logs:us-east-1:123456789012:log-group:shop', not"
                        + " a function or queue; write Arn: !GetAtt YourFunction.Arn or !GetAtt YourQueue.Arn"),
                problems("bad-events.yaml", "hello.jar"));
    }

    @Test
    void aSyntaxErrorIsOneLineAtItsPosition() {
        assertEquals(List.of("template.yaml:7:6: not valid YAML: while parsing a block mapping, expected <block end>,"
                + " but found '<block mapping start>'; fix the indentation or quoting there"), problems("bad-syntax.yaml"));
    }

    @Test
    void anUnknownRefNamesTheName() {
        assertEquals(List.of("template.yaml:11:18: Hello: !Ref Tabel: no parameter, resource or pseudo parameter is named"
                + " Tabel; declare it under Parameters or Resources, or fix the name"), problems("bad-ref.yaml", "hello.jar"));
    }

    @Test
    void aHandlerClassNotInTheJarNamesTheJarsHandlers() {
        assertEquals(List.of("template.yaml:8:16: Hello: Handler example.Helo::handleRequest: class example.Helo is not"
                + " in hello.jar; fix Handler (the package's handlers: example.Hello)"), problems("bad-handler.yaml", "hello.jar"));
    }

    @Test
    void twoFunctionsOnOneRouteNameBothPositions() {
        assertEquals(List.of("template.yaml:22:11: Second: route ANY /items/{itemId} (event Get) is also served by First"
                + " (template.yaml:13:11, route GET /items/{id}); change the Path or Method of one of them"),
                problems("bad-route.yaml", "hello.jar"));
    }

    @Test
    void aMavenModuleThatIsNotBuiltSaysMvnPackage() throws Exception {
        Files.createDirectories(tmp.resolve("app/HelloFunction"));
        Files.writeString(tmp.resolve("app/HelloFunction/pom.xml"), "<project/>");
        Path module = tmp.resolve("app/HelloFunction");
        assertEquals(List.of("template.yaml:7:16: Hello: CodeUri HelloFunction is not built: no JAR in target/; run mvn"
                + " package in " + module), problems("bad-not-built.yaml"));
    }

    @Test
    void anotherRuntimeAndImportValueAreRefusedClearly() {
        assertEquals(List.of(
                "template.yaml:6:16: Hello: Runtime ruby3.3 is Ruby, which localfaas does not run yet; localfaas runs"
                        + " java11 to java25, provided.al2023, provided.al2, nodejs18.x to nodejs22.x and python3.9 to"
                        + " python3.13 (remove the function from the template, or set Runtime: java21)",
                "template.yaml:13:20: Hello: Fn::ImportValue reads an export of another stack, which localfaas cannot"
                        + " see; pass the value as a parameter instead (--parameter-overrides)"),
                problems("bad-runtime.yaml", "hello.jar"));
    }

    @Test
    void loggingConfigSetsTheVariablesLambdaSetsAndGlobalsMergeIntoIt() {
        Path file = TemplateFixture.project(tmp.resolve("logs"), "logging-config.yaml", "fixtures-behaviour.jar");
        Project project = ProjectLoader.load(file, ProjectOptions.defaults());
        Map<String, String> quiet = project.catalog().find("quiet-logger").orElseThrow().environment();
        assertEquals("JSON", quiet.get("AWS_LAMBDA_LOG_FORMAT"), "LogFormat from Globals.Function");
        assertEquals("WARN", quiet.get("AWS_LAMBDA_LOG_LEVEL"));
        assertEquals("INFO", project.catalog().find("default-logger").orElseThrow().environment().get("AWS_LAMBDA_LOG_LEVEL"),
                "JSON without a level is Lambda's INFO");
        assertFalse(project.catalog().find("plain-logger").orElseThrow().environment().containsKey("AWS_LAMBDA_LOG_FORMAT"));
        FunctionResource resource = project.model().functions().stream().filter(f -> f.name().equals("quiet-logger"))
                .findFirst().orElseThrow();
        assertEquals(new FunctionLogging("JSON", "WARN", "DEBUG"), resource.logging());
    }

    @Test
    void aBadLoggingConfigIsOneLineEach() {
        assertEquals(List.of(
                "template.yaml:10:20: Xml: LoggingConfig.LogFormat XML is not a log format; use Text or JSON",
                "template.yaml:19:25: Loud: LoggingConfig.SystemLogLevel ERROR is not a level; use DEBUG, INFO or WARN",
                "template.yaml:27:30: TextLevel: LoggingConfig.ApplicationLogLevel needs LogFormat: JSON, as on Lambda;"
                        + " add LogFormat: JSON or remove the level"),
                problems("bad-logging.yaml", "fixtures-behaviour.jar"));
    }

    @Test
    void findsTheProjectFileOfAFolder() throws Exception {
        assertTrue(ProjectFiles.find(tmp).isEmpty());
        Files.writeString(tmp.resolve("serverless.yml"), "service: x");
        assertEquals(tmp.resolve("serverless.yml"), ProjectFiles.find(tmp).orElseThrow());
        Files.writeString(tmp.resolve("template.yml"), "Resources: {}");
        assertEquals(tmp.resolve("template.yml"), ProjectFiles.find(tmp).orElseThrow(), "SAM first, as sam looks");
    }
}
