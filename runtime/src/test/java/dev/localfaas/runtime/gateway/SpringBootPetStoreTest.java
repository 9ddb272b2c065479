package dev.localfaas.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: a Spring Boot 3 app on AWS's real {@code aws-serverless-java-container-springboot3} adapter, shaded as
 * the pet store sample is ({@code fixtures-springboot3}), answers {@code GET /pets} and {@code POST /pets} through
 * the gateway: its adapter is recognised (REST API payload 1.0), Spring boots in the handler's static initializer
 * (a cold start of seconds, past Lambda's 10 s init phase on a loaded machine, which then goes on under the
 * function's 60 s timeout), and its responses map back with their status and headers.
 */
class SpringBootPetStoreTest {

    @TempDir
    Path dir;

    @Test
    void thePetStoreAnswersGetAndPostPets() throws Exception {
        Path functions = Files.createDirectories(dir.resolve("functions"));
        Files.copy(dev.localfaas.runtime.Samples.frameworkFunctions().resolve("fixtures-springboot3.jar"),
                functions.resolve("fixtures-springboot3.jar"));
        try (RunningGateway gw = RunningGateway.start(functions, dir.resolve("state"))) {
            HttpRequest list = HttpRequest.newBuilder(gw.uri("/pets?limit=2")).timeout(Duration.ofSeconds(180))
                    .GET().build();
            HttpResponse<String> pets = gw.send(list); // the cold start: Spring boots
            assertEquals(200, pets.statusCode(), pets.body() + "\n" + String.join("\n", gw.logLines));
            assertTrue(pets.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                    pets.headers().map().toString());
            JsonNode listed = Json.MAPPER.readTree(pets.body());
            assertEquals(2, listed.size(), pets.body());
            assertEquals("Bella", listed.get(1).get("name").asText());

            HttpResponse<String> created = gw.send(HttpRequest.newBuilder(gw.uri("/pets"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString("{\"name\":\"Rex\",\"breed\":\"Beagle\"}")).build());
            assertEquals(201, created.statusCode(), created.body());
            JsonNode pet = Json.MAPPER.readTree(created.body());
            assertEquals("Rex", pet.get("name").asText());
            assertFalse(pet.get("id").asText().isEmpty(), created.body());

            HttpResponse<String> refused = gw.send(HttpRequest.newBuilder(gw.uri("/pets"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString("{\"name\":\"Rex\"}")).build());
            assertEquals(400, refused.statusCode(), "Spring's own status passes through: " + refused.body());

            assertEquals("Beagle", Json.MAPPER.readTree(gw.get("/pets/p-7").body()).get("breed").asText());
        }
    }
}
