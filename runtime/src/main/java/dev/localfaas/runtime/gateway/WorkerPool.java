package dev.localfaas.runtime.gateway;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads invocations run on. A running invocation holds its thread for as long as the function runs (seconds,
 * for a slow one), so the pool is wide — far more threads than cores — so that many slow functions can run at
 * once. Threads start as requests come and exit after a minute idle. Beyond its size requests wait in line rather
 * than fail.
 */
final class WorkerPool {

    private WorkerPool() {
    }

    static ThreadPoolExecutor create(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "faas-gateway-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
