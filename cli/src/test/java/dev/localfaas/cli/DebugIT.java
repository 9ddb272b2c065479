package dev.localfaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.Method;
import com.sun.jdi.StringReference;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faas run --debug=PORT} through faas.jar: a debugger attaches with the JDK's JDI, as an IDE does, and a
 * breakpoint in the hello sample's handler is hit by an invocation, with the function's own call stack.
 */
class DebugIT {

    @TempDir
    Path work;

    @Test
    void anIdeAttachesAndStopsAtABreakpointInHandlerCode() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        RunningFaas faas = RunningFaas.start(CliRun.samples(), work, "debug", "--debug=" + port,
                "--state-dir", work.resolve("state").toString());
        try {
            assertTrue(faas.err().contains("faas: debugging on 127.0.0.1:" + port + " (JDWP)"), faas.err());
            VirtualMachine vm = attach(port);
            try {
                ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
                prepare.addClassFilter("example.Hello");
                prepare.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
                prepare.enable();

                CompletableFuture<HttpResponse<String>> call = faas.http().sendAsync(
                        faas.request("/2015-03-31/functions/hello/invocations", "{\"name\":\"Ada\"}"),
                        HttpResponse.BodyHandlers.ofString());
                BreakpointEvent hit = awaitBreakpoint(vm);
                assertEquals("example.Hello", hit.location().declaringType().name());
                assertEquals("handleRequest", hit.location().method().name());
                // the handler's argument is the event, read in the paused frame
                assertTrue(hit.thread().frame(0).getArgumentValues().get(0).toString().contains("Map"),
                        hit.thread().frame(0).getArgumentValues().toString());
                hit.thread().resume();

                HttpResponse<String> response = call.get(60, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), response.body());
                assertTrue(response.body().contains("Hello, Ada!"), response.body());
            } finally {
                vm.dispose();
            }
        } finally {
            // SIGTERM reaches the launcher, which stops the debugged child and waits for it
            assertEquals(0, faas.stop(), faas.out() + faas.err());
        }
    }

    private static VirtualMachine attach(int port) throws Exception {
        AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(c -> c.transport().name().equals("dt_socket")).findFirst().orElseThrow();
        Map<String, Connector.Argument> args = socket.defaultArguments();
        args.get("hostname").setValue("127.0.0.1");
        args.get("port").setValue(Integer.toString(port));
        args.get("timeout").setValue("30000");
        return socket.attach(args);
    }

    private static BreakpointEvent awaitBreakpoint(VirtualMachine vm) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            EventSet events = vm.eventQueue().remove(1000);
            if (events == null) {
                continue;
            }
            for (Event event : events) {
                if (event instanceof ClassPrepareEvent prepared) {
                    for (Method method : prepared.referenceType().methodsByName("handleRequest")) {
                        if (!method.isBridge()) {
                            BreakpointRequest breakpoint = vm.eventRequestManager().createBreakpointRequest(method.location());
                            breakpoint.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
                            breakpoint.enable();
                        }
                    }
                } else if (event instanceof BreakpointEvent breakpoint) {
                    return breakpoint; // its thread stays suspended until the test resumes it
                }
            }
            events.resume();
        }
        throw new AssertionError("no breakpoint hit in example.Hello.handleRequest");
    }
}
