package dev.localfaas.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.localfaas.runtime.Samples;
import dev.localfaas.runtime.config.yaml.YamlMap;
import dev.localfaas.runtime.config.yaml.YamlReader;
import dev.localfaas.runtime.config.yaml.YamlScalar;
import dev.localfaas.runtime.config.yaml.YamlSyntaxException;
import dev.localfaas.runtime.function.EventSources;
import dev.localfaas.runtime.function.FunctionSpec;
import dev.localfaas.runtime.function.HttpRoute;
import dev.localfaas.runtime.function.ScheduleSpec;
import dev.localfaas.runtime.isolation.FunctionClassLoader;
import dev.localfaas.runtime.trigger.bus.RuleSpec;
import dev.localfaas.runtime.trigger.delivery.Target;
import dev.localfaas.runtime.trigger.topic.TopicSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the model keeps for the issues that come next, and the YAML layer under it. */
class ProjectModelTest {

    @TempDir
    Path tmp;

    @Test
    void keepsWhatLaterIssuesServeAndWarnsOfWhatIsNotServedYet() throws Exception {
        Path file = TemplateFixture.project(tmp.resolve("shop"), "growth.yaml", "hello.jar");
        Path lib = Files.createDirectories(tmp.resolve("shop/layer/java/lib"));
        Files.copy(Samples.eventsJar(), lib.resolve("events.jar"));
        Project project = ProjectLoader.load(file, ProjectOptions.defaults());
        ProjectModel model = project.model();
        FunctionResource orders = model.functions().get(0);
        assertEquals("arm64", orders.architecture());
        assertEquals(5, orders.reservedConcurrency());
        assertEquals("live", orders.autoPublishAlias());
        assertEquals(Map.of("Type", "Canary10Percent5Minutes"), orders.deploymentPreference());
        assertEquals(List.of(lib.resolve("events.jar")), orders.layers());

        EventSource.Http rest = (EventSource.Http) orders.events().get(0);
        assertEquals("OrdersApi", rest.api());
        EventSource.Http http = (EventSource.Http) orders.events().get(1);
        assertEquals("OrdersHttpApi", http.api());
        assertEquals(EventSource.ApiKind.HTTP, http.kind());
        assertEquals(List.of("Rest", "Http", "Nightly", "Alerts", "Bus", "Stream", "Uploads"),
                orders.events().stream().map(EventSource::id).toList());
        assertEquals(Map.of("level", List.of("error")), ((EventSource.Topic) orders.events().get(3)).filterPolicy());
        assertEquals(List.of("orders"), ((EventSource.Stream) orders.events().get(5)).topics());

        ApiResource api = model.apis().stream().filter(a -> a.logicalId().equals("OrdersApi")).findFirst().orElseThrow();
        assertEquals("prod", api.stageName());
        assertEquals("'*'", api.cors(), "Globals.Api merged");
        assertEquals(Map.of("ApiKeyRequired", "true"), api.auth());
        ApiResource httpApi = model.apis().stream().filter(a -> a.logicalId().equals("OrdersHttpApi")).findFirst().orElseThrow();
        assertEquals(Map.of("DefaultAuthorizer", "Jwt"), httpApi.auth(), "Globals.HttpApi merged");
        assertEquals("AlertsTopic", ((EventSource.Topic) orders.events().get(3)).topic(), "the name in !Ref's ARN");
        assertEquals(1, model.topics().size());
        assertEquals(Map.of("source", List.of("shop")), model.rules().get(0).eventPattern());
        assertEquals(List.of("Bucket (AWS::S3::Bucket)"), model.notEmulated());
        assertEquals(List.of(), model.warnings(), "SNS, EventBridgeRule, S3 and MSK events are served");

        FunctionSpec spec = project.catalog().find("Orders").orElseThrow();
        assertEquals(List.of(new HttpRoute("POST", "/orders", "1.0"), new HttpRoute("GET", "/v2/orders", "1.0")),
                spec.httpRoutes(), "PayloadFormatVersion honoured");
        assertEquals(List.of(new ScheduleSpec("cron(0 3 * * ? *)", "", false)), spec.schedules());
        assertEquals("arm64", spec.architecture());
        assertEquals(new EventSources(
                List.of(new EventSources.TopicTriggerSpec("AlertsTopic", "{\"level\":[\"error\"]}", "MessageAttributes")),
                List.of(), List.of(new EventSources.EventRuleSpec("default", "", "{\"source\":[\"shop.orders\"]}")),
                List.of(new EventSources.BucketTriggerSpec("Bucket", List.of("s3:ObjectCreated:*"), "", ".csv")),
                EventSources.AsyncInvokeSpec.DEFAULT, List.of(new dev.localfaas.runtime.function.KafkaTriggerSpec(
                        "aws:kafka", "arn:aws:kafka:us-east-1:123456789012:cluster/c/1", "", List.of("orders"),
                        "TRIM_HORIZON", 0, 100, 500, "", List.of(), "", -1, -1, false, true))), spec.events());
        assertEquals(List.of(new TopicSpec("AlertsTopic", false)), project.events().topics());
        assertEquals(List.of(new RuleSpec("default", "Rule", "{\"source\":[\"shop\"]}",
                List.of(RuleSpec.RuleTarget.of(Target.function("Orders"))), "template.yaml Rule")), project.events().rules());
        try (FunctionClassLoader loader = FunctionClassLoader.forPackage("Orders", spec.jar(), spec.layers())) {
            assertEquals("fixtures.events.EchoSqs", loader.loadClass("fixtures.events.EchoSqs").getName(),
                    "a layer's java/lib JAR is on the function's classpath");
        }
    }

    @Test
    void yamlKeepsShortFormTagsAndPositions() throws Exception {
        Path file = Files.writeString(tmp.resolve("t.yaml"), """
                Resources:
                  Q:
                    Value: !GetAtt Queue.Arn
                    List: !Join
                      - ","
                      - [a, b]
                """);
        YamlMap root = YamlReader.read(file, Path.of("t.yaml"));
        YamlMap q = (YamlMap) ((YamlMap) root.entries().get("Resources")).entries().get("Q");
        YamlScalar value = (YamlScalar) q.entries().get("Value");
        assertEquals("GetAtt", value.tag());
        assertEquals("Queue.Arn", value.value());
        assertEquals("t.yaml:3:12", value.position().toString());
        assertEquals("Join", q.entries().get("List").tag());
        assertEquals("t.yaml:4:5", q.keyPosition("List").toString());
    }

    @Test
    void aDuplicateKeyIsReportedWhereItIs() throws Exception {
        Path file = Files.writeString(tmp.resolve("t.yaml"), "Resources:\n  A: 1\n  A: 2\n");
        YamlSyntaxException e = org.junit.jupiter.api.Assertions.assertThrows(YamlSyntaxException.class,
                () -> YamlReader.read(file, Path.of("t.yaml")));
        assertEquals("t.yaml:3:3", e.position().toString());
        assertTrue(e.getMessage().startsWith("duplicate key A (first at line 2)"), e.getMessage());
    }
}
