package dev.tollgate.runner;

/**
 * {@code java -jar policy-runner.jar}: relaunches itself with the jar's class-data-sharing archive
 * when one was built beside it (see {@link FastStart}), otherwise runs the CLI in this JVM.
 *
 * <p>Exit 0 only once the verdict is written: a JVM that ends before {@code Cli.run} returned (a
 * rule calling {@code System.exit(0)}, a signal) exits 2 through {@link NoVerdict}; a relaunched
 * child reports its codes shifted ({@link FastStart#CODE_SHIFT}), so the launcher can tell a child
 * that answered from one that merely ended.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = FastStart.relaunchIfUseful(args);
        if (code < 0) {
            NoVerdict guard = new NoVerdict();
            Runtime.getRuntime().addShutdownHook(guard);
            code = Cli.run(args);
            guard.done = true;
            if (System.getProperty(FastStart.SHIFTED) != null) code += FastStart.CODE_SHIFT;
        }
        System.exit(code);
    }

    /** A shutdown hook: when the JVM ends before the CLI returned, the exit status becomes 2. */
    static final class NoVerdict extends Thread {
        volatile boolean done;

        NoVerdict() {
            super("tollgate-no-verdict");
        }

        @Override
        public void run() {
            if (done) return;
            System.err.println("tollgate: the evaluation ended without a verdict (the JVM was stopped before the report was written)");
            System.err.flush();
            Runtime.getRuntime().halt(Cli.USAGE);
        }
    }
}
