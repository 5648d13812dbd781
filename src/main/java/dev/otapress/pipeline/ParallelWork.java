package dev.otapress.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs one task per index on a fixed number of threads and returns the results in index order, so
 * what the threads did is read back in the same order whatever the timing. Each thread takes the
 * next index when it is free: at most {@code threads} tasks are in flight, which bounds memory.
 */
final class ParallelWork {
    private ParallelWork() {
    }

    static <T> List<T> run(int count, int threads, IntFunction<T> task) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        return run(order, threads, task);
    }

    /**
     * The same, taking the tasks in the given order (a permutation of the indexes): starting the
     * longest first keeps one long task from running alone at the end while the other threads idle.
     * The results are in index order all the same.
     */
    static <T> List<T> run(int[] order, int threads, IntFunction<T> task) {
        int count = order.length;
        List<T> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) results.add(null);
        if (threads <= 1 || count <= 1) {
            for (int i : order) results.set(i, task.apply(i));
            return results;
        }
        AtomicInteger next = new AtomicInteger();
        Object[] slots = new Object[count];
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count), r -> {
            Thread t = new Thread(r, "otapress-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < Math.min(threads, count); w++) {
                workers.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) slots[order[n]] = task.apply(order[n]);
                }));
            }
            for (Future<?> f : workers) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the build was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < count; i++) {
            @SuppressWarnings("unchecked") T t = (T) slots[i];
            results.set(i, t);
        }
        return results;
    }
}
