package dev.tollgate.runner;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

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
        // stdout and stderr are UTF-8 whatever LANG or LC_ALL say (JDK 17 would follow the locale and
        // turn every non-ASCII character into '?'), so JSON is the same bytes everywhere.
        System.setOut(new PrintStream(new java.io.BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false,
                StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        int code;
        try {
            code = FastStart.relaunchIfUseful(args);
            if (code < 0) {
                if (System.getProperty(FastStart.SHIFTED) != null) OrphanGuard.watch();
                // one check per JVM: the in-memory input caches (for embedders' repeated checks) would only hash
                // (dev.tollgate.inputs.io.ContentCache.PROPERTY)
                System.setProperty("tollgate.inputCache", "off");
                NoVerdict guard = new NoVerdict();
                Runtime.getRuntime().addShutdownHook(guard);
                try {
                    code = Cli.run(args);
                } catch (Throwable e) {
                    code = Cli.internalError(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), e,
                            java.util.Arrays.asList(args).contains("--debug"));
                }
                System.out.flush();
                guard.done = true;
                if (System.getProperty(FastStart.SHIFTED) != null) code += FastStart.CODE_SHIFT;
            }
        } catch (Throwable e) {
            code = Cli.internalError(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), e,
                    java.util.Arrays.asList(args).contains("--debug"));
        }
        System.out.flush();
        System.err.flush();
        String answerFile = System.getProperty(FastStart.ANSWER_FILE);
        if (answerFile != null) {
            // A child dumping a class-data archive: its answer, for the launcher, before the JVM's dump at exit can fail.
            try (FileOutputStream a = new FileOutputStream(answerFile)) {
                a.write(Integer.toString(code).getBytes(StandardCharsets.US_ASCII));
            } catch (java.io.IOException e) {
                // the launcher then goes by the exit status alone
            }
        }
        System.exit(code);
    }

    /**
     * In a relaunched child: when the launcher dies without stopping it (SIGKILL, an OOM killer), the
     * child stops too instead of running on, unwatched, with the user's terminal or CI step.
     */
    static final class OrphanGuard extends Thread {
        private final ProcessHandle launcher;

        private OrphanGuard(ProcessHandle launcher) {
            super("tollgate-orphan-guard");
            this.launcher = launcher;
            setDaemon(true);
        }

        static void watch() {
            java.util.Optional<ProcessHandle> parent = ProcessHandle.current().parent();
            if (parent.isPresent()) new OrphanGuard(parent.get()).start();
        }

        @Override
        public void run() {
            try {
                launcher.onExit().get();
            } catch (Exception e) {
                return;
            }
            Runtime.getRuntime().halt(Cli.USAGE);
        }
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
