package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.localfaas.api.Function;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the CPU busy for 250 ms of wall time, the same time {@link Sleeper} spends waiting. Wall-billed providers
 * charge both alike; CPU-billed ones charge this one far more. (On a busy machine the loop gets less of the CPU in
 * its 250 ms, and the report's cpuMs says how much it got.)
 */
@Function(name = "cpu-burner")
public class CpuBurner implements RequestStreamHandler {
    static final long MILLIS = 250;

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long end = System.nanoTime() + MILLIS * 1_000_000;
        long x = 1;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L; // work the JIT cannot drop: x is returned
            }
        }
        output.write(("{\"burned\":" + MILLIS + ",\"x\":" + (x & 0xff) + "}").getBytes(StandardCharsets.UTF_8));
    }
}
