package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.localfaas.api.Function;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the CPU busy until its thread has used 100 ms of CPU time: on an idle machine that is 100 ms of wall time,
 * the same as {@link Sleeper}, which waits instead. Wall-billed providers charge both alike; CPU-billed ones charge
 * this one far more. (On a loaded machine the same CPU work takes longer: the bill then shows that too.)
 */
@Function(name = "cpu-burner", timeoutSeconds = 30)
public class CpuBurner implements RequestStreamHandler {
    static final long MILLIS = 100;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long x = 1;
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long wallEnd = System.nanoTime() + MILLIS * 1_000_000;
        while (cpu0 >= 0 ? THREADS.getCurrentThreadCpuTime() - cpu0 < MILLIS * 1_000_000 : System.nanoTime() < wallEnd) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L; // work the JIT cannot drop: x is returned
            }
        }
        output.write(("{\"burned\":" + MILLIS + ",\"x\":" + (x & 0xff) + "}").getBytes(StandardCharsets.UTF_8));
    }
}
