package dev.localfaas.runtime.gateway;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTest {
    @TempDir Path dir;
    @Test
    void scratch() {
        try (RunningGateway gw = RunningGateway.start(dir, dir.resolve("s"), List.of(Samples.hello()))) {
            byte[] big = new byte[6_291_457];
            HttpResponse<String> r = gw.send(HttpRequest.newBuilder(gw.uri("/hello")).POST(BodyPublishers.ofByteArray(big)).build());
            System.out.println("STATUS " + r.statusCode() + " " + r.headers().map() + " BODY " + r.body());
            System.out.println("NOTICES " + gw.notices + " INV " + gw.invocations.size());
        }
    }
}
