package dev.tollgate.inputs.io;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Runs one independent piece of start-up work (reading an input, building the engine) on its own
 * daemon thread while the caller does the rest: a cold run spends most of its time loading classes
 * and parsing, and the machines CI runs on have at least two cores. {@link #get()} rethrows what
 * the work threw, unchanged.
 */
public final class Background<T> {
    private final FutureTask<T> task;
    private final String name;

    private Background(Supplier<T> work, String name) {
        this.name = name;
        this.task = new FutureTask<>(work::get);
        Thread t = new Thread(task, "tollgate-" + name);
        t.setDaemon(true);
        t.start();
    }

    public static <T> Background<T> start(String name, Supplier<T> work) {
        return new Background<>(work, name);
    }

    public T get() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }
}
