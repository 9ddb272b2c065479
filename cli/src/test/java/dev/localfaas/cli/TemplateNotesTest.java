package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.localfaas.runtime.config.ApiResource;
import dev.localfaas.runtime.config.EventSource;
import dev.localfaas.runtime.config.OutputValue;
import dev.localfaas.runtime.config.ProjectModel;
import dev.localfaas.runtime.config.yaml.Position;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateNotesTest {

    private static final String HERE = "http://127.0.0.1:3000";

    private static ProjectModel model(List<OutputValue> outputs) {
        Position at = new Position(Path.of("template.yaml"), 1, 1);
        return new ProjectModel(Path.of("template.yaml"), ProjectModel.ProjectFormat.SAM, List.of(),
                List.of(new ApiResource("ServerlessRestApi", EventSource.ApiKind.REST, "Prod", null, null, true, at),
                        new ApiResource("ServerlessHttpApi", EventSource.ApiKind.HTTP, "$default", null, null, true, at),
                        new ApiResource("OrdersApi", EventSource.ApiKind.HTTP, "v1", null, null, false, at)),
                List.of(), List.of(), List.of(), outputs, List.of(), List.of(), List.of(), List.of());
    }

    private static Optional<String> local(String value) {
        return TemplateNotes.localUrl(value, model(List.of()), HERE);
    }

    @Test
    void anApiGatewayUrlOfTheTemplatesApisIsServedHereWithoutItsStage() {
        assertEquals(Optional.of(HERE + "/hello/"),
                local("https://ServerlessRestApi.execute-api.us-east-1.amazonaws.com/Prod/hello/"));
        assertEquals(Optional.of(HERE + "/"), local("https://ServerlessRestApi.execute-api.eu-west-1.amazonaws.com/Prod"));
        assertEquals(Optional.of(HERE + "/"), local("https://ServerlessHttpApi.execute-api.us-east-1.amazonaws.com/"));
        assertEquals(Optional.of(HERE + "/orders"),
                local("https://ServerlessHttpApi.execute-api.us-east-1.amazonaws.com/orders"));
        assertEquals(Optional.of(HERE + "/orders/7"),
                local("https://OrdersApi.execute-api.cn-north-1.amazonaws.com.cn/v1/orders/7"));
    }

    @Test
    void otherValuesHaveNoLocalUrl() {
        assertEquals(Optional.empty(), local("arn:aws:lambda:us-east-1:123456789012:function:Hello"));
        assertEquals(Optional.empty(), local("https://OtherApi.execute-api.us-east-1.amazonaws.com/Prod/"));
        assertEquals(Optional.empty(), local("https://example.com/Prod/hello"));
    }
}
