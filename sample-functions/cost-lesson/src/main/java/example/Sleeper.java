package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.localfaas.api.Function;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Waits 250 ms, as a handler waiting on a database or another service does, and uses almost no CPU. It takes as long
 * as {@link CpuBurner}; the bill differs only where the provider charges CPU time.
 */
@Function(name = "sleeper")
public class Sleeper implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try {
            Thread.sleep(CpuBurner.MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting", e);
        }
        output.write(("{\"waited\":" + CpuBurner.MILLIS + "}").getBytes(StandardCharsets.UTF_8));
    }
}
