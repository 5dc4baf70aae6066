package dev.tollgate.runner;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase timings for performance work: with {@code TOLLGATE_TIMINGS=1}, {@code check} prints to
 * stderr how many milliseconds after JVM start each phase ended. Off, it costs nothing.
 */
final class Timings {
    private static final Timings OFF = new Timings(false);
    private final boolean on;
    private final List<String> marks = new ArrayList<>();
    private final long start;

    private Timings(boolean on) {
        this.on = on;
        this.start = on ? ManagementFactory.getRuntimeMXBean().getStartTime() : 0;
        if (on) marks.add(String.format("%6d ms  check started", System.currentTimeMillis() - start));
    }

    static Timings fromEnvironment() {
        return System.getenv("TOLLGATE_TIMINGS") != null ? new Timings(true) : OFF;
    }

    void mark(String phase) {
        if (!on) return;
        synchronized (marks) {
            marks.add(String.format("%6d ms  %s", System.currentTimeMillis() - start, phase));
        }
    }

    void print(PrintWriter err) {
        if (!on) return;
        synchronized (marks) {
            for (String m : marks) err.println("tollgate: timing: " + m);
        }
        err.flush();
    }
}
