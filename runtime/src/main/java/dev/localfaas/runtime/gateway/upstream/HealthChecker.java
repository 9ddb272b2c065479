package dev.localfaas.runtime.gateway.upstream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Active health checks: every target of every upstream gets {@code GET path} each interval, on one scheduler
 * thread; the answers arrive on the HTTP client's threads and go to the target's {@link TargetState}. A check
 * that has not answered when the next is due is not doubled.
 */
final class HealthChecker implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "faas-upstream-health");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    void watch(List<TargetState> targets, HealthCheck check) {
        for (TargetState target : targets) {
            URI uri = target.target.origin().resolve(check.path());
            boolean[] busy = new boolean[1];
            scheduler.scheduleWithFixedDelay(() -> {
                synchronized (busy) {
                    if (busy[0]) {
                        return;
                    }
                    busy[0] = true;
                }
                probe(target, uri, check.timeout()).whenComplete((r, e) -> {
                    synchronized (busy) {
                        busy[0] = false;
                    }
                });
            }, 0, check.interval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private java.util.concurrent.CompletableFuture<Void> probe(TargetState target, URI uri, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "localfaas-health-check")
                .GET().build();
        try {
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
                if (failure != null) {
                    target.checked(false, describe(failure));
                } else {
                    target.checked(response.statusCode() < 500, "GET " + uri.getPath() + " answered "
                            + response.statusCode());
                }
                return null;
            });
        } catch (RuntimeException e) {
            target.checked(false, describe(e));
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null && failure instanceof java.util.concurrent.CompletionException
                ? failure.getCause() : failure;
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
